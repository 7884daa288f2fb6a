/**
 * Recording a multi-node scenario (`nodes node1 node2 ...`, `docker --node
 * NAME ...`) on several real engines forming a swarm: each docker line on
 * its node's engine through a real docker client, the join tokens put in,
 * the probes sent from the node that runs their source, one observation per
 * node, then everything undone on every node. The format is conformance/README.md's.
 */
import type { ObservedStep, ObservedTrace, RawObservation, TraceStatement } from '@netmodes/core'
import { NetmodesError, ScenarioLineError, withoutMachineLinks } from '@netmodes/core'
import { type DockerCli, dockerCli, type EngineContents, engineContents } from './_docker-cli.js'
import { engineRequest } from './_engine-request.js'
import { readTool } from './_host-tools.js'
import { awaitIngressSandbox } from './_ingress-sandbox.js'
import { joinTokens, namesJoinToken, withJoinTokens } from './_join-tokens.js'
import { type OverlayView, overlayViews } from './_overlay-views.js'
import { type ReplayStatement, splitScenario } from './_scenario-statements.js'
import { cleanupSwarm } from './_swarm-cleanup.js'
import type { DockerConnection } from './connect-docker.js'
import { identifyEngine } from './engine-identity.js'
import { hostFiles } from './host-files.js'
import { observeEngine } from './observe-engine.js'
import { probe } from './probe.js'
import { machineLinks } from './record-scenario.js'

/** A line's result on its node, with its line number in the script (the order across nodes). */
export interface SwarmStep extends ObservedStep {
  line: number
}

/** A probe sent from a node (from a container it runs, or from its host), with its line number. */
export interface SwarmTrace extends ObservedTrace {
  line: number
}

/** One node's observation: a single-node recording's, plus its overlay namespaces. */
export interface SwarmNodeObservation extends RawObservation {
  steps: SwarmStep[]
  traces?: SwarmTrace[]
  /** By overlay network name: what `ip -d link`, `bridge fdb` and `ip neigh` show inside its namespace. */
  overlays?: Record<string, OverlayView>
}

/** A multi-node recording: node1's engine version, and each node's observation. */
export interface SwarmRecording {
  engine: string
  nodes: Record<string, SwarmNodeObservation>
}

/** Options of {@link recordSwarmScenario}. */
export interface RecordSwarmScenarioOptions {
  /** The docker client every line runs through (its texts are recorded): the engine's own version's. */
  cli: string
  /** Called after each docker line, e.g. to log progress. */
  onStep?: (node: string, step: ObservedStep, line: number) => void
  /** Called after each trace line with the node it was sent from and whether it got through. */
  onTrace?: (node: string, command: string, delivered: boolean) => void
}

interface NodeState {
  name: string
  conn: DockerConnection
  cli: DockerCli
  before: EngineContents
  hadGwbridge: boolean
  machine: string[]
  execRoot: string
  steps: SwarmStep[]
  traces: SwarmTrace[]
}

const SWARM_ENTRY = /^docker\s+swarm\s+(init|join)(\s|$)/
const IP = /^\d{1,3}(\.\d{1,3}){3}$|:/

async function hasNetwork(conn: DockerConnection, name: string): Promise<boolean> {
  return (await engineRequest(conn.docker, { method: 'GET', path: `/networks/${name}` })).status === 200
}

// A node's own address on the swarm LAN: the first IPv4 address of its eth0.
async function nodeAddress(node: NodeState): Promise<string> {
  const links = JSON.parse(
    await readTool('ip', ['-j', '-4', 'addr', 'show', 'dev', 'eth0'], node.conn.netns),
  ) as { addr_info?: { local?: string }[] }[]
  const address = links[0]?.addr_info?.[0]?.local
  if (!address) throw new NetmodesError('NOT_FOUND', `${node.name} has no address on eth0`)
  return address
}

