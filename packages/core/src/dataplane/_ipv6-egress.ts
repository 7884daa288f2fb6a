/**
 * IPv6 out of the host: a container's, the host's or an outside machine's
 * packet to the LAN or the internet (_outside-world6.ts), and its reply.
 *
 * What each engine builds for it (ipv6-firewall.sh, recorded on both):
 * - 28 writes ip6tables as it writes iptables: FORWARD's DOCKER-FORWARD
 *   accepts what comes in on a network's bridge (`-i br-… -j ACCEPT`) and
 *   nat POSTROUTING MASQUERADEs the network's IPv6 subnet out of any other
 *   device (`-s fd00:81::/64 ! -o br-… -j MASQUERADE`), so the packet leaves
 *   with the host's address and conntrack undoes it for the reply; a network
 *   with `enable_ip_masquerade=false` (or docker0 under `--ip-masq=false`)
 *   gets no MASQUERADE, and an `--internal` one no IPv6 default route.
 * - 20.10 writes no ip6tables for IPv6 networks (its `--ip6tables` is
 *   experimental and off): it turns IPv6 forwarding on for a network with an
 *   IPv6 subnet (libnetwork setupIPv6Forwarding) and leaves FORWARD's policy
 *   ACCEPT, so the packet leaves with the container's own ULA source, which
 *   nothing outside has a route back to (Docker announces none), and the
 *   reply is lost; an internal network keeps its IPv6 default route.
 * - the host (and a host-mode container) sends from its uplink's address.
 * A ULA source is never routed back from the internet (RFC 4193).
 */
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { formatIPv6 } from '../ipam/ipv6.js'
import type { Endpoint, Network } from '../model/docker.js'
import type { LabState } from '../model/state.js'
import { verdictOf } from './_ip6-rules.js'
import type { ListenerBook } from './_listeners.js'
import { isUla, type OutsideWorld6, outsideWorld6 } from './_outside-world6.js'
import type { Hop, Place, ReasonDetail, TracePath, TraceProtocol, TraceResult } from './trace-types.js'

/** What the IPv6 trace hands the egress: its hops and how it ends a result. */
export interface Egress6 {
  lab: LabState
  hops: Hop[]
  protocol: TraceProtocol
  port: number | undefined
  book: ListenerBook
  /** The forward packet is dropped there. */
  drop: (where: Place, detail: ReasonDetail) => TraceResult
  /** The forward packet arrived; the reply took `reply`. */
  arrived: (reply: TracePath) => TraceResult
  /** A reply dropped at its last hop, for that reason. */
  lost: (hops: Hop[], detail: ReasonDetail) => TracePath
}

/** Who sends: a container out of its IPv6 default route, the host, or a machine outside. */
export type Sender6 =
  | { kind: 'container'; place: Place; src: bigint; network: Network; endpoint: Endpoint }
  | { kind: 'host'; place: Place }
  | { kind: 'outside'; node: 'lan' | 'internet' }

/**
 * Sends an IPv6 packet to a machine on the LAN or the internet.
 *
 * @example
 * toOutside6(e, { kind: 'host', place: 'host' }, 'lan', world.lanMachine).delivered // true
 */
export function toOutside6(
  e: Egress6,
  from: Sender6,
  node: 'lan' | 'internet',
  to: bigint | undefined,
): TraceResult {
  const world = outsideWorld6(e.lab)
  const where = from.kind === 'outside' ? from.node : 'host'
  // Without a global IPv6 address on its uplink the host has no IPv6 route beyond its bridges.
  if (!world || to === undefined)
    return e.drop(where, {
      code: 'no-route',
      where,
      why: 'no-matching-route',
      address: to === undefined ? '@to' : formatIPv6(to),
    })
  const dst = to
  const address = formatIPv6(dst)
  const viaInternet = node === 'internet' || (from.kind === 'outside' && from.node === 'internet')
  if (viaInternet && !world.router && !(from.kind === 'outside' && from.node === node))
    return e.drop(where, { code: 'no-route', where, why: 'no-router', address })
  // A ULA on the LAN is routed there only (RFC 4193).
  if (from.kind === 'outside' && from.node === 'internet' && node === 'lan' && isUla(dst))
    return e.drop('internet', { code: 'no-route', where: 'internet', why: 'not-routed-on-internet', address })
  let src = from.kind === 'container' ? from.src : from.kind === 'host' ? world.hostAddress : 0n
  let masqueraded = false
  let unmasked: 'no-ip6tables' | 'masquerade-off' | undefined
  if (from.kind === 'container') {
    const forwarded = forward(e, from, world, dst)
    if (forwarded) return forwarded
    masqueraded = masquerade(e, from, world, dst)
    if (masqueraded) src = world.hostAddress
    else unmasked = behaviourOf(e.lab).firewaller6 && e.lab.netfilter6 ? 'masquerade-off' : 'no-ip6tables'
  }
  if (from.kind === 'outside') {
    if (from.node === 'lan') src = world.lanMachine
    else src = world.internetMachine
    if (from.node === node) return arrive(e, node, address, [])
  }
  // Out: onto the LAN, or through the router to the internet (in, from the internet).
  const out: Extract<Hop, { kind: 'wire' }>[] = []
  if (from.kind !== 'outside') {
    out.push({
      kind: 'wire',
      namespace: 'host',
      iface: world.uplink,
      to: node === 'lan' ? 'lan' : 'router',
      address,
    })
  } else if (from.node === 'lan')
    out.push({ kind: 'wire', namespace: 'lan', iface: '', to: 'router', address })
  else out.push({ kind: 'wire', namespace: 'internet', iface: '', to: 'router', address })
  if (node === 'internet' || from.kind === 'outside')
    out.push({ kind: 'wire', namespace: 'router', iface: '', to: node, address })
  e.hops.push(...out)
  const sent = formatIPv6(src)
  // The reply goes back to the source as it left: one nothing outside routes to is lost.
  if (unmasked || (viaInternet && isUla(src))) {
    // Unmasqueraded, the source is the container's own address on its network.
    const own = unmasked && from.kind === 'container' ? from.network : undefined
    return arrive(e, node, address, undefined, () =>
      e.lost([{ kind: 'drop', namespace: node, iface: '', reasonCode: 'ipv6-no-route-back' }], {
        code: 'ipv6-no-route-back',
        source: sent,
        where: node,
        why: unmasked ?? 'ula',
        ...(own ? { network: own.name, subnet: own.pool6?.subnet ?? '' } : {}),
      }),
    )
  }
  const back: Hop[] = [
    ...[...out].reverse().map((h): Hop => ({ ...h, namespace: h.to, to: h.namespace, address: sent })),
  ]
  if (from.kind === 'container' && masqueraded)
    back.push({
      kind: 'nat',
      namespace: 'host',
      iface: world.uplink,
      type: 'un-SNAT',
      before: formatIPv6(world.hostAddress),
      after: formatIPv6(from.src),
    })
  const home = from.kind === 'container' ? from.place : from.kind === 'host' ? from.place : from.node
  const origin = from.kind === 'container' ? formatIPv6(from.src) : sent
  back.push({
    kind: 'deliver',
    namespace: home,
    iface: '',
    address: origin,
    protocol: e.protocol,
    listener: 'client',
  })
  return arrive(e, node, address, back)
}

