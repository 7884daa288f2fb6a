/**
 * Where packets go beyond veths and bridges: the host's uplink and its LAN,
 * the LAN's router and the internet behind it, and macvlan/ipvlan
 * sub-interfaces, which sit on a host link's segment without passing through
 * the host's IP stack. A macvlan parent and its children cannot talk to each
 * other: the driver hands frames between children (bridge mode) and out to
 * the wire, never up to the parent (drivers/net/macvlan.c); ipvlan likewise.
 */

import type { Link, Namespace } from '../model/namespace.js'
import { moveWalk, nodeAt } from './_cross-node.js'
import { endpointNetworkOf, isPrivateAddress, onLan, outsideWorld } from './_outside-world.js'
import { findSubinterfaceChild } from './_subinterface-children.js'
import type { Arrival, Packet, Walk } from './_walk-context.js'
import {
  addressToken,
  copyPacket,
  deliverHop,
  dropAt,
  ipText,
  MAX_STEPS,
  placeToken,
} from './_walk-context.js'
import { indexNamespace } from './namespace-index.js'

function looping(w: Walk, place: string, pkt: Packet): Arrival | undefined {
  w.steps++
  if (w.steps <= MAX_STEPS) return undefined
  return dropAt(w, place, '', {
    code: 'no-route',
    where: place,
    why: 'too-many-hops',
    address: addressToken(w, pkt.dst),
  })
}

/** The host sends on a physical (or dummy) link: onto its LAN, never to its own sub-interfaces. */
export function etherFrame(w: Walk, ns: Namespace, dev: Link, nextHop: number, pkt: Packet): Arrival {
  const child = findSubinterfaceChild(w.lab, dev.ifname, nextHop)
  if (child) {
    const driver = child.link.kind === 'ipvlan' ? 'ipvlan' : 'macvlan'
    return dropAt(w, ns.id, dev.ifname, {
      code: 'macvlan-parent-isolation',
      driver,
      parent: dev.ifname,
      direction: 'host-to-child',
    })
  }
  const world = outsideWorld(w.lab)
  if (ns.id === 'host' && dev === world.uplink) {
    // Another host of the cluster on the same LAN: the frame reaches its eth0.
    const peer = w.cluster ? nodeAt(w, ipText(nextHop)) : undefined
    const peerHost = peer && peer.lab !== w.lab ? peer.lab.namespaces.host : undefined
    const inLink = peerHost?.links.find((l) => l.addrs.some((a) => a.local === peer?.address))
    if (peer && peerHost && inLink) {
      w.hops.push({
        kind: 'wire',
        namespace: 'host',
        iface: dev.ifname,
        to: peer.name,
        address: ipText(nextHop),
      })
      moveWalk(w, peer.lab)
      return w.enter(peerHost, inLink, pkt)
    }
    w.hops.push({ kind: 'wire', namespace: 'host', iface: dev.ifname, to: 'lan', address: ipText(nextHop) })
    return lanFrame(w, 'host', nextHop, pkt)
  }
  return dropAt(w, ns.id, dev.ifname, {
    code: 'no-neighbor',
    where: placeToken(w, ns.id),
    device: dev.ifname,
    address: addressToken(w, nextHop),
  })
}

/** A container sends on its macvlan/ipvlan interface. */
export function subinterfaceFrame(
  w: Walk,
  ns: Namespace,
  child: Link,
  nextHop: number,
  pkt: Packet,
): Arrival {
  const host = w.lab.namespaces.host
  const index = host ? indexNamespace(host) : undefined
  const parent = child.parent ? index?.byIfindex.get(child.parent.ifindex) : undefined
  const driver: 'macvlan' | 'ipvlan' = child.kind === 'ipvlan' ? 'ipvlan' : 'macvlan'
  const mode = String(child.info?.mode ?? (driver === 'macvlan' ? 'bridge' : 'l2'))
  if (!parent || !index) {
    return dropAt(w, ns.id, child.ifname, {
      code: 'no-neighbor',
      where: placeToken(w, ns.id),
      device: child.ifname,
      address: addressToken(w, nextHop),
    })
  }
  const hop = {
    kind: 'subinterface' as const,
    namespace: ns.id,
    iface: child.ifname,
    driver,
    parent: parent.ifname,
    mode,
  }
  if (index.local.get(nextHop) === parent) {
    w.hops.push({ ...hop, to: 'host' })
    return dropAt(w, ns.id, child.ifname, {
      code: 'macvlan-parent-isolation',
      driver,
      parent: parent.ifname,
      direction: 'child-to-host',
    })
  }
  const sibling = findSubinterfaceChild(w.lab, parent.ifname, nextHop)
  if (sibling) {
    w.hops.push({ ...hop, to: sibling.ns.id })
    return w.enter(sibling.ns, sibling.link, pkt)
  }
  if (parent === outsideWorld(w.lab).uplink) {
    w.hops.push({ ...hop, to: 'lan' })
    return lanFrame(w, 'child', nextHop, pkt)
  }
  return dropAt(w, ns.id, child.ifname, {
    code: 'no-neighbor',
    where: placeToken(w, ns.id),
    device: parent.ifname,
    address: addressToken(w, nextHop),
  })
}

