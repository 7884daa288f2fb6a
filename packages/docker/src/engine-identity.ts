/**
 * Which daemon is behind a Docker host: found through the socket it listens
 * on (or the pidfile it wrote), never by a process name, so that a machine
 * running several engines (each in its own network namespace, with its own
 * data root) has the one that was asked for touched and no other.
 */
import { readFileSync } from 'node:fs'
import { NetmodesError } from '@netmodes/core'
import { netnsOf, netnsPath, processImage, socketHolders, socketListener, startTime } from './_proc.js'
import { DEFAULT_DOCKER_HOST } from './connect-docker.js'

/** A local dockerd, identified. */
export interface EngineIdentity {
  /** Its process id. */
  pid: number
  /** Its start time (/proc/PID/stat field 22), so a later process given the same pid is not taken for it. */
  startTime: string
  /** The unix socket it was identified by, e.g. `/var/run/docker.sock`. */
  socket: string
  /**
   * Its network namespace when it is not ours: a named one (`/run/netns/NAME`)
   * when there is one, else `/proc/PID/ns/net`. Undefined: it shares ours.
   */
  netns: string | undefined
  /** The binary it runs, its arguments (after argv[0]), environment and working directory: how to start it again. */
  exe: string
  args: string[]
  env: Record<string, string>
  cwd: string
  /** `--data-root` (default /var/lib/docker): its images, containers, network and swarm state. */
  dataRoot: string
  /** `--exec-root` (default /var/run/docker): its runtime state, the sandboxes' netns mounts. */
  execRoot: string
  /** `--pidfile` (default /var/run/docker.pid). */
  pidfile: string
  /** True when it was handed its socket by a service manager (`-H fd://`): it cannot be restarted by hand. */
  socketActivated: boolean
}

/** Options of {@link identifyEngine}. */
export interface IdentifyEngineOptions {
  /** `unix:///path`; defaults to DOCKER_HOST, then {@link DEFAULT_DOCKER_HOST}. */
  host?: string
  /**
   * The daemon's pidfile: when given, the process it names must be the one
   * listening on the socket, or nothing is identified.
   */
  pidfile?: string
}

// dockerd's flags (cmd/dockerd/config.go) and their daemon.json keys; pflag takes `--x v` and `--x=v`.
const FLAGS = {
  dataRoot: { long: ['--data-root', '--graph'], short: '-g', json: ['data-root', 'graph'] },
  execRoot: { long: ['--exec-root'], short: undefined, json: ['exec-root'] },
  pidfile: { long: ['--pidfile'], short: '-p', json: ['pidfile'] },
  configFile: { long: ['--config-file'], short: undefined, json: [] },
} as const
const DEFAULTS = {
  dataRoot: '/var/lib/docker',
  execRoot: '/var/run/docker',
  pidfile: '/var/run/docker.pid',
  configFile: '/etc/docker/daemon.json',
}

function flagValue(args: readonly string[], flag: (typeof FLAGS)[keyof typeof FLAGS]): string | undefined {
  let value: string | undefined
  args.forEach((arg, i) => {
    for (const name of [...flag.long, ...(flag.short ? [flag.short] : [])]) {
      if (arg === name) value = args[i + 1]
      else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1)
    }
  })
  return value
}

function hostsOf(args: readonly string[]): string[] {
  const hosts: string[] = []
  args.forEach((arg, i) => {
    if (arg === '-H' || arg === '--host') hosts.push(args[i + 1] ?? '')
    else if (arg.startsWith('--host=')) hosts.push(arg.slice('--host='.length))
    else if (arg.startsWith('-H') && arg.length > 2) hosts.push(arg.slice(2).replace(/^=/, ''))
  })
  return hosts
}

/**
 * Where a dockerd started with these arguments keeps its state: its flags,
 * else its configuration file's keys, else dockerd's defaults.
 *
 * @example
 * daemonPaths(['--data-root', '/var/lib/docker28']).dataRoot // "/var/lib/docker28"
 */
