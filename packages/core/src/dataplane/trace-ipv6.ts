/**
 * IPv6 traces: a packet to a container's or the host's IPv6 address, from a
 * container or the host, decided from what Docker built for IPv6 (the
 * endpoints' addresses, the IPv6 default routes of the networks that give
 * one, docker-proxy on [::], and the IPv6 tables where the daemon writes
 * ip6tables). The IPv4 walk counts addresses in 32 bits; this one follows
 * the few paths Docker makes in IPv6, each seen with real probes on 20.10.24
 * and 28.5.2 (probes-ipv6.sh):
 *
 * - same network: through the bridge, where br_netfilter runs the packet
 *   through ip6tables' FORWARD too (28's ICC off drops it; 20.10 writes no
 *   rule, so ICC off does not hold in IPv6);
 * - another network: out of the container's IPv6 default route (none on a
 *   network that gives no gateway: 28's `--internal`), through raw
 *   PREROUTING and FORWARD (28's direct-access DROP and isolation; 20.10:
 *   nothing, so isolation and `--internal` do not hold);
 * - from the host to a container: straight out of the bridge (OUTPUT);
 * - to a host address: docker-proxy on [::] for a port published without
 *   an address (or on that address), which connects to the container; with
 *   `--userland-proxy=false`, ip6tables' DNAT where the daemon writes it (28:
 *   nat OUTPUT and PREROUTING; [::1] is DNATed too but its source ::1 is
 *   never sent off lo), else nothing (20.10; daemon-ipv6-no-proxy.sh);
 * - on a macvlan network: straight between children on the parent; never
 *   between a child and the host through that parent (macvlan-ipv6.sh);
 * - from the LAN or the internet: only the host's IPv6 address on its
 *   uplink (a ULA one not from the internet), where 28's PREROUTING DNAT
 *   (`! -i br`, then FORWARD's DOCKER ACCEPT) leads a port published on ::
 *   to the container with the outside source kept (Docker does no NAT66 of
 *   it) and docker-proxy serves it otherwise (20.10, an IPv4-only
 *   container); nothing outside has a route to Docker's IPv6 subnets. These
 *   follow the recorded rules; no probe from outside was sent (the
 *   recording machine's LAN is not the lab's);
 * - to the LAN or the internet: _ipv6-egress.ts (28's MASQUERADE, 20.10's
 *   ULA source with no way back); a host-mode container sends as the host,
 *   a container-mode sharer from its target's endpoints.
 */
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { NetmodesError } from '../errors.js'
import type { Lang } from '../i18n/messages.js'
import { cidr6Contains, formatIPv6, parseCidr6, parseIPv6 } from '../ipam/ipv6.js'
import type { Container, Endpoint, Network } from '../model/docker.js'
import type { Netfilter } from '../model/netfilter.js'
import type { LabState } from '../model/state.js'
import { verdictOf } from './_ip6-rules.js'
import { type Egress6, toOutside6 } from './_ipv6-egress.js'
import { holderOf, hostLinkWith, SUBINTERFACE } from './_ipv6-holders.js'
import { buildListenerBook, endpointOwner, namespaceIdOf, probeListener } from './_listeners.js'
import { outsideWorld } from './_outside-world.js'
import { outsideAddress6, outsideWorld6, whereOutside6 } from './_outside-world6.js'
import { formatEndpoint } from './parse-endpoint.js'
import { renderReason } from './reasons.js'
import type {
  Hop,
  ReasonDetail,
  TraceEndpoint,
  TraceFlow,
  TracePath,
  TraceProtocol,
  TraceResult,
} from './trace-types.js'

/**
 * The IPv6 address a container reaches the host at: the IPv6 gateway of its
 * network with one (its IPv6 default route's), else any network's, else ::1.
 *
 * @example
 * hostAddress6For(lab, api) // 'fd00:81::1'
 */
export function hostAddress6For(lab: LabState, c: Container | undefined): string {
  const own = c
    ? ipv6Endpoints(lab, c).find(({ endpoint }) => endpoint.gateway6)?.endpoint.gateway6
    : undefined
  return own ?? lab.networks.find((n) => n.enableIPv6 && n.gateway6)?.gateway6 ?? '::1'
}