/** A frame on the LAN segment for `nextHop`: the host, a sub-interface, the router, or a LAN machine. */
export function lanFrame(
  w: Walk,
  from: 'host' | 'child' | 'router' | 'lan',
  nextHop: number,
  pkt: Packet,
): Arrival {
  const loop = looping(w, 'lan', pkt)
  if (loop) return loop
  const world = outsideWorld(w.lab)
  const host = w.lab.namespaces.host
  const uplink = world.uplink
  if (from !== 'host' && host && uplink && indexNamespace(host).local.get(nextHop) === uplink) {
    w.hops.push({
      kind: 'wire',
      namespace: 'lan',
      iface: uplink.ifname,
      to: 'host',
      address: ipText(nextHop),
    })
    return w.enter(host, uplink, pkt)
  }
  const child = uplink ? findSubinterfaceChild(w.lab, uplink.ifname, nextHop) : undefined
  if (child) {
    w.hops.push({
      kind: 'wire',
      namespace: 'lan',
      iface: uplink?.ifname ?? '',
      to: child.ns.id,
      address: ipText(nextHop),
    })
    return w.enter(child.ns, child.link, pkt)
  }
  if (!onLan(world, nextHop)) {
    return dropAt(w, 'lan', uplink?.ifname ?? '', {
      code: 'no-neighbor',
      where: 'lan',
      device: uplink?.ifname ?? '',
      address: addressToken(w, nextHop),
    })
  }
  if (nextHop === world.router && pkt.dst !== nextHop) return routerForward(w, pkt, 'lan')
  if (pkt.dst === nextHop) return deliverOutside(w, 'lan', pkt)
  return dropAt(w, 'lan', '', {
    code: 'no-route',
    where: 'lan',
    why: 'not-forwarding',
    address: addressToken(w, pkt.dst),
  })
}

/**
 * The router drops a packet for a private address: from the LAN, one off
 * the LAN it has no route to (a Docker subnet exists only inside the host);
 * from the internet, any private address (RFC 1918 is not routed there).
 */
function privateDrop(w: Walk, pkt: Packet, from: 'lan' | 'internet'): Arrival {
  const network = endpointNetworkOf(w.lab, pkt.dst)
  return dropAt(w, 'router', '', {
    code: 'no-route',
    where: from === 'lan' ? 'router' : 'internet',
    why: from === 'lan' ? 'private-address' : 'not-routed-on-internet',
    address: addressToken(w, pkt.dst),
    ...(network ? { network: network.name, subnet: network.subnet, driver: network.driver } : {}),
  })
}

/**
 * The LAN's router: it masquerades LAN sources towards the internet (and
 * undoes it for their replies); from the internet it forwards only to the
 * host's address (a public address or a port forward, simulated); it has no
 * route to private addresses, Docker's subnets least of all.
 */
