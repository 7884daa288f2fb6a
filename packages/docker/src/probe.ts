import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { connect } from 'node:net'
import type { TraceStatement } from '@netmodes/core'
import { NetmodesError } from '@netmodes/core'
import { execIn } from './_exec-in.js'
import { inNetns, readTool, runShell } from './_host-tools.js'
import type { DockerConnection } from './connect-docker.js'

/** What a probe found: the packet got there (and, for TCP, an answer came back), or not. */
export interface ProbeResult {
  delivered: boolean
  /** What the probing tool said, for the record. */
  detail: string
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

/**
 * A machine of the scenario's own: a network namespace its `host ip netns add NAME` line made
 * (`ip netns` keeps it at /run/netns/NAME), standing for another machine on a LAN beside the host.
 */
function machineNetns(name: string): string | undefined {
  const path = `/run/netns/${name}`
  return /^[\w.-]+$/.test(name) && existsSync(path) ? path : undefined
}

/** A LAN machine's address: the first global IPv4 address on its links, as `ip -j addr` shows it. */
async function machineAddress(netns: string, name: string): Promise<string> {
  const links = JSON.parse(await readTool('ip', ['-j', '-4', 'addr', 'show', 'scope', 'global'], netns)) as {
    addr_info?: { local?: string }[]
  }[]
  const address = links.flatMap((l) => l.addr_info ?? []).find((a) => a.local)?.local
  if (!address) throw new NetmodesError('NOT_FOUND', `${name} has no address to probe`)
  return address
}

/** The address of a container, as `docker inspect` shows it (the host does not ask Docker's DNS). */
async function addressOf(conn: DockerConnection, target: string): Promise<string> {
  // An IPv4 address, or an IPv6 one (parseTraceStatement takes `[fd00::2]:80` apart).
  if (IPV4.test(target) || target.includes(':')) return target
  const machine = machineNetns(target)
  if (machine) return machineAddress(machine, target)
  const info = await conn.docker.getContainer(target).inspect()
  const networks = Object.values(info.NetworkSettings.Networks ?? {})
  const address = networks.map((n) => n.IPAddress).find(Boolean)
  if (!address) throw new NetmodesError('NOT_FOUND', `${target} has no address to probe`)
  return address
}

function tcpFromHost(address: string, port: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, timeout: 2000 })
    let data = ''
    const done = (delivered: boolean, detail: string) => {
      socket.destroy()
      resolve({ delivered, detail })
    }
    socket.on('data', (d) => {
      data += d.toString()
      done(true, `answered: ${data.trim()}`)
    })
    socket.on('timeout', () => done(false, 'timed out'))
    socket.on('error', (e) => done(false, e.message))
    // docker-proxy accepts before it reaches the container: only an answer proves delivery.
    socket.on('end', () =>
      done(data.length > 0, data.length > 0 ? `answered: ${data.trim()}` : 'closed without an answer'),
    )
  })
}

// The same connection as tcpFromHost, made by a Node child in the engine's network namespace
// (a socket belongs to the namespace of the process that opens it).
const TCP_PROBE = `const s = require('node:net').connect({ host: process.argv[1], port: Number(process.argv[2]), timeout: 2000 })
let d = ''
const done = (ok, why) => { s.destroy(); process.stdout.write(JSON.stringify({ delivered: ok, detail: why })) }
s.on('data', (x) => { d += x; done(true, 'answered: ' + d.trim()) })
s.on('timeout', () => done(false, 'timed out'))
s.on('error', (e) => done(false, e.message))
s.on('end', () => done(d.length > 0, d.length > 0 ? 'answered: ' + d.trim() : 'closed without an answer'))`

function tcpFromNetns(netns: string, address: string, port: number): Promise<ProbeResult> {
  const [file, args] = inNetns(netns, process.execPath, ['-e', TCP_PROBE, address, String(port)])
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 10_000 }, (error, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout) as ProbeResult)
      } catch {
        resolve({ delivered: false, detail: stderr.trim() || (error?.message ?? 'no answer') })
      }
    })
  })
}

/**
 * Sends the probe a `trace` line describes, for real, bounded in time: an
 * ICMP echo (`ping -c 1 -W 1`) or a TCP connection that must bring back an
 * answer (the conformance listeners say "ok"). Sources are containers
 * (through exec, so names go through Docker's embedded DNS as an
 * application's would), the host, or a LAN machine the scenario made (a
 * network namespace named in `ip netns add`). Only the addresses of
 * containers, bridges and those machines may be targets: nothing leaves the
 * machine. The host's probes leave from the engine's network namespace
 * (`conn.netns`), a machine's from its own.
 *
 * @example
 * await probe(conn, { from: 'api', to: 'web', protocol: 'tcp', port: 80 })
 */
export async function probe(conn: DockerConnection, stmt: TraceStatement): Promise<ProbeResult> {
  if (['lan', 'internet'].includes(stmt.from) || ['lan', 'internet', 'host'].includes(stmt.to)) {
    throw new NetmodesError(
      'UNSUPPORTED',
      `not probed on a real engine: ${stmt.from} -> ${stmt.to} leaves this host`,
    )
  }
  if (stmt.protocol === 'udp')
    throw new NetmodesError('UNSUPPORTED', 'UDP is not probed: no answer proves delivery')
  // The host's probes leave from the engine's namespace; a LAN machine's from its own.
  const machine = machineNetns(stmt.from)
  if (stmt.from === 'host' || machine) {
    const netns = machine ?? conn.netns
    const address = await addressOf(conn, stmt.to)
    if (stmt.protocol === 'icmp') {
      const r = await runShell(`ping -c 1 -W 1 ${address}`, netns)
      return { delivered: r.exit === 0, detail: (r.stdout + r.stderr).trim().split('\n').pop() ?? '' }
    }
    const tcp = () =>
      netns ? tcpFromNetns(netns, address, stmt.port ?? 0) : tcpFromHost(address, stmt.port ?? 0)
    // The host's first packet to a container's fresh IPv6 address can wait out neighbour discovery
    // (a fresh 20.10 in CI lost host -> [fd00:99::2]:80 once): a refused or silent first try is tried
    // once more. A retry never makes a dropped path look delivered: only an answer counts.
    const first = await tcp()
    if (first.delivered || !address.includes(':')) return first
    await new Promise((r) => setTimeout(r, 500))
    return tcp()
  }
  // A LAN machine has no name in Docker's DNS: the container sends to its address.
  const toMachine = machineNetns(stmt.to)
  const to = toMachine ? await machineAddress(toMachine, stmt.to) : stmt.to
  const cmd =
    stmt.protocol === 'icmp'
      ? ['timeout', '3', 'ping', '-c', '1', '-W', '1', to]
      : ['timeout', '3', 'nc', '-w', '2', to, String(stmt.port)]
  const r = await execIn(conn, stmt.from, cmd)
  // ping exits 0 on a reply; nc exits 0 only when it connected, and an answer must have come back.
  const delivered = r.exit === 0 && (stmt.protocol === 'icmp' || r.output.trim().length > 0)
  return { delivered, detail: r.output.trim().split('\n').pop() ?? '' }
}