// The host forwards a container's packet out of its uplink: ip6tables' FORWARD, where the daemon writes it.
function forward(
  e: Egress6,
  from: Extract<Sender6, { kind: 'container' }>,
  world: OutsideWorld6,
  dst: bigint,
): TraceResult | undefined {
  const nf = e.lab.netfilter6
  const br = from.network.device ?? ''
  const pkt = {
    src: from.src,
    dst,
    inIface: br,
    outIface: world.uplink,
    proto: e.protocol,
    ...(e.port ? { dport: e.port } : {}),
  }
  if (!nf) {
    e.hops.push({
      kind: 'policy',
      namespace: 'host',
      iface: br,
      table: 'filter',
      chain: 'FORWARD',
      policy: 'ACCEPT',
    })
    return undefined
  }
  const v = verdictOf(nf, 'filter', 'FORWARD', pkt)
  if (v.verdict === 'DROP') {
    if (v.chain.startsWith('DOCKER-ISOLATION') && from.network.internal)
      return e.drop('host', { code: 'internal-network', network: from.network.name, rule: v.rule ?? '' })
    return e.drop('host', {
      code: 'filtered',
      table: 'filter',
      chain: v.chain,
      ...(v.rule ? { rule: v.rule } : { policy: 'DROP' }),
    })
  }
  e.hops.push(
    v.rule
      ? {
          kind: 'rule',
          namespace: 'host',
          iface: br,
          table: 'filter',
          hook: 'FORWARD',
          chain: v.chain,
          position: v.position ?? 0,
          text: v.rule,
          target: v.verdict,
        }
      : {
          kind: 'policy',
          namespace: 'host',
          iface: br,
          table: 'filter',
          chain: 'FORWARD',
          policy: v.verdict,
        },
  )
  return undefined
}

// nat POSTROUTING: 28's MASQUERADE of the network's IPv6 subnet, or nothing (the source stays).
function masquerade(
  e: Egress6,
  from: Extract<Sender6, { kind: 'container' }>,
  world: OutsideWorld6,
  dst: bigint,
): boolean {
  const nf = e.lab.netfilter6
  const v = nf
    ? verdictOf(nf, 'nat', 'POSTROUTING', {
        src: from.src,
        dst,
        outIface: world.uplink,
        proto: e.protocol,
        ...(e.port ? { dport: e.port } : {}),
      })
    : undefined
  if (v?.verdict !== 'MASQUERADE' || !v.rule) {
    e.hops.push({
      kind: 'policy',
      namespace: 'host',
      iface: world.uplink,
      table: 'nat',
      chain: 'POSTROUTING',
      policy: 'ACCEPT',
    })
    return false
  }
  e.hops.push({
    kind: 'rule',
    namespace: 'host',
    iface: world.uplink,
    table: 'nat',
    hook: 'POSTROUTING',
    chain: v.chain,
    position: v.position ?? 0,
    text: v.rule,
    target: 'MASQUERADE',
  })
  e.hops.push({
    kind: 'nat',
    namespace: 'host',
    iface: world.uplink,
    type: 'MASQUERADE',
    before: formatIPv6(from.src),
    after: formatIPv6(world.hostAddress),
  })
  return true
}

// Arrival at the LAN or internet machine: it answers unless a `listening` entry says otherwise.
function arrive(
  e: Egress6,
  node: 'lan' | 'internet',
  address: string,
  back: Hop[] | undefined,
  lostReply?: () => TracePath,
): TraceResult {
  const known = e.book.get(node)
  const key = `${e.protocol}/${e.port}`
  if (e.protocol !== 'icmp' && known && known.size > 0 && !known.has(key))
    return e.drop(node, {
      code: 'nothing-listening',
      port: e.port ?? 0,
      protocol: e.protocol,
      known: [...known].sort(),
    })
  e.hops.push({
    kind: 'deliver',
    namespace: node,
    iface: '',
    address,
    protocol: e.protocol,
    ...(e.port ? { port: e.port } : {}),
    listener: e.protocol === 'icmp' ? 'kernel' : known?.size ? 'known' : 'assumed',
  })
  return e.arrived(lostReply ? lostReply() : { delivered: true, hops: back ?? [] })
}
