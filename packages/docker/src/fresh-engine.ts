/**
 * DESTRUCTIVE — for test machines only. Brings the local Docker Engine back
 * to a first start, as conformance/record.sh's `fresh_engine` does.
 */
import { spawn } from 'node:child_process'
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { callEngine } from './_engine-request.js'
import { readTool, runShell } from './_host-tools.js'
import { connectDocker, type DockerConnection } from './connect-docker.js'
import { DockerUnavailableError } from './docker-unavailable-error.js'

/** Options of {@link resetEngine}. */
export interface ResetEngineOptions {
  /** The dockerd binary to start (default "dockerd", from PATH). */
  dockerd?: string
  /** Where dockerd's output goes (default /tmp/dockerd.log, truncated). */
  logFile?: string
  /**
   * The uplink whose forwarded traffic is dropped in the mangle table, so
   * that nothing a test starts can leave the machine (default: the default
   * route's device, else "eth0", as the recorder guards); false adds no guard.
   */
  egressGuard?: string | false
  /** How long to wait for dockerd to stop, then to answer (default 30 s each). */
  timeoutMs?: number
}

const PREDEFINED = new Set(['bridge', 'host', 'none'])
// Interfaces a previous daemon or scenario may leave: bridges, swarm's, the scenarios' parents.
const LEFTOVER_LINK = /^(br-|docker_gwbridge$|docker0$|nmparent|mybr0$|vx-)/
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function pidsOf(program: string): Promise<number[]> {
  const out = await readTool('pidof', [program]).catch(() => '')
  return out.split(/\s+/).filter(Boolean).map(Number)
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

async function stopDockerd(timeoutMs: number): Promise<void> {
  const pids = await pidsOf('dockerd')
  for (const pid of pids) process.kill(pid, 'SIGTERM')
  if (!(await waitUntil(() => pids.every((pid) => !alive(pid)), timeoutMs))) {
    for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL')
    await sleep(1000)
  }
  // dockerd's own containerd goes with it; wait so the next daemon can start its own.
  await waitUntil(async () => {
    const out = await readTool('pgrep', [
      '-f',
      '^containerd --config /var/run/docker/containerd/containerd.toml',
    ]).catch(() => '')
    return out.trim() === ''
  }, 10_000)
}

async function removeLeftovers(): Promise<void> {
  rmSync('/var/lib/docker/network', { recursive: true, force: true })
  rmSync('/var/lib/docker/swarm', { recursive: true, force: true })
  const links = (await readTool('ip', ['-o', 'link', 'show']))
    .split('\n')
    .map((line) => (line.split(': ')[1] ?? '').replace(/@.*/, ''))
    .filter((name) => LEFTOVER_LINK.test(name))
  for (const name of links) await runShell(`ip link del ${JSON.stringify(name)} 2>/dev/null`)
  const netns = '/var/run/docker/netns'
  if (existsSync(netns)) {
    for (const f of readdirSync(netns)) {
      await runShell(`umount ${JSON.stringify(`${netns}/${f}`)} 2>/dev/null`)
      rmSync(`${netns}/${f}`, { force: true })
    }
  }
}

// The device of the default route: where container traffic would leave.
async function defaultUplink(): Promise<string> {
  const routes = JSON.parse(await readTool('ip', ['-j', 'route', 'show', 'default']).catch(() => '[]')) as {
    dev?: string
  }[]
  return routes[0]?.dev ?? 'eth0'
}

async function guardEgress(uplink: string | false): Promise<void> {
  if (!uplink) return
  const rules = [
    ['FORWARD', '-o', uplink, '-j', 'DROP'],
    ['POSTROUTING', '-o', uplink, '-p', 'icmp', '-j', 'DROP'],
  ]
  for (const rule of rules) {
    const present = await runShell(`iptables -t mangle -C ${rule.join(' ')}`)
    if (present.exit !== 0) await readTool('iptables', ['-t', 'mangle', '-A', ...rule])
  }
}

async function resetFirewall(): Promise<void> {
  for (const table of ['nat', 'filter']) {
    await readTool('iptables', ['-t', table, '-F'])
    await readTool('iptables', ['-t', table, '-X'])
  }
  // On a freshly booted host dockerd sets FORWARD to DROP when it turns
  // forwarding on; with forwarding already on it leaves the policy alone.
  // Setting DROP here makes every start look like a first start without
  // touching ip_forward, which other tools on the host may rely on.
  await readTool('iptables', ['-P', 'FORWARD', 'DROP'])
}

/**
 * **Destructive; for test machines only.** Resets the local Docker Engine
 * to a first start: removes every container, leaves any swarm, removes
 * every non-predefined network, stops dockerd, wipes
 * /var/lib/docker/network and /var/lib/docker/swarm, deletes leftover
 * bridges (br-*, docker0, docker_gwbridge, mybr0, vx-*) and the scenarios'
 * nmparent* interfaces, flushes the nat and filter tables, sets the FORWARD
 * policy to DROP, keeps an egress guard on the uplink, starts dockerd
 * detached (output to /tmp/dockerd.log) and waits until it answers.
 * Must run as root on the engine's machine. Images are kept.
 *
 * @example
 * const conn = await resetEngine() // a fresh engine, connected
 */
export async function resetEngine(options: ResetEngineOptions = {}): Promise<DockerConnection> {
  const timeoutMs = options.timeoutMs ?? 30_000
  const logFile = options.logFile ?? '/tmp/dockerd.log'
  const uplink = options.egressGuard ?? (await defaultUplink())
  const running = await connectDocker({ host: 'unix:///var/run/docker.sock' }).catch(() => undefined)
  if (running) await emptyEngine(running)
  await stopDockerd(timeoutMs)
  await removeLeftovers()
  await resetFirewall()
  await guardEgress(uplink)

  const log = openSync(logFile, 'w')
  const child = spawn(options.dockerd ?? 'dockerd', [], { detached: true, stdio: ['ignore', log, log] })
  child.on('error', () => undefined)
  child.unref()
  closeSync(log)

  let conn: DockerConnection | undefined
  await waitUntil(async () => {
    conn = await connectDocker({ host: 'unix:///var/run/docker.sock' }).catch(() => undefined)
    return conn !== undefined
  }, timeoutMs)
  if (!conn) {
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : ''
    throw new DockerUnavailableError(
      'unix:///var/run/docker.sock',
      `dockerd did not start; ${logFile}:\n${tail}`,
    )
  }
  await guardEgress(uplink)
  return conn
}