export function daemonPaths(args: readonly string[]): {
  dataRoot: string
  execRoot: string
  pidfile: string
} {
  const configFile = flagValue(args, FLAGS.configFile) ?? DEFAULTS.configFile
  let config: Record<string, unknown> = {}
  try {
    config = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>
  } catch {
    // No configuration file (the default) or an unreadable one: dockerd would refuse the latter itself.
  }
  const pick = (key: 'dataRoot' | 'execRoot' | 'pidfile') => {
    const fromJson = FLAGS[key].json.map((k) => config[k]).find((v) => typeof v === 'string')
    return flagValue(args, FLAGS[key]) ?? (fromJson as string | undefined) ?? DEFAULTS[key]
  }
  return { dataRoot: pick('dataRoot'), execRoot: pick('execRoot'), pidfile: pick('pidfile') }
}

function refuse(socket: string, why: string): never {
  throw new NetmodesError('UNSUPPORTED', `cannot identify the Docker engine at unix://${socket}: ${why}`)
}

function socketOf(host: string): string {
  if (!host.startsWith('unix://')) {
    throw new NetmodesError(
      'UNSUPPORTED',
      `cannot identify the Docker engine at ${host}: only an engine listening on a unix socket of this machine can be`,
    )
  }
  return host.slice('unix://'.length)
}

/**
 * Identifies the local dockerd behind a Docker host: the process that holds
 * the listening socket (found through /proc/net/unix of each network
 * namespace and the processes' open files), checked against the pidfile when
 * one is given, with what it takes to start it again (binary, arguments,
 * environment, network namespace) and where its state lives. Throws a
 * NetmodesError (UNSUPPORTED) when it cannot tell which process that is: a
 * tcp:// host, nothing listening, several candidates, or a pidfile naming
 * another process. Needs root to see other processes' files.
 *
 * @example
 * const engine = identifyEngine({ host: 'unix:///run/docker28.sock' })
 * engine.netns // "/run/netns/d28"
 * engine.dataRoot // "/var/lib/docker28"
 */
export function identifyEngine(options: IdentifyEngineOptions = {}): EngineIdentity {
  const socket = socketOf(options.host || process.env.DOCKER_HOST || DEFAULT_DOCKER_HOST)
  const listener = socketListener(socket)
  if (!listener) refuse(socket, 'no process of this machine listens on it (is the engine running?)')
  const holders = socketHolders(listener.netns, listener.inodes)
  let pid: number
  if (options.pidfile !== undefined) {
    let text: string
    try {
      text = readFileSync(options.pidfile, 'utf8').trim()
    } catch (error) {
      refuse(socket, `its pidfile ${options.pidfile} cannot be read (${(error as Error).message})`)
    }
    pid = Number(text)
    if (!Number.isInteger(pid) || pid <= 0)
      refuse(socket, `pidfile ${options.pidfile} holds "${text}", not a pid`)
    if (!holders.includes(pid))
      refuse(socket, `pidfile ${options.pidfile} names process ${pid}, which does not hold the socket`)
  } else {
    if (holders.length === 0)
      refuse(socket, 'no process holding it can be seen (run as root to read the processes of this machine)')
    if (holders.length > 1)
      refuse(socket, `processes ${holders.join(', ')} all hold it; give the daemon's pidfile to choose`)
    pid = holders[0] as number
  }
  const image = processImage(pid)
  const started = startTime(pid)
  if (!image || !started) refuse(socket, `process ${pid} went away while it was being identified`)
  const args = image.argv.slice(1)
  return {
    pid,
    startTime: started,
    socket,
    netns: listener.netns === netnsOf('self') ? undefined : netnsPath(pid),
    exe: image.exe,
    args,
    env: image.env,
    cwd: image.cwd,
    ...daemonPaths(args),
    socketActivated: hostsOf(args).some((h) => h.startsWith('fd://')),
  }
}