// The node that runs a container of that name, and its inspect document.
async function runningOn(
  nodes: readonly NodeState[],
  container: string,
): Promise<{ node: NodeState; doc: Record<string, unknown> } | undefined> {
  for (const node of nodes) {
    const r = await engineRequest(node.conn.docker, {
      method: 'GET',
      path: `/containers/${encodeURIComponent(container)}/json`,
    })
    if (r.status === 200) return { node, doc: JSON.parse(r.text) as Record<string, unknown> }
  }
  return undefined
}

/** Where a probe goes: a node's LAN address, an address as written, or a container's first address (on its node). */
async function targetAddress(nodes: readonly NodeState[], target: string): Promise<string> {
  const node = nodes.find((n) => n.name === target)
  if (node) return nodeAddress(node)
  if (IP.test(target)) return target
  const found = await runningOn(nodes, target)
  const settings = found?.doc.NetworkSettings as
    | { Networks?: Record<string, { IPAddress?: string }> }
    | undefined
  const networks = Object.values(settings?.Networks ?? {})
  const address = networks.map((n) => n.IPAddress).find(Boolean)
  if (!address) throw new NetmodesError('NOT_FOUND', `no node runs a container ${target} with an address`)
  return address
}

/**
 * A trace line across the swarm: from a container, an exec in it on its own
 * node's engine (the target's name, unless it is a node, then goes through
 * that node's Docker DNS); from `nodeN` (or `host`, node1), the node's
 * host namespace.
 */
async function probeAcross(
  nodes: readonly NodeState[],
  stmt: TraceStatement,
  line: number,
): Promise<{ node: NodeState; delivered: boolean; detail: string }> {
  const fromNode = nodes.find((n) => n.name === stmt.from) ?? (stmt.from === 'host' ? nodes[0] : undefined)
  const addressOf = (target: string) => targetAddress(nodes, target)
  if (fromNode) {
    const r = await probe(fromNode.conn, { ...stmt, from: 'host' }, { addressOf })
    return { node: fromNode, ...r }
  }
  const found = await runningOn(nodes, stmt.from)
  if (!found) throw new ScenarioLineError(line, `no node runs a container ${stmt.from} to probe from`)
  const to = nodes.some((n) => n.name === stmt.to) ? await addressOf(stmt.to) : stmt.to
  const r = await probe(found.node.conn, { ...stmt, to })
  return { node: found.node, ...r }
}

async function runLine(
  nodes: readonly NodeState[],
  statement: Extract<ReplayStatement, { kind: 'docker' }>,
): Promise<{ node: NodeState; step: SwarmStep }> {
  const node = nodes.find((n) => n.name === (statement.node ?? 'node1')) as NodeState
  let text = statement.run ?? statement.text
  // The tokens of the swarm node1 manages now (GET /swarm answers on a manager only).
  if (namesJoinToken(text)) text = withJoinTokens(text, await joinTokens((nodes[0] as NodeState).conn.docker))
  const out = await node.cli.run(text)
  // A node in a swarm attaches its ingress sandbox to docker_gwbridge a moment later: the next
  // container would otherwise take the sandbox's address there (see awaitIngressSandbox).
  if (out.exit === 0 && SWARM_ENTRY.test(text)) await awaitIngressSandbox(node.conn.docker)
  return {
    node,
    step: {
      line: statement.line,
      command: statement.text,
      exit: out.exit,
      stdout: out.stdout,
      stderr: out.stderr,
    },
  }
}

// Each node's observation, in the recording's key order, its machine's links left out.
async function observeNode(node: NodeState): Promise<SwarmNodeObservation> {
  const observed = await observeEngine(node.conn)
  const overlays = await overlayViews(node.execRoot, observed.networks)
  const { engine, networks, containers, namespaces, iptables, ip6tables, files } = withoutMachineLinks(
    observed,
    node.machine,
  )
  return {
    engine,
    steps: node.steps,
    ...(node.traces.length ? { traces: node.traces } : {}),
    networks,
    containers,
    namespaces,
    iptables,
    ...(ip6tables ? { ip6tables } : {}),
    ...(files ? { files } : {}),
    machine: hostFiles(),
    ...(Object.keys(overlays).length ? { overlays } : {}),
  }
}

