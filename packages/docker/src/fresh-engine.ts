/**
 * DESTRUCTIVE — for test machines only. Brings one local Docker Engine back
 * to a first start: the one behind the socket it is given, identified by
 * the process that listens there (see identifyEngine), and nothing else on
 * the machine.
 */
import { spawn } from 'node:child_process'
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs'
import { NetmodesError } from '@netmodes/core'
import { baseDaemonArgs, rememberAddedArgs } from './_added-daemon-args.js'
import { callEngine } from './_engine-request.js'
import { daemonDropsForward, daemonDropsForward6 } from './_forward-policy.js'
import { readTool, runShell } from './_host-tools.js'
import { childrenOf, startTime } from './_proc.js'
import { connectDocker, DEFAULT_DOCKER_HOST, type DockerConnection } from './connect-docker.js'
import { DockerUnavailableError } from './docker-unavailable-error.js'
import { type EngineIdentity, identifyEngine } from './engine-identity.js'
import { writesRawTable } from './observe-engine.js'

/** Options of {@link resetEngine}. */
export interface ResetEngineOptions {
  /** The engine to reset: `unix:///path` (default DOCKER_HOST, then unix:///var/run/docker.sock). */
  host?: string
  /**
   * The daemon's pidfile: when given, the process it names must be the one
   * listening on the socket, or nothing is done.
   */
  pidfile?: string
  /** The dockerd binary to start again (default: the one the identified daemon runs). */
  dockerd?: string
  /**
   * Where the new daemon's output goes (appended): default the file the old
   * daemon wrote its output to, else /tmp/dockerd.log.
   */
  logFile?: string
  /**
   * The uplink whose forwarded traffic is dropped in the mangle table, so
   * that nothing a test starts can leave the machine (default: the default
   * route's device in the engine's namespace, else "eth0", as the recorder
   * guards); false adds no guard.
   */
  egressGuard?: string | false
  /** How long to wait for dockerd to stop, then to answer (default 30 s each). */
  timeoutMs?: number
  /**
   * Flags to start the daemon with after its own (a scenario's `dockerd`
   * line, e.g. `['--bip=10.99.0.1/24', '--mtu=1400']`). Its own are the ones
   * it runs with, less those a previous reset added: flags never pile up,
   * and a reset without daemonArgs starts it with its own flags alone. A
   * daemon that refuses them is started again with its own flags, and the
   * reset throws what it said.
   */
  daemonArgs?: readonly string[]
}

const PREDEFINED = new Set(['bridge', 'host', 'none'])
// Interfaces a previous daemon or scenario may leave: bridges, swarm's, the scenarios' parents and LANs.
const LEFTOVER_LINK = /^(br-|docker_gwbridge$|docker0$|nmparent|nmlan|mybr0$|vx-)/
// The scenarios' LAN machines (`host ip netns add nmpc1`): namespaces, global to the machine (/run/netns).
const LEFTOVER_NETNS = /^nmpc[\w-]*$/
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// Alive, and still the process that was identified (a pid is reused once it exits).
function same(pid: number, started: string | undefined): boolean {
  return started !== undefined && startTime(pid) === started
}

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return true
    if (Date.now() > deadline) return false
    await sleep(200)
  }
}

// Remove what the running engine holds, through its API, so that it also releases what it set up.
async function emptyEngine(conn: DockerConnection): Promise<void> {
  const { docker } = conn
  const containers = JSON.parse(
    (await callEngine(docker, { method: 'GET', path: '/containers/json', query: { all: '1' } })).text,
  ) as { Id: string }[]
  for (const c of containers) {
    await callEngine(docker, {
      method: 'DELETE',
      path: `/containers/${c.Id}`,
      query: { force: '1', v: '1' },
    }).catch(() => undefined)
  }
  const info = JSON.parse((await callEngine(docker, { method: 'GET', path: '/info' })).text) as {
    Swarm?: { LocalNodeState?: string }
  }
  if ((info.Swarm?.LocalNodeState ?? 'inactive') !== 'inactive') {
    await callEngine(docker, { method: 'POST', path: '/swarm/leave', query: { force: '1' } }).catch(
      () => undefined,
    )
  }
  const networks = JSON.parse((await callEngine(docker, { method: 'GET', path: '/networks' })).text) as {
    Id: string
    Name: string
  }[]
  for (const n of networks) {
    if (PREDEFINED.has(n.Name)) continue
    await callEngine(docker, { method: 'DELETE', path: `/networks/${n.Id}` }).catch(() => undefined)
  }
}

