import type { StepResult } from '../engine/execute.js'
import type { CreateLabOptions } from '../engine/lab.js'
import { listenLine, type ScenarioTrace } from '../engine/run-scenario.js'
import { NetmodesError } from '../errors.js'
import { containerByName } from '../model/lookup.js'
import { escapeControl } from '../script/escape-control.js'
import { parseListenStatement } from '../script/listen-statement.js'
import { parseScenario } from '../script/scenario.js'
import { ScenarioLineError } from '../script/scenario-line-error.js'
import type { ClusterState } from './cluster-state.js'
import { traceAcross } from './cluster-trace.js'
import type { MachineFiles } from './create-cluster.js'
import { createCluster } from './create-cluster.js'
import { runOnNode, splitNodeFlag } from './run-on-node.js'

/** One statement of a scenario of several hosts and what it gave, in file order. */
export type ClusterOutcome =
  | { kind: 'docker'; node: string; result: StepResult }
  | { kind: 'trace'; trace: ScenarioTrace }
  | { kind: 'listen'; node: string; command: string }

/**
 * A scenario writes the join tokens as WORKER_TOKEN and MANAGER_TOKEN: the
 * swarm's real ones are known only once a manager made them (the recorder
 * substitutes the real engine's the same way).
 */
export function withTokens(cluster: ClusterState, text: string): string {
  const swarm = cluster.nodes.find((n) => n.lab.swarm?.workerToken)?.lab.swarm
  if (!swarm) return text
  return text
    .replace(/\bWORKER_TOKEN\b/g, swarm.workerToken ?? '')
    .replace(/\bMANAGER_TOKEN\b/g, swarm.managerToken ?? '')
}

/** Runs `fn` for a statement; one of our errors names the statement's line. */
function atLine<T>(line: number, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof NetmodesError && !(error instanceof ScenarioLineError))
      throw new ScenarioLineError(line, escapeControl(error.message), { cause: error })
    throw error
  }
}

/**
 * Replays a scenario of several hosts: its first statement `nodes node1
 * node2 ...` starts one daemon per host on one LAN; `docker --node NAME ...`
 * runs a line on that node (node1 without), `trace` lines follow packets
 * across nodes, `listen C PORT` declares a socket in C's namespace on C's
 * node. Host lines and dockerd flags are for one-host labs yet: refused with
 * their line.
 *
 * @example
 * const { cluster } = runClusterScenario('nodes node1 node2\ndocker swarm init --advertise-addr 203.0.113.11')
 */
export function runClusterScenario(
  source: string,
  options: Omit<CreateLabOptions, 'host'> & { machine?: MachineFiles } = {},
): { cluster: ClusterState; outcomes: ClusterOutcome[] } {
  const statements = parseScenario(source)
  const first = statements[0]
  if (first?.kind !== 'nodes')
    throw new ScenarioLineError(
      first?.line ?? 1,
      'a scenario of several hosts starts with "nodes NAME NAME..."',
    )
  const cluster = createCluster({ ...options, nodes: first.names })
  const outcomes: ClusterOutcome[] = []
  for (const statement of statements.slice(1)) {
    switch (statement.kind) {
      case 'docker': {
        const { node } = splitNodeFlag(statement.text)
        if (node !== undefined && !first.names.includes(node))
          throw new ScenarioLineError(
            statement.line,
            `no node "${escapeControl(node)}" (this scenario's nodes: ${first.names.join(', ')})`,
          )
        const ran = runOnNode(cluster, withTokens(cluster, statement.text))
        outcomes.push({ kind: 'docker', node: ran.node, result: { ...ran.result, command: statement.text } })
        break
      }
      case 'trace':
        outcomes.push({
          kind: 'trace',
          trace: atLine(statement.line, () => traceAcross(cluster, statement.text)),
        })
        break
      case 'listen': {
        const { target: container } = parseListenStatement(statement.text)
        const node = cluster.nodes.find((n) => containerByName(n.lab, container)) ?? cluster.nodes[0]
        if (!node) break
        atLine(statement.line, () => listenLine(node.lab, statement.text))
        outcomes.push({ kind: 'listen', node: node.name, command: statement.text })
        break
      }
      default:
        throw new ScenarioLineError(
          statement.line,
          `"${statement.kind}" statements are for a lab of one host: a scenario of several hosts has docker, trace and listen lines`,
        )
    }
  }
  return { cluster, outcomes }
}