const cleanupAll = (nodes: readonly NodeState[]) =>
  cleanupSwarm(
    nodes.map((n) => ({ name: n.name, docker: n.conn.docker, before: n.before, hadGwbridge: n.hadGwbridge })),
  )

async function replayAndObserve(
  nodes: readonly NodeState[],
  statements: readonly ReplayStatement[],
  options: RecordSwarmScenarioOptions,
): Promise<SwarmRecording> {
  for (const statement of statements) {
    if (statement.kind === 'trace') {
      const r = await probeAcross(nodes, statement.trace, statement.line)
      r.node.traces.push({
        line: statement.line,
        command: statement.text,
        delivered: r.delivered,
        detail: r.detail,
      })
      options.onTrace?.(r.node.name, statement.text, r.delivered)
    } else if (statement.kind === 'docker') {
      const { node, step } = await runLine(nodes, statement)
      node.steps.push(step)
      options.onStep?.(node.name, step, statement.line)
    }
  }
  const observed: Record<string, SwarmNodeObservation> = {}
  for (const node of nodes) observed[node.name] = await observeNode(node)
  return { engine: nodes[0]?.conn.serverVersion ?? '', nodes: observed }
}

/**
 * Replays a multi-node scenario on the engines of its nodes (`nodes`: by
 * node name, each a local engine, e.g. scripts/swarm-nodes.sh's, fresh and
 * in no swarm) and observes each node before cleaning up on all of them
 * (services, containers, networks, then the swarm left, workers first).
 * Every docker line runs through `options.cli` on its node's engine;
 * WORKER_TOKEN / MANAGER_TOKEN become node1's swarm's tokens in the line
 * run, and stay as written in the line recorded.
 *
 * @example
 * const recording = await recordSwarmScenario({ node1, node2 }, script, { cli: 'docker' })
 * recording.nodes.node2?.steps[0]?.command // "docker --node node2 swarm join --token WORKER_TOKEN 203.0.113.11:2377"
 */
export async function recordSwarmScenario(
  engines: Readonly<Record<string, DockerConnection>>,
  script: string,
  options: RecordSwarmScenarioOptions,
): Promise<SwarmRecording> {
  const statements = splitScenario(script, { hostCommands: false })
  const declared = statements.find((s) => s.kind === 'nodes')
  if (declared?.kind !== 'nodes')
    throw new NetmodesError(
      'INVALID_INPUT',
      'a multi-node scenario starts with a "nodes node1 node2..." line',
    )
  const snapshot = statements.find((s) => s.kind === 'snapshot')
  if (snapshot)
    throw new ScenarioLineError(snapshot.line, 'snapshots are not recorded in a multi-node scenario')
  for (const name of declared.nodes) {
    const conn = engines[name]
    if (!conn)
      throw new NetmodesError('INVALID_INPUT', `the scenario runs on ${name}, which was given no engine`)
    if (!conn.local)
      throw new NetmodesError(
        'UNSUPPORTED',
        `${name}'s engine at ${conn.endpoint} is not local: its host cannot be read`,
      )
  }
  const nodes: NodeState[] = []
  try {
    for (const name of declared.nodes) {
      const conn = engines[name] as DockerConnection
      nodes.push({
        name,
        conn,
        cli: dockerCli(options.cli, conn.endpoint),
        before: await engineContents(conn.docker),
        hadGwbridge: await hasNetwork(conn, 'docker_gwbridge'),
        machine: await machineLinks(conn),
        execRoot: identifyEngine({ host: conn.endpoint }).execRoot,
        steps: [],
        traces: [],
      })
    }
    let recording: SwarmRecording
    try {
      recording = await replayAndObserve(nodes, statements, options)
    } catch (error) {
      try {
        await cleanupAll(nodes)
      } catch (teardown) {
        const failures = teardown instanceof AggregateError ? teardown.errors : [teardown]
        throw new AggregateError([error, ...failures], `${String(error)}; cleanup failed too`)
      }
      throw error
    }
    await cleanupAll(nodes)
    return recording
  } finally {
    for (const node of nodes) node.cli.close()
  }
}