// SIGTERM to the daemon, by its pid; it stops its own containerd and docker-proxy children,
// whose pids were taken before, so the next daemon does not find them in its way.
async function stopDaemon(engine: EngineIdentity, timeoutMs: number): Promise<void> {
  const family = [engine.pid, ...childrenOf(engine.pid)].map((pid) => ({ pid, started: startTime(pid) }))
  const living = () => family.filter(({ pid, started }) => same(pid, started))
  process.kill(engine.pid, 'SIGTERM')
  if (await waitUntil(() => living().length === 0, timeoutMs)) return
  for (const { pid } of living()) process.kill(pid, 'SIGKILL')
  await waitUntil(() => living().length === 0, 5000)
}

async function removeLeftovers(engine: EngineIdentity, netns: string | undefined): Promise<void> {
  // Its network and swarm state only: images and containers' layers stay.
  rmSync(`${engine.dataRoot}/network`, { recursive: true, force: true })
  rmSync(`${engine.dataRoot}/swarm`, { recursive: true, force: true })
  const links = (await readTool('ip', ['-o', 'link', 'show'], netns))
    .split('\n')
    .map((line) => (line.split(': ')[1] ?? '').replace(/@.*/, ''))
    .filter((name) => LEFTOVER_LINK.test(name))
  for (const name of links) await runShell(`ip link del ${JSON.stringify(name)} 2>/dev/null`, netns)
  // Deleting a machine's namespace deletes its links, and their veth peers on this side.
  const machines = existsSync('/run/netns')
    ? readdirSync('/run/netns').filter((n) => LEFTOVER_NETNS.test(n))
    : []
  for (const name of machines) await runShell(`ip netns del ${JSON.stringify(name)} 2>/dev/null`)
  // The sandboxes' namespaces it bind-mounted under its exec root.
  const mounts = `${engine.execRoot}/netns`
  if (existsSync(mounts)) {
    for (const f of readdirSync(mounts)) {
      await runShell(`umount ${JSON.stringify(`${mounts}/${f}`)} 2>/dev/null`)
      rmSync(`${mounts}/${f}`, { force: true })
    }
  }
}

// The device of the default route: where container traffic would leave.
async function defaultUplink(netns: string | undefined): Promise<string> {
  const routes = JSON.parse(
    await readTool('ip', ['-j', 'route', 'show', 'default'], netns).catch(() => '[]'),
  ) as { dev?: string }[]
  return routes[0]?.dev ?? 'eth0'
}

async function guardEgress(uplink: string | false, netns: string | undefined): Promise<void> {
  if (!uplink) return
  // In IPv6 only the echo requests: the rest of ICMPv6 is neighbour discovery, which
  // the machine's own IPv6 needs on its uplink.
  const rules: [string, string[]][] = [
    ['iptables', ['FORWARD', '-o', uplink, '-j', 'DROP']],
    ['iptables', ['POSTROUTING', '-o', uplink, '-p', 'icmp', '-j', 'DROP']],
    ['ip6tables', ['FORWARD', '-o', uplink, '-j', 'DROP']],
    [
      'ip6tables',
      ['POSTROUTING', '-o', uplink, '-p', 'ipv6-icmp', '--icmpv6-type', 'echo-request', '-j', 'DROP'],
    ],
  ]
  for (const [tool, rule] of rules) {
    const present = await runShell(`${tool} -t mangle -C ${rule.join(' ')}`, netns)
    if (present.exit !== 0) await readTool(tool, ['-t', 'mangle', '-A', ...rule], netns)
  }
}

