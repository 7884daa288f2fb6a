import { overlayNamespaceId } from '../drivers/overlay/overlay-driver.js'
import type { CreateLabOptions } from '../engine/lab.js'
import { containerByName } from '../model/lookup.js'
import type { LabState } from '../model/state.js'
import { observeLab } from '../observe/observe-lab.js'
import type { ObservedStep, ObservedTrace, RawObservation } from '../observe/raw-observation.js'
import { parseTraceStatement } from '../script/trace-statement.js'
import { renderIpLinkJson } from '../views/ip-link.js'
import {
  type BridgeFdbJsonEntry,
  type IpNeighJsonEntry,
  renderBridgeFdbJson,
  renderIpNeighJson,
} from '../views/neighbors.js'
import type { ClusterState } from './cluster-state.js'
import type { MachineFiles } from './create-cluster.js'
import { runClusterScenario } from './run-cluster-scenario.js'

/** One overlay namespace as the recorder reads it: `ip -d -j link`, `bridge -j fdb`, `ip -j neigh` inside it. */
export interface ObservedOverlay {
  link: unknown[]
  fdb: BridgeFdbJsonEntry[]
  neigh: IpNeighJsonEntry[]
}

/** What a multi-node recording holds: one observation per node (conformance/README.md, "Multi-node scenarios"). */
export interface ClusterObservation {
  nodes: Record<string, RawObservation & { overlays?: Record<string, ObservedOverlay> }>
}

/**
 * Each overlay network's namespace on the node, by network name: its links
 * (the VXLAN device with the attributes libnetwork's createVxlan gives it:
 * learning, proxy, l2miss, l3miss, UDP 4789) and the entries Docker
 * programmed (views/neighbors.ts: the kernel's own fdb entries are not
 * modelled).
 */
function overlaysOf(lab: LabState): Record<string, ObservedOverlay> {
  const out: Record<string, ObservedOverlay> = {}
  for (const network of lab.networks) {
    const ns = network.driver === 'overlay' ? lab.namespaces[overlayNamespaceId(network)] : undefined
    if (!ns) continue
    const link = renderIpLinkJson(ns).map((entry) => {
      const l = ns.links.find((x) => x.ifname === entry.ifname)
      if (l?.kind !== 'vxlan') return entry
      const info_data = {
        id: Number(l.info?.id),
        port: Number(l.info?.dstport),
        learning: true,
        proxy: true,
        l2miss: true,
        l3miss: true,
      }
      return { ...entry, linkinfo: { info_kind: 'vxlan', info_data } }
    })
    out[network.name] = { link, fdb: renderBridgeFdbJson(ns), neigh: renderIpNeighJson(ns) }
  }
  return out
}

/** The node a trace is sent from: its FROM's (a container's node, a node by name; `host` is node1). */
function sourceNode(cluster: ClusterState, line: string): string | undefined {
  const { from } = parseTraceStatement(line)
  if (from === 'host') return cluster.nodes[0]?.name
  if (cluster.nodes.some((n) => n.name === from)) return from
  return cluster.nodes.find((n) => containerByName(n.lab, from))?.name
}

/**
 * Replays a multi-node scenario on a simulated cluster and observes each
 * node as the recorder observes each real one: its docker lines' results
 * (the line as the scenario writes it), the traces sent from it, and its
 * lab's views at the end.
 *
 * @example
 * simulateClusterObservation('nodes node1 node2\ndocker swarm init --advertise-addr 203.0.113.11').nodes.node1.steps
 */
export function simulateClusterObservation(
  source: string,
  options: Omit<CreateLabOptions, 'host'> & { machine?: MachineFiles } = {},
): ClusterObservation {
  const { cluster, outcomes } = runClusterScenario(source, options)
  const steps = new Map<string, ObservedStep[]>(cluster.nodes.map((n) => [n.name, []]))
  const traces = new Map<string, ObservedTrace[]>(cluster.nodes.map((n) => [n.name, []]))
  for (const outcome of outcomes) {
    if (outcome.kind === 'docker') {
      const r = outcome.result
      steps
        .get(outcome.node)
        ?.push({ command: r.command, exit: r.exitCode, stdout: r.output, stderr: r.error ?? '' })
    } else if (outcome.kind === 'trace') {
      const t = outcome.trace
      const node = sourceNode(cluster, t.command)
      if (node)
        traces
          .get(node)
          ?.push({ command: t.command, delivered: t.delivered, detail: t.delivered ? 'delivered' : t.reason })
    }
  }
  const nodes: Record<string, RawObservation> = {}
  for (const node of cluster.nodes) {
    const sent = traces.get(node.name) ?? []
    const overlays = overlaysOf(node.lab)
    nodes[node.name] = {
      ...observeLab(node.lab, steps.get(node.name)),
      ...(sent.length ? { traces: sent } : {}),
      ...(Object.keys(overlays).length ? { overlays } : {}),
    }
  }
  return { nodes }
}
