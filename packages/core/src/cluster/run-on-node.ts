import type { StepResult } from '../engine/execute.js'
import { runDocker } from '../engine/execute.js'
import type { ClusterContext, SwarmOfManager } from '../engine/swarm.js'
import { parseDockerCommand } from '../script/parse-docker-command.js'
import { tokenizeCommandLine } from '../script/tokenize.js'
import type { ClusterNode, ClusterState } from './cluster-state.js'
import { nodeNamed } from './create-cluster.js'
import { publishRecords, runServiceLine } from './services.js'
import { afterCommand, beforeCommand, isManager } from './swarm-store.js'

/** Docker's swarm port, where a manager listens for nodes that join (`--listen-addr` default). */
const SWARM_PORT = '2377'

/**
 * Splits `docker --node NAME ...` (the scenario's way of saying where a
 * line runs) into the node and the docker line itself; without `--node`
 * the line runs on the first node.
 *
 * @example
 * splitNodeFlag('docker --node node2 ps') // { node: 'node2', line: 'docker ps' }
 */
export function splitNodeFlag(line: string): { node?: string; line: string } {
  const m = /^docker\s+--node(?:\s+|=)(\S+)(?:\s+(.*))?$/.exec(line.trim())
  if (!m) return { line }
  return { node: m[1] as string, line: `docker${m[2] ? ` ${m[2]}` : ''}` }
}

/** What the node's daemon can reach of the others: managers at their swarm port. */
function contextOf(cluster: ClusterState, node: ClusterNode): ClusterContext {
  return {
    ownAddress: node.address,
    managerAt(remoteAddr: string): SwarmOfManager | undefined {
      const at = remoteAddr.lastIndexOf(':')
      const host = at < 0 ? remoteAddr : remoteAddr.slice(0, at)
      const port = at < 0 ? SWARM_PORT : remoteAddr.slice(at + 1)
      const manager = cluster.nodes.find(
        (n) =>
          n !== node &&
          port === SWARM_PORT &&
          n.lab.swarm &&
          isManager(n.lab) &&
          (n.lab.swarm.advertiseAddr || n.address) === host,
      )
      const swarm = manager?.lab.swarm
      const ingress = manager?.lab.networks.find((n) => n.ingress)
      if (!swarm?.workerToken || !swarm.managerToken || !ingress) return undefined
      return { workerToken: swarm.workerToken, managerToken: swarm.managerToken, ingress }
    },
  }
}

/** A docker line on a node's daemon, with the swarm's store kept in step around it. */
function runWithStore(
  cluster: ClusterState,
  node: ClusterNode,
  line: string,
  command: ReturnType<typeof parseDockerCommand> | undefined = parsed(line),
): StepResult {
  beforeCommand(cluster, node, command)
  const result = runDocker(node.lab, line, contextOf(cluster, node))
  afterCommand(cluster, node)
  // A task's container changes the service's records (its address) on every node.
  publishRecords(cluster)
  return result
}

function tokensOf(line: string): string[] {
  try {
    return tokenizeCommandLine(line)
  } catch {
    return []
  }
}

function parsed(line: string): ReturnType<typeof parseDockerCommand> | undefined {
  try {
    return parseDockerCommand(tokenizeCommandLine(line))
  } catch {
    // runDocker words the refusal itself.
    return undefined
  }
}

/**
 * Runs one docker line on the node it names (`docker --node NAME ...`, the
 * first node without), with the swarm's store kept in step around it.
 *
 * @example
 * runOnNode(cluster, 'docker --node node2 run -d --name b1 --network ov busybox sleep 3600')
 */
export function runOnNode(cluster: ClusterState, text: string): { node: string; result: StepResult } {
  const split = splitNodeFlag(text)
  const node = split.node ? nodeNamed(cluster, split.node) : (cluster.nodes[0] as ClusterNode)
  const command = parsed(split.line)
  const service = runServiceLine(cluster, node, text, tokensOf(split.line), (n, line) =>
    runWithStore(cluster, n, line),
  )
  if (service) return { node: node.name, result: service }
  return { node: node.name, result: { ...runWithStore(cluster, node, split.line, command), command: text } }
}