// Engine 28 also writes raw (per-endpoint PREROUTING DROPs); it removes them with the
// endpoints, but a daemon that died leaves them. Known from the running daemon's version,
// else from the table itself naming a Docker bridge.
async function writesRaw(running: DockerConnection | undefined, netns: string | undefined): Promise<boolean> {
  if (running) return writesRawTable(running.serverVersion)
  const raw = await readTool('iptables-save', ['-t', 'raw'], netns).catch(() => '')
  return /^-A PREROUTING .*! -i (docker0|docker_gwbridge|br-)/m.test(raw)
}

async function resetFirewall(
  netns: string | undefined,
  raw: boolean,
  forwardDrop: boolean,
  forwardDrop6: boolean,
): Promise<void> {
  for (const tool of ['iptables', 'ip6tables']) {
    for (const table of ['nat', 'filter', ...(raw ? ['raw'] : [])]) {
      await readTool(tool, ['-t', table, '-F'], netns)
      await readTool(tool, ['-t', table, '-X'], netns)
    }
  }
  // On a freshly booted host dockerd sets FORWARD to DROP when it turns
  // forwarding on; with forwarding already on it leaves the policy alone.
  // Setting DROP here makes every start look like a first start without
  // touching ip_forward, which other tools on the host may rely on. A daemon
  // whose flags keep it from setting DROP (daemonDropsForward) finds the
  // kernel's default, ACCEPT.
  await readTool('iptables', ['-P', 'FORWARD', forwardDrop ? 'DROP' : 'ACCEPT'], netns)
  // The same in IPv6 for a daemon that writes ip6tables (28 by default: setupIPv6Forwarding
  // sets DROP when it turns IPv6 forwarding on); 20.10 never sets an IPv6 policy.
  await readTool('ip6tables', ['-P', 'FORWARD', forwardDrop6 ? 'DROP' : 'ACCEPT'], netns)
}

// Where the daemon wrote its output, when that was a file (`dockerd >LOG 2>&1 &`).
function logFileOf(pid: number): string | undefined {
  try {
    const out = readlinkSync(`/proc/${pid}/fd/1`)
    return out.startsWith('/') && statSync(out).isFile() ? out : undefined
  } catch {
    return undefined
  }
}

interface DaemonStart {
  program: string
  engine: EngineIdentity
  netns: string | undefined
  logFile: string
  host: string
  timeoutMs: number
}

// Starts dockerd with these flags, as the identified one ran (environment, working directory,
// network namespace), and waits until it answers, or exits (a flag it refuses), or the time is up.
async function startDaemon(
  start: DaemonStart,
  args: readonly string[],
): Promise<{ conn: DockerConnection; why?: undefined } | { conn?: undefined; why: string }> {
  const { program, engine, netns, logFile, host, timeoutMs } = start
  const log = openSync(logFile, 'a')
  const [file, argv] = netns ? ['nsenter', [`--net=${netns}`, program, ...args]] : [program, [...args]]
  const child = spawn(file, argv, {
    detached: true,
    stdio: ['ignore', log, log],
    env: engine.env,
    cwd: engine.cwd,
  })
  let exited: string | undefined
  child.on('error', (error) => {
    exited = error.message
  })
  child.on('exit', (code, signal) => {
    exited = `it exited (${signal ?? `status ${code}`})`
  })
  child.unref()
  closeSync(log)

  let conn: DockerConnection | undefined
  await waitUntil(async () => {
    conn = await connectDocker({ host }).catch(() => undefined)
    return conn !== undefined || exited !== undefined
  }, timeoutMs)
  if (conn) return { conn }
  if (exited === undefined && child.pid !== undefined) {
    // Still running but silent: stopped, so that the next start does not find it holding the pidfile.
    child.kill('SIGTERM')
    if (!(await waitUntil(() => exited !== undefined, 10_000))) child.kill('SIGKILL')
  }
  const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : ''
  return { why: `${exited ?? `no answer within ${timeoutMs} ms`}; ${logFile}:\n${tail}` }
}

