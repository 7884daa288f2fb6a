/**
 * The state of one packet walk: the packet, the hops so far, the flow's
 * connection-tracking record (shared by the request and its reply), and
 * who the two ends are (for reasons).
 */

import type { Link, Namespace } from '../model/namespace.js'
import type { HostPortAllocation, LabState } from '../model/state.js'
import { ipString } from './_ip-text.js'
import type { ListenerBook } from './_listeners.js'
import type { Hop, Place, ReasonDetail, ReasonParams, TraceProtocol } from './trace-types.js'

/** The headers a trace follows. Ports are 0 for ICMP. */
export interface Packet {
  src: number
  dst: number
  proto: TraceProtocol
  sport: number
  dport: number
}

/**
 * What conntrack remembers of a flow: the NAT done to the request, undone on
 * the reply (nf_nat's reverse tuple), and the LAN router's own NAT.
 */
export interface FlowState {
  dnat?: { orig: [number, number]; to: [number, number] }
  snat?: { orig: [number, number]; to: [number, number] }
  /** The LAN address the router masqueraded on the way out. */
  routerNat?: number
}

/** The two ends of a walk, by label (for reasons) and by place/address (to recognise them). */
export interface Roles {
  from: string
  to: string
  fromPlace?: Place
  toPlace?: Place
  fromAddress?: number
  toAddress?: number
}

/** Where a walk ended. */
export type Arrival =
  | { kind: 'delivered'; place: Place; pkt: Packet }
  /** Reached docker-proxy on the host: a second connection starts there. */
  | { kind: 'proxy'; allocation: HostPortAllocation; pkt: Packet; iface: string }
  | { kind: 'dropped'; params: ReasonParams }

export interface Walk {
  lab: LabState
  hops: Hop[]
  /** This walk carries the reply of `flow`. */
  reply: boolean
  flow: FlowState
  book: ListenerBook
  roles: Roles
  /** Devices crossed so far (a guard against loops). */
  steps: number
  /** The conntrack hop has been shown for this walk. */
  tracked: boolean
  /** The request as it left its source, once the source address is chosen. */
  sent: Packet | undefined
  /** Receives a packet on a link (set by the walker; lets the outside-world code hand packets back). */
  enter: (ns: Namespace, link: Link, pkt: Packet) => Arrival
  /** The lab's other hosts, when it has several: a VXLAN tunnel moves the walk into another's lab. */
  cluster: WalkCluster | undefined
}

/** The hosts a walk may cross to, and the listeners of each (one book per lab). */
export interface WalkCluster {
  nodes: readonly { name: string; address: string; lab: LabState }[]
  bookOf(lab: LabState): ListenerBook
  /** Each host's connection tracking of the flow (its NAT, undone on that host). */
  flowOf(lab: LabState): FlowState
}

/** A copy of a packet's headers (a literal, so every packet has the same shape). */
export function copyPacket(p: Packet): Packet {
  return { src: p.src, dst: p.dst, proto: p.proto, sport: p.sport, dport: p.dport }
}

/** More devices than any real path crosses: the packet is looping. */
export const MAX_STEPS = 64

/** "a.b.c.d". */
export function ipText(ip: number): string {
  return ipString(ip)
}

/** "a.b.c.d:port", or the address alone for ICMP. */
export function socketText(ip: number, port: number, proto: TraceProtocol): string {
  return proto === 'icmp' ? ipString(ip) : `${ipString(ip)}:${port}`
}

/** An address as reasons name it: "@from"/"@to" when it is one end's own address. */
export function addressToken(w: Walk, ip: number): string {
  if (ip === w.roles.toAddress) return '@to'
  if (ip === w.roles.fromAddress) return '@from'
  return ipString(ip)
}

/** A place as reasons name it: "@from"/"@to" for the ends' namespaces. */
export function placeToken(w: Walk, place: Place): string {
  if (place === w.roles.fromPlace) return '@from'
  if (place === w.roles.toPlace) return '@to'
  return place
}

/** Ends the walk with a reason (the caller has pushed the hop where it happened). */
export function dropped(w: Walk, detail: ReasonDetail): Arrival {
  const params = {
    ...detail,
    from: w.roles.from,
    to: w.roles.to,
    ...(w.reply ? { reply: true as const } : {}),
  }
  return { kind: 'dropped', params }
}

/** Ends the walk at a place where no netfilter rule acted (no route, no neighbour, no listener...). */
export function dropAt(w: Walk, namespace: Place, iface: string, detail: ReasonDetail): Arrival {
  w.hops.push({ kind: 'drop', namespace, iface, reasonCode: detail.code })
  return dropped(w, detail)
}

/** The arrival hop (with a port for TCP and UDP only). */
export function deliverHop(
  namespace: Place,
  iface: string,
  pkt: Packet,
  listener: 'known' | 'assumed' | 'kernel' | 'client',
): Hop {
  const hop: Extract<Hop, { kind: 'deliver' }> = {
    kind: 'deliver',
    namespace,
    iface,
    address: ipString(pkt.dst),
    protocol: pkt.proto,
    listener,
  }
  if (pkt.proto !== 'icmp') hop.port = pkt.dport
  return hop
}
