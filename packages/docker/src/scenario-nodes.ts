import { splitScenario } from './_scenario-statements.js'

/**
 * The nodes a multi-node scenario's `nodes` line names (none for a
 * scenario on one engine): the engines to record it on.
 *
 * @example
 * scenarioNodes('nodes node1 node2\ndocker swarm init --advertise-addr 203.0.113.11') // ["node1", "node2"]
 * scenarioNodes('docker network create app') // []
 */
export function scenarioNodes(source: string): string[] {
  const statement = splitScenario(source, { hostCommands: true }).find((s) => s.kind === 'nodes')
  return statement?.kind === 'nodes' ? statement.nodes : []
}