/**
 * **Destructive; for test machines only.** Resets one local Docker Engine
 * to a first start. The engine is the daemon listening on `host`'s unix
 * socket (checked against `pidfile` when given); one that cannot be
 * identified, or that a service manager started with socket activation, is
 * refused before anything changes. Then: removes every container, leaves
 * any swarm, removes every non-predefined network, stops that daemon by its
 * pid (SIGTERM, SIGKILL past the timeout, its children with it), wipes the
 * network and swarm state under its data root and the namespace mounts
 * under its exec root, and, in the network namespace it runs in, deletes
 * leftover bridges (br-*, docker0, docker_gwbridge, mybr0, vx-*) and the
 * scenarios' nmparent* interfaces, flushes the nat and filter tables (and
 * raw, which an engine 28 writes), sets
 * the FORWARD policy to DROP (ACCEPT for a daemon whose flags keep it from
 * setting DROP: --iptables=false, --ip-forward=false) and keeps an egress guard on the uplink. It
 * starts the same binary again with the same arguments, environment and
 * working directory, in the same network namespace (`nsenter --net`), and
 * waits until it answers; `daemonArgs` are added after its own flags (and
 * dropped again by the next reset that does not give them). Must run as root on the engine's machine. Images
 * are kept.
 *
 * @example
 * const conn = await resetEngine() // the engine at DOCKER_HOST or /var/run/docker.sock, fresh
 * const other = await resetEngine({ host: 'unix:///run/docker28.sock' }) // another one, alone
 * await resetEngine({ daemonArgs: ['--icc=false'] }) // its own flags and --icc=false
 */
export async function resetEngine(options: ResetEngineOptions = {}): Promise<DockerConnection> {
  const timeoutMs = options.timeoutMs ?? 30_000
  const host = options.host || process.env.DOCKER_HOST || DEFAULT_DOCKER_HOST
  const engine = identifyEngine({
    host,
    ...(options.pidfile !== undefined ? { pidfile: options.pidfile } : {}),
  })
  if (engine.socketActivated) {
    throw new NetmodesError(
      'UNSUPPORTED',
      `the Docker engine at ${host} (pid ${engine.pid}) was given its socket by a service manager (-H fd://): restart it through that manager`,
    )
  }
  const logFile = options.logFile ?? logFileOf(engine.pid) ?? '/tmp/dockerd.log'
  // Hold the engine's namespace open: /proc/PID/ns/net goes with the old daemon, the namespace must not.
  const handle = engine.netns ? openSync(engine.netns, 'r') : undefined
  const netns = handle === undefined ? undefined : `/proc/${process.pid}/fd/${handle}`
  try {
    const uplink = options.egressGuard ?? (await defaultUplink(netns))
    const running = await connectDocker({ host }).catch(() => undefined)
    if (running) await emptyEngine(running)
    // An engine that writes raw (28) also has ip6tables on by default (moby 27+).
    const raw = await writesRaw(running, netns)
    const base = baseDaemonArgs(engine.args, engine.pidfile)
    const added = [...(options.daemonArgs ?? [])]
    await stopDaemon(engine, timeoutMs)
    await removeLeftovers(engine, netns)
    await resetFirewall(
      netns,
      raw,
      daemonDropsForward([...base, ...added]),
      daemonDropsForward6([...base, ...added], raw),
    )
    await guardEgress(uplink, netns)

    const daemon = { program: options.dockerd ?? engine.exe, engine, netns, logFile, host, timeoutMs }
    rememberAddedArgs(engine.pidfile, added)
    const started = await startDaemon(daemon, [...base, ...added])
    if (!started.conn) {
      if (added.length === 0) throw new DockerUnavailableError(host, `dockerd did not start; ${started.why}`)
      // Refused (dockerd exits on a flag or value it rejects): back to its own flags, so the engine stays up.
      await removeLeftovers(engine, netns)
      await resetFirewall(netns, raw, daemonDropsForward(base), daemonDropsForward6(base, raw))
      await guardEgress(uplink, netns)
      rememberAddedArgs(engine.pidfile, [])
      const again = await startDaemon(daemon, base)
      throw new DockerUnavailableError(
        host,
        `dockerd did not start with ${added.join(' ')}; ${started.why}${again.conn ? '\n(started again with its own flags)' : `\nand not with its own flags either: ${again.why}`}`,
      )
    }
    const conn = started.conn
    await guardEgress(uplink, netns)
    return conn
  } finally {
    if (handle !== undefined) closeSync(handle)
  }
}
