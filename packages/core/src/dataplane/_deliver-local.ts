/**
 * A packet reaches a namespace's own address: which socket takes it. On the
 * host, docker-proxy holds the published ports (when the userland proxy is
 * on); elsewhere the listeners the model knows (published ports, the
 * request's `listening`), or an assumed application. A host port that is
 * bound only on 127.0.0.1 answers nobody else.
 */

import type { Namespace } from '../model/namespace.js'
import type { LabState } from '../model/state.js'
import { knownListeners, probeListener } from './_listeners.js'
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
  const status = probeListener(w.lab, w.book, ns.id, pkt.proto, pkt.dport)
  if (status === 'known' || (status === 'unknown' && ns.id !== 'host')) {
    w.hops.push(deliverHop(ns.id, iface, pkt, status === 'known' ? 'known' : 'assumed'))
    return { kind: 'delivered', place: ns.id, pkt }
  }
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
  const known = [...knownListeners(w.lab, w.book, ns.id)].sort()
  return dropAt(w, ns.id, iface, { code: 'nothing-listening', port: pkt.dport, protocol: pkt.proto, known })
}
