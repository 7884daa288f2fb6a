/**
 * A frame crossing nodes in a VXLAN tunnel, as the kernel's vxlan driver
 * carries it for Docker's overlay (drivers/net/vxlan: vxlan_xmit looks the
 * destination MAC up in the device's forwarding database; an entry with a
 * remote `dst` makes it wrap the frame in a VXLAN header, then UDP to port
 * 4789 and IP to that address, sent from the namespace the device was
 * created in: the host's, where libnetwork made it before moving it into the
 * overlay namespace). The outer packet leaves the node by its routes and
 * filter OUTPUT, crosses the swarm LAN, and is received on the peer node by
 * its filter INPUT and the vxlan socket, which hands the inner frame to the
 * device of the same VXLAN id: into that node's overlay bridge.
 */

import { parseIPv4 } from '../ipam/ipv4.js'
import type { Link, Namespace } from '../model/namespace.js'
import type { LabState } from '../model/state.js'
import { moveWalk, nodeAt } from './_cross-node.js'
import { filterHook } from './_host-hooks.js'
import type { Arrival, Packet, Walk } from './_walk-context.js'
import { ipText } from './_walk-context.js'
import { indexNamespace } from './namespace-index.js'
import { lookupRoute } from './route-lookup.js'

/**
 * vxlan_src_port: the outer source port is a hash of the inner flow, so one
 * flow keeps one outer port (here a plain hash into Linux's ephemeral range).
 */
function outerSourcePort(pkt: Packet): number {
  const h = (pkt.src ^ (pkt.dst >>> 3) ^ (pkt.sport << 7) ^ pkt.dport) >>> 0
  return 32768 + (h % (60999 - 32768 + 1))
}

/** The peer node's device for the same VXLAN id, in its overlay namespace (absent: the network is not there). */
function deviceOfVni(lab: LabState, vni: number): { ns: Namespace; link: Link } | undefined {
  for (const ns of Object.values(lab.namespaces)) {
    const link = ns.links.find((l) => l.kind === 'vxlan' && Number(l.info?.id) === vni)
    if (link) return { ns, link }
  }
  return undefined
}

/**
 * Sends the frame for `nextHop` through the VXLAN device to the node its
 * forwarding entry names, and delivers it there; undefined when the device
 * knows no such entry (the caller drops the frame as before).
 */
export function tunnel(
  w: Walk,
  ns: Namespace,
  vxlan: Link,
  nextHop: number,
  pkt: Packet,
): Arrival | undefined {
  const cluster = w.cluster
  if (!cluster) return undefined
  const address = ipText(nextHop)
  const neighbor = ns.neighbors?.find((n) => n.ip === address && n.dev === vxlan.ifname)
  const entry = neighbor
    ? ns.fdb?.find((f) => f.mac === neighbor.lladdr && f.dev === vxlan.ifname)
    : undefined
  const there = entry ? nodeAt(w, entry.dst) : undefined
  const host = w.lab.namespaces.host
  const vtep = entry ? parseIPv4(entry.dst) : undefined
  if (!neighbor || !entry || !there || !host || vtep === undefined) return undefined
  const route = lookupRoute(indexNamespace(host), vtep)
  if (!route || route.kind === 'local' || !route.dev) return undefined
  const peerHost = there.lab.namespaces.host
  const inLink = peerHost?.links.find((l) => l.addrs.some((a) => a.local === entry.dst))
  const device = deviceOfVni(there.lab, Number(vxlan.info?.id ?? 0))
  // A stale entry (the peer's node has no such address, or no longer the network) drops as an unknown neighbour.
  if (!peerHost || !inLink || !device) return undefined
  const vni = Number(vxlan.info?.id ?? 0)
  const port = Number(vxlan.info?.dstport ?? 4789)
  const outer: Packet = { src: route.src, dst: vtep, proto: 'udp', sport: outerSourcePort(pkt), dport: port }
  const headers = { src: ipText(outer.src), dst: entry.dst }
  w.hops.push({
    kind: 'vxlan',
    namespace: ns.id,
    iface: vxlan.ifname,
    vni,
    port,
    address,
    stage: 'encap',
    mac: neighbor.lladdr,
    outer: headers,
  })
  w.hops.push({
    kind: 'route',
    namespace: 'host',
    iface: route.route.route.dev,
    dst: entry.dst,
    route: route.route.text,
    src: headers.src,
  })
  // The outer datagram is a flow of its own for conntrack and the filter (each way a new UDP flow to
  // port 4789): a walk beside the inner one, on the same hops.
  const out: Walk = { ...w, reply: false, flow: {}, tracked: false }
  const deniedOut = filterHook(out, 'OUTPUT', outer, '', route.route.route.dev)
  if (deniedOut) return deniedOut
  w.hops.push({
    kind: 'wire',
    namespace: 'host',
    iface: route.route.route.dev,
    to: there.name,
    address: entry.dst,
  })
  // The walk goes on in the peer node's lab.
  moveWalk(w, there.lab)
  w.hops.push({
    kind: 'route',
    namespace: 'host',
    iface: 'lo',
    dst: entry.dst,
    route: `local ${entry.dst} dev ${inLink.ifname} table local`,
    src: headers.src,
  })
  const into: Walk = { ...w, reply: false, flow: {}, tracked: false }
  const deniedIn = filterHook(into, 'INPUT', outer, inLink.ifname, '')
  if (deniedIn) return deniedIn
  w.hops.push({
    kind: 'vxlan',
    namespace: device.ns.id,
    iface: device.link.ifname,
    vni,
    port,
    address,
    stage: 'decap',
    mac: neighbor.lladdr,
    outer: headers,
  })
  return w.enter(device.ns, device.link, pkt)
}
