/**
 * Swarm services on a simulated cluster, as far as networking goes
 * (swarmkit's orchestrator, allocator and scheduler, and the nodes' agents):
 * `docker service create` on a manager allocates the service's virtual IP
 * on each of its networks (endpoint mode vip), places each replica's task on
 * a node its constraints allow (the fewest tasks first), and that node's
 * agent starts the task's container `NAME.SLOT.TASKID` attached to the
 * networks; every node holding such a network learns the service's DNS
 * records (NAME and tasks.NAME). `docker service ls` lists them.
 */

import type { StepResult } from '../engine/execute.js'
import { requestAddress } from '../ipam/pool.js'
import { containerByName, findNetwork } from '../model/lookup.js'
import { Tx } from '../model/tx.js'
import { drawBase36 } from '../rng.js'
import type { ClusterNode, ClusterState, SwarmService } from './cluster-state.js'
import { afterCommand, beforeCommand, isManager } from './swarm-store.js'

interface ServiceCreate {
  quiet: boolean
  name: string
  networks: string[]
  endpointMode: 'vip' | 'dnsrr'
  constraints: string[]
  replicas: number
  image: string
  cmd: string[]
}

const NOT_MANAGER =
  "Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.\n"

function failed(command: string, error: string, exitCode = 1): StepResult {
  return { command, ok: false, output: '', error, exitCode, operations: [] }
}

/** The flags of `docker service create` the scenarios use (cli/command/service/opts.go); its args stop at the image. */
function parseCreate(args: string[]): ServiceCreate | string {
  const out: ServiceCreate = {
    quiet: false,
    name: '',
    networks: [],
    endpointMode: 'vip',
    constraints: [],
    replicas: 1,
    image: '',
    cmd: [],
  }
  let i = 0
  // `--flag value` or `--flag=value`.
  const value = (): string => {
    const w = args[i] ?? ''
    const eq = w.indexOf('=')
    if (eq >= 0) return w.slice(eq + 1)
    i++
    return args[i] ?? ''
  }
  for (; i < args.length; i++) {
    const word = args[i] ?? ''
    if (!word.startsWith('-')) break
    const flag = word.split('=')[0]
    if (flag === '-q' || flag === '--quiet') out.quiet = true
    else if (flag === '-d' || flag === '--detach' || flag === '--no-resolve-image') continue
    else if (flag === '--name') out.name = value()
    else if (flag === '--network') out.networks.push(value())
    else if (flag === '--constraint') out.constraints.push(value())
    else if (flag === '--replicas') out.replicas = Number(value())
    else if (flag === '--endpoint-mode') {
      const mode = value()
      if (mode !== 'vip' && mode !== 'dnsrr') return `invalid endpoint mode ${JSON.stringify(mode)}`
      out.endpointMode = mode
    } else return `unknown flag: ${flag}\nSee 'docker service create --help'.\n`
  }
  out.image = args[i] ?? ''
  out.cmd = args.slice(i + 1)
  if (!out.image) return '"docker service create" requires at least 1 argument.\n'
  if (!Number.isInteger(out.replicas) || out.replicas < 0) return `invalid argument for "--replicas" flag\n`
  return out
}

/** Whether a node satisfies `node.role==manager|worker` constraints (the ones modelled). */
function allowed(node: ClusterNode, constraints: string[]): boolean | string {
  for (const c of constraints) {
    const m = /^node\.role\s*(==|!=)\s*(manager|worker)$/.exec(c.trim())
    if (!m) return `constraint "${c}" is not simulated (node.role==manager|worker is)`
    const isRole = (m[2] === 'manager') === isManager(node.lab)
    if ((m[1] === '==') !== isRole) return false
  }
  return true
}

