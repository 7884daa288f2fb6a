/**
 * Where a trace hop is on the drawing: the device of core's diagram graph in
 * the hop's namespace with the hop's interface, else the namespace's box, else
 * one of the machines outside the host (the LAN, the internet) the UI draws
 * above the uplink.
 */
import type { DiagramGraph, Hop } from '@netmodes/core'

export type HopPlace =
  | { kind: 'device'; id: string }
  | { kind: 'box'; id: string }
  | { kind: 'outside'; id: string }

export function placeOfHop(graph: DiagramGraph, hop: Hop): HopPlace {
  const box = graph.boxes.find((b) => b.namespace === hop.namespace)
  if (!box) return { kind: 'outside', id: hop.namespace === 'internet' ? 'internet' : 'lan' }
  const device = box.devices.find(
    (id) => graph.devices[id]?.ifname === ('iface' in hop ? hop.iface : undefined),
  )
  return device ? { kind: 'device', id: device } : { kind: 'box', id: box.id }
}

/** One hop as the trace list and the drawing show it. */
export interface ShownHop {
  hop: Hop
  direction: 'forward' | 'reply'
}
