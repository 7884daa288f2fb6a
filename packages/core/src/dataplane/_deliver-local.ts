/**
 * A packet reaches a namespace's own address: which socket takes it. On the
 * host, docker-proxy holds the published ports (when the userland proxy is
 * on); elsewhere the sockets the model knows (started by the scenario's
 * commands or `listen`, a published port's container side, the request's
 * `listening`, an image known to serve the port), or an assumed application
 * where the scenario says nothing of the place. A socket bound to one
 * address takes only packets for it: one on 127.0.0.1 answers only from
 * inside its own namespace. A port nobody holds is refused by the kernel.
 */

import type { Namespace } from '../model/namespace.js'
import type { LabState } from '../model/state.js'
import { probeListener } from './_listeners.js'
import type { Arrival, Packet, Walk } from './_walk-context.js'
import { deliverHop, dropAt, ipText } from './_walk-context.js'

/** The docker-proxy that would accept a connection to this host address and port. */
function proxyFor(lab: LabState, pkt: Packet) {
  if (!lab.profile.userlandProxy || pkt.proto === 'icmp') return undefined
  const dst = ipText(pkt.dst)
  return lab.hostPorts[`${pkt.proto}/${pkt.dport}`]?.find((a) => a.hostIp === '0.0.0.0' || a.hostIp === dst)
}

/**
 * Delivers a packet to a local socket, or drops it for want of one.
 *
 * @example
 * deliverLocal(w, host, pkt, 'eth0') // { kind: 'proxy', ... } for a published port
 */
export function deliverLocal(w: Walk, ns: Namespace, pkt: Packet, iface: string): Arrival {
  if (w.reply || pkt.proto === 'icmp') {
    w.hops.push(deliverHop(ns.id, iface, pkt, w.reply ? 'client' : 'kernel'))
    return { kind: 'delivered', place: ns.id, pkt }
  }
  const proxy = ns.id === 'host' ? proxyFor(w.lab, pkt) : undefined
  if (proxy) return { kind: 'proxy', allocation: proxy, pkt, iface }
  const found = probeListener(w.lab, w.book, ns.id, pkt.proto, pkt.dport, ipText(pkt.dst))
  if (
    found.status === 'known' ||
    found.status === 'image' ||
    (found.status === 'unknown' && ns.id !== 'host')
  ) {
    const hop = deliverHop(ns.id, iface, pkt, found.status === 'known' ? 'known' : 'assumed')
    if (found.status === 'image' && hop.kind === 'deliver') hop.image = found.image
    w.hops.push(hop)
    return { kind: 'delivered', place: ns.id, pkt }
  }
  // The scenario names sockets here, none for this port: the kernel refuses (RST, or ICMP port unreachable).
  if (found.status === 'absent')
    return dropAt(w, ns.id, iface, {
      code: 'nothing-listening',
      port: pkt.dport,
      protocol: pkt.proto,
      known: found.known,
    })
  if (ns.id === 'host') {
    // The port allocator's records say where the port is bound, if anywhere.
    const bound = (w.lab.hostPorts[`${pkt.proto}/${pkt.dport}`] ?? []).filter((a) => !a.hostIp.includes(':'))
    const loopback = bound.find((a) => a.hostIp.startsWith('127.'))
    if (loopback) {
      const c = w.lab.containers[loopback.containerId]
      return dropAt(w, ns.id, iface, {
        code: 'published-on-localhost',
        port: pkt.dport,
        protocol: pkt.proto,
        hostIp: loopback.hostIp,
        container: c?.name ?? loopback.containerId.slice(0, 12),
        containerPort: loopback.containerPort,
      })
    }
    return dropAt(w, ns.id, iface, {
      code: 'port-not-published',
      port: pkt.dport,
      protocol: pkt.proto,
      publishedOn: bound.map((a) => a.hostIp),
      address: ipText(pkt.dst),
    })
  }
  return dropAt(w, ns.id, iface, {
    code: 'nothing-listening',
    port: pkt.dport,
    protocol: pkt.proto,
    known: [],
  })
}