/**
 * A container's first IPv6 address, where it has one.
 *
 * @example
 * ipv6AddressOf(lab, web) // 'fd00:81::2'
 */
export function ipv6AddressOf(lab: LabState, c: Container): string | undefined {
  return ipv6Endpoints(lab, c)[0]?.endpoint.ipv6
}

function ipv6Endpoints(lab: LabState, c: Container): { network: Network; endpoint: Endpoint }[] {
  return lab.networks.flatMap((n) => {
    const ep = n.endpoints[c.endpoints[n.id] ?? '']
    return ep?.ipv6 ? [{ network: n, endpoint: ep }] : []
  })
}

/**
 * Where an IPv6 trace goes for an endpoint (`trace --ipv6`, the IPv6
 * matrix): an address as given, a container's first IPv6 address, the
 * host's address as the source reaches it (its uplink's from outside), or
 * the LAN or internet machine.
 *
 * @example
 * ipv6Destination(lab, { kind: 'container', name: 'api' }, { kind: 'container', name: 'web' }) // 'fd00:81::2'
 */
export function ipv6Destination(
  lab: LabState,
  from: TraceEndpoint,
  to: TraceEndpoint,
): string | { kind: 'lan' | 'internet' } {
  switch (to.kind) {
    case 'lan':
    case 'internet':
      return { kind: to.kind }
    case 'address':
      if (!to.address.includes(':'))
        throw new NetmodesError(
          'INVALID_INPUT',
          `${to.address} is an IPv4 address: an IPv6 trace goes to an IPv6 one`,
        )
      return to.address
    case 'host': {
      const world = from.kind === 'lan' || from.kind === 'internet' ? outsideWorld6(lab) : undefined
      if (world) return formatIPv6(world.hostAddress)
      const source = from.kind === 'container' ? containerNamed(lab, from.name) : undefined
      return hostAddress6For(lab, source && (endpointOwner(lab, source) ?? source))
    }
    default: {
      const target = containerNamed(lab, to.name)
      const address = target && ipv6AddressOf(lab, endpointOwner(lab, target) ?? target)
      if (!address)
        throw new NetmodesError(
          target ? 'INVALID_INPUT' : 'NOT_FOUND',
          target ? `container ${to.name} has no IPv6 address` : `no container ${to.name}`,
        )
      return address
    }
  }
}

function containerNamed(lab: LabState, name: string): Container | undefined {
  return Object.values(lab.containers).find((c) => c.name === name)
}

/**
 * Traces one IPv6 flow. `target` is an IPv6 address (as parseEndpoint reads
 * `[fd00::2]:80` or `fd00::2`), or the LAN or internet machine.
 *
 * @example
 * traceIpv6(lab, { kind: 'container', name: 'api' }, 'fd00:81::2', 'tcp', 80).delivered
 */
