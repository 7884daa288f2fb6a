/**
 * A walk moving from one host of a cluster to another (over the swarm LAN,
 * or in a VXLAN tunnel across it): the packet goes on in the other node's
 * lab, with that node's listeners and that node's connection tracking (each
 * host keeps its own conntrack table: a NAT one node did is undone there, not
 * on the next), and the hops so far are tagged with the node they happened on.
 */

import type { LabState } from '../model/state.js'
import type { Walk } from './_walk-context.js'
import type { Hop } from './trace-types.js'

/** The node of a lab, by name. */
export function nodeName(w: Walk, lab: LabState): string | undefined {
  return w.cluster?.nodes.find((n) => n.lab === lab)?.name
}

/** Tags the hops not yet tagged with the node the walk is on (before it leaves it, and when it ends). */
export function tagHops(w: Walk, hops: Hop[] = w.hops): void {
  const node = nodeName(w, w.lab)
  if (node === undefined) return
  for (const hop of hops) if (hop.node === undefined) hop.node = node
}

/** The node of the cluster at an address on the swarm LAN (its eth0, or the address it advertises). */
export function nodeAt(
  w: Walk,
  address: string,
): { name: string; address: string; lab: LabState } | undefined {
  return w.cluster?.nodes.find((n) => n.address === address || n.lab.swarm?.advertiseAddr === address)
}

/** Moves the walk into another node's lab. */
export function moveWalk(w: Walk, lab: LabState): void {
  const cluster = w.cluster
  if (!cluster) return
  tagHops(w)
  w.lab = lab
  w.book = cluster.bookOf(lab)
  w.flow = cluster.flowOf(lab)
  w.tracked = false
}