/** Single-quotes a word for a docker line when it needs it. */
function word(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`
}

/** Runs a docker line on a node the way a scenario's line runs there (run-on-node.ts). */
export type RunLine = (node: ClusterNode, line: string) => StepResult

/** The services of the cluster (the manager's store). */
export function servicesOf(cluster: ClusterState): SwarmService[] {
  cluster.services ??= []
  return cluster.services
}

/** `docker service create ...` on `node`. */
function createService(
  cluster: ClusterState,
  node: ClusterNode,
  line: string,
  args: string[],
  run: RunLine,
): StepResult {
  if (!node.lab.swarm || !isManager(node.lab)) return failed(line, NOT_MANAGER)
  const opts = parseCreate(args)
  if (typeof opts === 'string') return failed(line, opts.startsWith('unknown flag') ? opts : `${opts}\n`, 125)
  const lab = node.lab
  const networks = []
  for (const ref of opts.networks) {
    const network = findNetwork(lab, ref)
    if (network?.scope !== 'swarm')
      return failed(line, `Error response from daemon: network ${ref} not found\n`)
    networks.push(network)
  }
  const services = servicesOf(cluster)
  if (services.some((s) => s.name === opts.name))
    return failed(
      line,
      `Error response from daemon: rpc error: code = AlreadyExists desc = name conflicts with an existing object: service ${opts.name} already exists\n`,
    )
  const eligible = cluster.nodes.filter((n) => n.lab.swarm && allowed(n, opts.constraints) === true)
  const bad = cluster.nodes.map((n) => allowed(n, opts.constraints)).find((a) => typeof a === 'string')
  if (typeof bad === 'string') return failed(line, `netmodes: ${bad}\n`, 2)
  const service: SwarmService = {
    id: drawBase36(lab.rng, 25),
    name: opts.name || drawBase36(lab.rng, 12),
    image: opts.image,
    cmd: opts.cmd,
    endpointMode: opts.endpointMode,
    networks: networks.map((n) => n.id),
    vips: {},
    replicas: opts.replicas,
    tasks: [],
  }
  // The allocator gives the service its virtual IP on each network before any task an address.
  if (opts.endpointMode === 'vip') {
    beforeCommand(cluster, node, undefined)
    const tx = new Tx(lab)
    for (const network of networks) {
      if (network.pool) service.vips[network.id] = requestAddress(tx, network.pool, { serial: true })
    }
  }
  // The allocator's pool is the swarm's: what it gave the VIPs is written back to the store.
  afterCommand(cluster, node)
  services.push(service)
  for (let slot = 1; slot <= opts.replicas; slot++) {
    // The scheduler's spread: the eligible node running the fewest tasks, in node order on a tie.
    const count = (n: ClusterNode) => services.flatMap((s) => s.tasks).filter((t) => t.node === n.name).length
    const target = [...eligible].sort((a, b) => count(a) - count(b))[0]
    if (!target) continue
    const taskId = drawBase36(lab.rng, 25)
    const name = `${service.name}.${slot}.${taskId}`
    service.tasks.push({ slot, id: taskId, node: target.name, container: name })
    startTask(cluster, target, service, name, run)
  }
  publishRecords(cluster)
  // With -q the CLI prints the id alone; without, the id and then its progress display (not simulated).
  return { command: line, ok: true, output: `${service.id}\n`, exitCode: 0, operations: [] }
}

/** The node's agent starts a task's container on the service's networks. */
function startTask(
  cluster: ClusterState,
  node: ClusterNode,
  service: SwarmService,
  name: string,
  run: RunLine,
): void {
  const manager = cluster.nodes.find((n) => n.lab.swarm && isManager(n.lab))
  const networkNames = service.networks.map(
    (id) => manager?.lab.networks.find((n) => n.id === id)?.name ?? id,
  )
  const networks = networkNames.map((n) => `--network ${word(n)}`).join(' ')
  const line = `docker run -d --name ${name} ${networks} ${word(service.image)} ${service.cmd.map(word).join(' ')}`
  run(node, line.trim())
  const container = containerByName(node.lab, name)
  if (!container) return
  container.swarmTask = true
  container.labels = {
    ...container.labels,
    'com.docker.swarm.node.id': node.lab.swarm?.nodeId ?? '',
    'com.docker.swarm.service.id': service.id,
    'com.docker.swarm.service.name': service.name,
    'com.docker.swarm.task': '',
    'com.docker.swarm.task.id': name.split('.').pop() ?? '',
    'com.docker.swarm.task.name': name,
  }
}

/** networkDB's service records: every node's copy of each service network lists the services on it. */
export function publishRecords(cluster: ClusterState): void {
  const services = servicesOf(cluster)
  for (const node of cluster.nodes) {
    for (const network of node.lab.networks) {
      if (network.scope !== 'swarm') continue
      const records = services
        .filter((s) => s.networks.includes(network.id))
        .map((s) => {
          const tasks = s.tasks.flatMap((t) => {
            const lab = cluster.nodes.find((n) => n.name === t.node)?.lab
            const c = lab ? containerByName(lab, t.container) : undefined
            const copy = lab?.networks.find((n) => n.id === network.id)
            const ep = c && copy ? copy.endpoints[c.endpoints[network.id] ?? ''] : undefined
            return ep?.ipv4 ? [ep.ipv4] : []
          })
          const vip = s.vips[network.id]
          return { name: s.name, ...(vip ? { vip } : {}), tasks }
        })
      if (records.length > 0) network.services = records
      else delete network.services
    }
  }
}

/** `docker service ls [--format TEMPLATE]`: the services by name. */
function listServices(cluster: ClusterState, node: ClusterNode, line: string, args: string[]): StepResult {
  if (!node.lab.swarm || !isManager(node.lab)) return failed(line, NOT_MANAGER)
  let format: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (a === '--format') format = args[++i]
    else if (a.startsWith('--format=')) format = a.slice('--format='.length)
    else return failed(line, `unknown flag: ${a}\nSee 'docker service ls --help'.\n`, 125)
  }
  const rows = [...servicesOf(cluster)].sort((a, b) => a.name.localeCompare(b.name))
  const running = (s: SwarmService) =>
    s.tasks.filter((t) => {
      const lab = cluster.nodes.find((n) => n.name === t.node)?.lab
      return lab ? containerByName(lab, t.container)?.state === 'running' : false
    }).length
  const fields = (s: SwarmService): Record<string, string> => ({
    ID: s.id.slice(0, 12),
    Name: s.name,
    Mode: 'replicated',
    Replicas: `${running(s)}/${s.replicas}`,
    Image: s.image,
    Ports: '',
  })
  if (format === undefined) {
    const table = [
      ['ID', 'NAME', 'MODE', 'REPLICAS', 'IMAGE', 'PORTS'],
      ...rows.map((s) => Object.values(fields(s))),
    ]
    const widths = table[0]?.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length))) ?? []
    const text = table
      .map((r) =>
        r
          .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd((widths[c] ?? 0) + 3)))
          .join('')
          .trimEnd(),
      )
      .join('\n')
    return { command: line, ok: true, output: `${text}\n`, exitCode: 0, operations: [] }
  }
  const output = rows
    .map((s) => format.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_, f: string) => fields(s)[f] ?? `<no value>`))
    .map((r) => `${r}\n`)
    .join('')
  return { command: line, ok: true, output, exitCode: 0, operations: [] }
}

/**
 * A `docker service ...` line on `node`: create and ls; undefined for any
 * other line (the node's daemon runs it).
 */
export function runServiceLine(
  cluster: ClusterState,
  node: ClusterNode,
  line: string,
  argv: string[],
  run: RunLine,
): StepResult | undefined {
  if (argv[0] !== 'docker' || argv[1] !== 'service') return undefined
  const sub = argv[2]
  if (sub === 'create') return createService(cluster, node, line, argv.slice(3), run)
  if (sub === 'ls' || sub === 'list') return listServices(cluster, node, line, argv.slice(3))
  return undefined
}