export function routerForward(w: Walk, pkt: Packet, from: 'lan' | 'internet'): Arrival {
  const loop = looping(w, 'router', pkt)
  if (loop) return loop
  const world = outsideWorld(w.lab)
  if (from === 'lan') {
    if (onLan(world, pkt.dst)) return lanFrame(w, 'router', pkt.dst, pkt)
    if (isPrivateAddress(w.lab, pkt.dst)) return privateDrop(w, pkt, 'lan')
    if (!w.reply && onLan(world, pkt.src)) {
      w.flow.routerNat = pkt.src
      w.hops.push({
        kind: 'nat',
        namespace: 'router',
        iface: '',
        type: 'router-NAT',
        before: ipText(pkt.src),
        after: "the router's public address",
      })
    }
    w.hops.push({ kind: 'wire', namespace: 'router', iface: '', to: 'internet', address: ipText(pkt.dst) })
    return deliverOutside(w, 'internet', pkt)
  }
  if (w.reply && w.flow.routerNat === pkt.dst) {
    w.hops.push({
      kind: 'nat',
      namespace: 'router',
      iface: '',
      type: 'router-NAT',
      before: "the router's public address",
      after: ipText(pkt.dst),
    })
    return lanFrame(w, 'router', pkt.dst, pkt)
  }
  if (pkt.dst === world.hostAddress) {
    w.hops.push({ kind: 'wire', namespace: 'router', iface: '', to: 'host', address: ipText(pkt.dst) })
    return lanFrame(w, 'router', pkt.dst, pkt)
  }
  if (isPrivateAddress(w.lab, pkt.dst)) return privateDrop(w, pkt, 'internet')
  if (onLan(world, pkt.dst)) {
    // A public address on the LAN segment: the router delivers it there.
    w.hops.push({ kind: 'wire', namespace: 'router', iface: '', to: 'lan', address: ipText(pkt.dst) })
    return lanFrame(w, 'router', pkt.dst, pkt)
  }
  w.hops.push({ kind: 'wire', namespace: 'router', iface: '', to: 'internet', address: ipText(pkt.dst) })
  return deliverOutside(w, 'internet', pkt)
}

/** A simulated machine outside sends a packet (its source address is set). */
export function sendFromOutside(w: Walk, node: 'lan' | 'internet', pkt: Packet): Arrival {
  if (!w.sent) w.sent = copyPacket(pkt)
  if (node === 'internet') {
    if (outsideWorld(w.lab).router === undefined) {
      // No default route on the host: nothing in the lab links its LAN to the internet.
      return dropAt(w, 'internet', '', {
        code: 'no-route',
        where: 'internet',
        why: 'no-router',
        address: addressToken(w, pkt.dst),
      })
    }
    w.hops.push({ kind: 'wire', namespace: 'internet', iface: '', to: 'router', address: ipText(pkt.dst) })
    return routerForward(w, pkt, 'internet')
  }
  const world = outsideWorld(w.lab)
  if (pkt.dst === pkt.src || pkt.dst >>> 24 === 127) return deliverOutside(w, 'lan', pkt)
  if (onLan(world, pkt.dst)) {
    w.hops.push({ kind: 'wire', namespace: 'lan', iface: '', to: 'lan', address: ipText(pkt.dst) })
    return lanFrame(w, 'lan', pkt.dst, pkt)
  }
  if (world.router === undefined) {
    return dropAt(w, 'lan', '', {
      code: 'no-route',
      where: 'lan',
      why: 'no-matching-route',
      address: addressToken(w, pkt.dst),
    })
  }
  w.hops.push({ kind: 'wire', namespace: 'lan', iface: '', to: 'router', address: ipText(world.router) })
  return routerForward(w, pkt, 'lan')
}

/** Arrival at a simulated machine: it answers unless a `listening` entry says otherwise. */
function deliverOutside(w: Walk, node: 'lan' | 'internet', pkt: Packet): Arrival {
  if (w.reply || pkt.proto === 'icmp') {
    w.hops.push(deliverHop(node, '', pkt, w.reply ? 'client' : 'kernel'))
    return { kind: 'delivered', place: node, pkt }
  }
  const known = w.book.get(node)
  if (known && known.size > 0 && !known.has(`${pkt.proto}/${pkt.dport}`)) {
    return dropAt(w, node, '', {
      code: 'nothing-listening',
      port: pkt.dport,
      protocol: pkt.proto,
      known: [...known].sort(),
    })
  }
  w.hops.push(deliverHop(node, '', pkt, known?.size ? 'known' : 'assumed'))
  return { kind: 'delivered', place: node, pkt }
}
