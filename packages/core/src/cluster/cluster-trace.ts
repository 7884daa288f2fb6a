import { trace } from '../dataplane/trace.js'
import type { ScenarioTrace } from '../engine/run-scenario.js'
import { NetmodesError } from '../errors.js'
import { containerByName } from '../model/lookup.js'
import { parseTraceStatement } from '../script/trace-statement.js'
import type { ClusterNode, ClusterState } from './cluster-state.js'

/** The node a trace end lives on: a node's name is its host namespace, a container's name its node. */
function placeOf(cluster: ClusterState, end: string): { node: ClusterNode; end: string } | undefined {
  const node = cluster.nodes.find((n) => n.name === end)
  if (node) return { node, end: 'host' }
  const holder = cluster.nodes.find((n) => containerByName(n.lab, end))
  return holder ? { node: holder, end } : undefined
}

/**
 * Traces one `trace FROM -> TO[:PORT][/PROTO]` line across the cluster: it
 * starts on the node of FROM (a container's, or the node named), and a
 * frame an overlay's VXLAN device sends to another node goes on there. A
 * container on another node is reached by name through the embedded DNS
 * (the swarm's gossip tells every node of the others' endpoints), or by its
 * address from a node's host, which asks no DNS.
 *
 * @example
 * traceAcross(cluster, 'trace a1 -> b1') // a1 on node1, b1 on node2: delivered through VXLAN
 */
export function traceAcross(cluster: ClusterState, line: string): ScenarioTrace {
  const t = parseTraceStatement(line)
  const source = placeOf(cluster, t.from)
  if (!source)
    throw new NetmodesError(
      'NOT_FOUND',
      `trace source "${t.from}": no container of that name on any node, and no node of that name`,
    )
  let to = t.to
  const target = placeOf(cluster, t.to)
  if (target && target.node !== source.node) {
    // Another node's host: its address on the swarm LAN, across which the packet goes.
    if (target.end === 'host') to = target.node.address
    else if (source.end === 'host') {
      // A host resolves no container names: it would use the address `docker inspect` shows on that node.
      const c = containerByName(target.node.lab, target.end)
      const address = Object.values(c?.endpoints ?? {})
        .map((id) => target.node.lab.networks.flatMap((n) => (n.endpoints[id] ? [n.endpoints[id]] : []))[0])
        .find((ep) => ep?.ipv4)?.ipv4
      if (address) to = address
    }
  } else if (target) to = target.end
  const result = trace(
    source.node.lab,
    { from: source.end, to, protocol: t.protocol, ...(t.port ? { port: t.port } : {}) },
    { cluster },
  )
  return { command: line, ...result }
}