export function traceIpv6(
  lab: LabState,
  from: TraceEndpoint,
  target: string | { kind: 'lan' | 'internet' },
  protocol: TraceProtocol,
  port: number | undefined,
  listening?: string[],
  lang: Lang = 'en',
): TraceResult {
  const world6 = outsideWorld6(lab)
  const named = typeof target === 'string' ? undefined : target.kind
  const machine = named && world6 ? outsideAddress6(world6, named) : undefined
  const to = typeof target === 'string' ? target : (machine ?? '::')
  const flow: TraceFlow = {
    from: formatEndpoint(from),
    to: named ?? (port === undefined ? to : `[${to}]:${port}`),
    protocol,
    ...(port !== undefined ? { port } : {}),
    ...(named && !machine ? {} : { dst: to }),
  }
  const hops: Hop[] = []
  const drop = (where: string, detail: ReasonDetail): TraceResult => {
    hops.push({ kind: 'drop', namespace: where, iface: '', reasonCode: detail.code })
    const params = { ...detail, from: flow.from, to: flow.to }
    return {
      delivered: false,
      hops,
      droppedAt: hops[hops.length - 1] as Hop,
      reasonCode: detail.code,
      reason: renderReason(params, lang),
      reasonParams: params,
      flow,
    }
  }
  const book = buildListenerBook(lab, listening)
  const deliver = (place: string, listener: 'known' | 'assumed' | 'docker-proxy' | 'kernel'): TraceResult => {
    hops.push({
      kind: 'deliver',
      namespace: place,
      iface: '',
      address: to,
      protocol,
      ...(port ? { port } : {}),
      listener,
    })
    return { delivered: true, hops, flow, reply: { delivered: true, hops: [] } }
  }
  // `at`: the port the packet arrives on there (docker-proxy connects to the container's port).
  const atContainer = (target: Container, at = port ?? 0): TraceResult => {
    const place = namespaceIdOf(lab, target) ?? target.name
    if (protocol === 'icmp') return deliver(place, 'kernel')
    const found = probeListener(lab, book, place, protocol, at, to)
    if (found.status === 'absent')
      return drop(place, { code: 'nothing-listening', port: at, protocol, known: found.known })
    return deliver(place, found.status === 'known' ? 'known' : 'assumed')
  }
  const holder = holderOf(lab, to)
  const dst = parseIPv6(to) ?? 0n
  const nf = lab.netfilter6
  const v6rules = behaviourOf(lab).firewaller6 !== undefined && nf !== undefined
  // Off the host: the LAN or internet machine (by name, or an address no container or host link holds).
  const outside = named ?? (holder ? undefined : whereOutside6(lab, world6, dst))
  const off: Egress6 = {
    lab,
    hops,
    protocol,
    port,
    book,
    drop,
    arrived: (reply: TracePath) => ({ delivered: true, hops, flow, reply }),
    lost: (replyHops, detail) => {
      const params = { ...detail, from: flow.from, to: flow.to, reply: true as const }
      return {
        delivered: false,
        hops: replyHops,
        droppedAt: replyHops[replyHops.length - 1] as Hop,
        reasonCode: detail.code,
        reason: renderReason(params, lang),
        reasonParams: params,
      }
    },
  }
  const outsideDst = named && !machine ? undefined : dst

  // One of the host's own addresses: docker-proxy for a published port, or without it DNAT.
  // `inIface`: the bridge a container's packet comes in by (none: the host's own packet).
  const toHostAddress = (where: string, src: bigint, inIface?: string, outside = false): TraceResult => {
    if (protocol === 'icmp') return deliver('host', 'kernel')
    const bound = (lab.hostPorts[`${protocol}/${port}`] ?? []).find(
      (a) => a.hostIp === '::' || a.hostIp === to,
    )
    const target = bound ? lab.containers[bound.containerId] : undefined
    if (!bound || !target)
      return drop(where, {
        code: 'port-not-published',
        port: port ?? 0,
        protocol,
        publishedOn: [],
        address: to,
      })
    // From outside, 28's PREROUTING DNAT (`! -i br`) takes the packet before docker-proxy could.
    if (outside && v6rules) {
      const dnatted = fromOutside(src, inIface ?? '')
      if (dnatted) return dnatted
    }
    if (!lab.profile.userlandProxy) return dnatToContainer(where, src, inIface)
    hops.push({
      kind: 'docker-proxy',
      namespace: 'host',
      iface: '',
      listen: `[${bound.hostIp}]:${bound.hostPort}/${bound.proto}`,
      container: target.name,
      target: bound.containerIp.includes(':')
        ? `[${bound.containerIp}]:${bound.containerPort}`
        : `${bound.containerIp}:${bound.containerPort}`,
      relay: 'connect',
    })
    return atContainer(target, bound.containerPort)
  }

  // ip6tables' DNAT of a packet to a container ([addr]:port), with the rule and NAT hops it takes;
  // undefined when the chain does not DNAT it to a container.
  const dnatHops = (table: Netfilter, chain: string, pkt: Parameters<typeof verdictOf>[3], iface: string) => {
    const v = verdictOf(table, 'nat', chain, pkt)
    const target = /^\[([^\]]+)\]:(\d+)$/.exec(v.matched?.toDestination ?? '')
    const reached = target?.[1] ? holderOf(lab, target[1]) : undefined
    if (v.verdict !== 'DNAT' || !target?.[1] || reached?.kind !== 'container') return undefined
    hops.push({
      kind: 'rule',
      namespace: 'host',
      iface,
      table: 'nat',
      hook: chain,
      chain: v.chain,
      position: v.position ?? 0,
      text: v.rule ?? '',
      target: 'DNAT',
    })
    hops.push({
      kind: 'nat',
      namespace: 'host',
      iface,
      type: 'DNAT',
      before: flow.to,
      after: v.matched?.toDestination ?? '',
    })
    return { reached, port: Number(target[2]), address: target[1] }
  }

  // --userland-proxy=false: what ip6tables' nat does with a packet for a published port.
  const dnatToContainer = (where: string, src: bigint, inIface?: string): TraceResult => {
    const notMapped = (why: 'loopback' | 'no-dnat' | 'no-ip6tables') =>
      drop(where, { code: 'ipv6-port-not-mapped', address: to, port: port ?? 0, protocol, why })
    if (!v6rules) return notMapped('no-ip6tables')
    const chain = inIface === undefined ? 'OUTPUT' : 'PREROUTING'
    const pkt = {
      src,
      dst,
      proto: protocol,
      dstLocal: true,
      ...(inIface ? { inIface } : {}),
      ...(port ? { dport: port } : {}),
    }
    const dnat = dnatHops(nf as Netfilter, chain, pkt, inIface ?? '')
    if (!dnat) return notMapped('no-dnat')
    // 28 DNATs [::1] too (its OUTPUT rule has no `! -d ::1/128` without the proxy), but the
    // packet keeps its source ::1, which IPv6 never sends off lo (RFC 4291 2.5.3; no
    // route_localnet in IPv6): dropped on 28.5.2 for every port published on 0.0.0.0, :: and ::1.
    if (dst === 1n) return notMapped('loopback')
    return atContainer(dnat.reached.container, dnat.port)
  }

  // The LAN or internet machine: only the host's own IPv6 address on its uplink is reachable
  // from outside. Docker announces no route to its subnets, nor NATs the destination in IPv6
  // but for a published port; a ULA is routed nowhere on the internet.
  const fromOutsideWorld = (node: 'lan' | 'internet'): TraceResult => {
    const uplink = outsideWorld(lab).uplink
    const own = uplink?.addrs6?.find((a) => a.scope === 'global')
    const ula = (ip: bigint) => ip >> 121n === 0x7en
    const network =
      holder?.kind === 'container' ? holder.network : holder?.kind === 'host' ? holder.network : undefined
    const onUplink = holder?.kind === 'host' && holder.link !== undefined && holder.link === uplink?.ifname
    if (!onUplink || !uplink || !own)
      return drop(node === 'lan' ? 'router' : 'internet', {
        code: 'no-route',
        where: node === 'lan' ? 'router' : 'internet',
        why:
          node === 'internet' && ula(dst)
            ? 'not-routed-on-internet'
            : network
              ? 'private-address'
              : 'no-matching-route',
        address: to,
        ...(network
          ? { network: network.name, subnet: network.pool6?.subnet ?? '', driver: network.driver }
          : {}),
      })
    if (node === 'internet') {
      if (ula(dst))
        return drop('internet', {
          code: 'no-route',
          where: 'internet',
          why: 'not-routed-on-internet',
          address: to,
        })
      hops.push({ kind: 'wire', namespace: 'internet', iface: '', to: 'router', address: to })
      hops.push({ kind: 'wire', namespace: 'router', iface: '', to: 'host', address: to })
    } else hops.push({ kind: 'wire', namespace: 'lan', iface: '', to: 'host', address: to })
    // The outside machine's address: the uplink's prefix with ::99 on the LAN, a documentation one (RFC 3849) beyond.
    const prefix = parseIPv6(own.local) ?? 0n
    const hostBits = (1n << BigInt(128 - own.prefixlen)) - 1n
    const src = node === 'lan' ? (prefix & ~hostBits) | 0x99n : (parseIPv6('2001:db8:ffff::99') ?? 0n)
    return toHostAddress('host', src, uplink.ifname, true)
  }

  // A packet in from the uplink DNATed to a container, then FORWARD; the source is kept (no NAT66).
  const fromOutside = (src: bigint, uplink: string): TraceResult | undefined => {
    if (!nf) return undefined
    const pkt = {
      src,
      dst,
      proto: protocol,
      dstLocal: true,
      inIface: uplink,
      ...(port ? { dport: port } : {}),
    }
    const dnat = dnatHops(nf, 'PREROUTING', pkt, uplink)
    if (!dnat) return undefined
    const { reached, port: inner, address: innerAddress } = dnat
    const f = verdictOf(nf, 'filter', 'FORWARD', {
      src,
      dst: parseIPv6(innerAddress) ?? 0n,
      inIface: uplink,
      outIface: reached.network.device ?? '',
      proto: protocol,
      dport: inner,
    })
    if (f.verdict === 'DROP')
      return drop('host', {
        code: 'filtered',
        table: 'filter',
        chain: f.chain,
        ...(f.rule ? { rule: f.rule } : { policy: 'DROP' }),
      })
    return atContainer(reached.container, inner)
  }

  if (from.kind === 'lan' || from.kind === 'internet') {
    if (outside) return toOutside6(off, { kind: 'outside', node: from.kind }, outside, outsideDst)
    return fromOutsideWorld(from.kind)
  }

  // The host's own packet (a host-mode container's too: it is in the host's namespace).
  const fromHost = (): TraceResult => {
    if (outside) return toOutside6(off, { kind: 'host', place: 'host' }, outside, outsideDst)
    if (!holder)
      return drop('host', { code: 'no-route', where: 'host', why: 'no-matching-route', address: to })
    if (holder.kind === 'host') return toHostAddress('host', dst)
    // A macvlan child is on its parent's segment, which the host cannot reach it through.
    if (SUBINTERFACE.has(holder.network.driver)) {
      const out = hostLinkWith(lab, dst)
      if (out === undefined || out !== holder.network.device)
        return drop('host', { code: 'no-route', where: 'host', why: 'no-matching-route', address: to })
      return drop('host', {
        code: 'macvlan-parent-isolation',
        driver: holder.network.driver === 'ipvlan' ? 'ipvlan' : 'macvlan',
        parent: out,
        direction: 'host-to-child',
      })
    }
    return atContainer(holder.container)
  }
  if (from.kind === 'host') return fromHost()
  if (from.kind !== 'container')
    throw new NetmodesError(
      'UNSUPPORTED',
      `IPv6 traces start from a container, the host, the LAN or the internet, not ${flow.from}`,
    )
  const source = Object.values(lab.containers).find((c) => c.name === from.name)
  if (!source) throw new NetmodesError('NOT_FOUND', `no container ${from.name}`)
  if (source.state !== 'running')
    return drop(source.name, { code: 'container-not-running', side: 'from', state: source.state })
  const place = namespaceIdOf(lab, source) ?? source.name
  if (place === 'host') return fromHost()
  // A container-mode sharer sends from its target's endpoints.
  const owner = endpointOwner(lab, source) ?? source
  const own = ipv6Endpoints(lab, owner)
  // Its own address, or ::1 (its own lo).
  if ((holder?.kind === 'container' && namespaceIdOf(lab, holder.container) === place) || dst === 1n)
    return atContainer(holder?.kind === 'container' ? holder.container : source)
  if (own.length === 0) {
    // Network mode none: lo only.
    if (lab.namespaces[place]?.links.every((l) => l.kind === 'loopback'))
      return drop(place, { code: 'no-interface', side: 'from' })
    return drop(place, { code: 'no-route', where: '@from', why: 'no-matching-route', address: to })
  }
  const src = parseIPv6(own[0]?.endpoint.ipv6 ?? '') ?? 0n
  // On the same network: through its bridge, and (br_netfilter) ip6tables' FORWARD.
  const shared = own.find(({ network }) => holder?.kind === 'container' && holder.network.id === network.id)
  if (shared && holder?.kind === 'container' && SUBINTERFACE.has(shared.network.driver)) {
    // Children of one parent reach each other on it, no host stack, no ip6tables.
    hops.push({
      kind: 'subinterface',
      namespace: place,
      iface: shared.endpoint.ifname,
      driver: shared.network.driver === 'ipvlan' ? 'ipvlan' : 'macvlan',
      parent: shared.network.device ?? '',
      mode: String(shared.network.options.macvlan_mode ?? shared.network.options.ipvlan_mode ?? 'bridge'),
      to: namespaceIdOf(lab, holder.container) ?? holder.container.name,
    })
    return atContainer(holder.container)
  }
  // Out of a macvlan child: on-link in its subnet, else to its IPv6 gateway; the host's own
  // address on the parent is the one place it cannot reach (the driver keeps them apart).
  const onLink = own.find(({ network }) => {
    const c = parseCidr6(network.pool6?.subnet ?? '')
    return c !== undefined && cidr6Contains(c.ip, c.prefix, dst)
  })
  const egress = onLink ?? own.find(({ endpoint }) => endpoint.gateway6)
  if (egress && SUBINTERFACE.has(egress.network.driver)) {
    const nextHop = onLink ? dst : (parseIPv6(egress.endpoint.gateway6 ?? '') ?? 0n)
    const parent = egress.network.device ?? ''
    const driver = egress.network.driver === 'ipvlan' ? 'ipvlan' : 'macvlan'
    if (hostLinkWith(lab, nextHop, 128) === parent)
      return drop(place, { code: 'macvlan-parent-isolation', driver, parent, direction: 'child-to-host' })
    return drop(place, {
      code: 'no-neighbor',
      where: place,
      device: egress.endpoint.ifname,
      address: formatIPv6(nextHop),
    })
  }
  if (shared && holder?.kind === 'container') {
    const br = shared.network.device ?? ''
    hops.push({ kind: 'bridge', namespace: 'host', iface: br, inPort: '', outPort: '' })
    if (v6rules) {
      const v = verdictOf(nf, 'filter', 'FORWARD', {
        src,
        dst,
        inIface: br,
        outIface: br,
        proto: protocol,
        ...(port ? { dport: port } : {}),
      })
      if (v.verdict === 'DROP')
        return drop('host', { code: 'icc-disabled', network: shared.network.name, rule: v.rule ?? '' })
    }
    return atContainer(holder.container)
  }
  // Elsewhere: out of its IPv6 default route, which only a network with an IPv6 gateway gives
  // (28 gives an --internal one none).
  const via = own.find(({ endpoint }) => endpoint.gateway6)
  if (!via && outside && own.every(({ network }) => network.internal))
    return drop(place, { code: 'internal-network', network: own[0]?.network.name ?? '' })
  if (!via || (!holder && !outside))
    return drop(place, { code: 'no-route', where: '@from', why: 'no-matching-route', address: to })
  const inBr = via.network.device ?? ''
  hops.push({
    kind: 'route',
    namespace: place,
    iface: via.endpoint.ifname,
    dst: named && !machine ? named : to,
    route: `default via ${via.endpoint.gateway6} dev ${via.endpoint.ifname}`,
    src: via.endpoint.ipv6 ?? '',
  })
  if (outside || !holder) {
    const sender = { kind: 'container' as const, place, src: parseIPv6(via.endpoint.ipv6 ?? '') ?? 0n }
    return toOutside6(
      off,
      { ...sender, network: via.network, endpoint: via.endpoint },
      outside ?? 'lan',
      outsideDst,
    )
  }
  if (holder.kind === 'host') return toHostAddress('host', src, inBr)
  const outBr = holder.network.device ?? ''
  if (v6rules) {
    const pkt = {
      src,
      dst,
      inIface: inBr,
      outIface: outBr,
      proto: protocol,
      ...(port ? { dport: port } : {}),
    }
    const { outIface: _routedLater, ...beforeRouting } = pkt
    const raw = verdictOf(nf, 'raw', 'PREROUTING', beforeRouting)
    if (raw.verdict === 'DROP')
      return drop('host', {
        code: 'direct-access',
        address: to,
        network: holder.network.name,
        bridge: outBr,
        inIface: inBr,
        rule: raw.rule ?? '',
      })
    const v = verdictOf(nf, 'filter', 'FORWARD', pkt)
    if (v.verdict === 'DROP') {
      if (v.chain.startsWith('DOCKER-ISOLATION'))
        return drop('host', {
          code: 'isolated-networks',
          fromNetwork: via.network.name,
          toNetwork: holder.network.name,
          rule: v.rule ?? '',
        })
      return drop('host', {
        code: 'filtered',
        table: 'filter',
        chain: v.chain,
        ...(v.rule ? { rule: v.rule } : { policy: 'DROP' }),
      })
    }
  }
  return atContainer(holder.container)
}
