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
 *   an address (or on that address), which connects to the container.
 */
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { NetmodesError } from '../errors.js'
import type { Lang } from '../i18n/messages.js'
import { parseCidr6, parseIPv6 } from '../ipam/ipv6.js'
import type { Container, Endpoint, Network } from '../model/docker.js'
import type { Netfilter, Rule, TableName } from '../model/netfilter.js'
import type { LabState } from '../model/state.js'
import { renderRuleSpec } from '../netfilter/rule-text.js'
import { tableOf } from '../netfilter/tables.js'
import { buildListenerBook, namespaceIdOf, probeListener } from './_listeners.js'
import { formatEndpoint } from './parse-endpoint.js'
import { renderReason } from './reasons.js'
import type {
  Hop,
  ReasonDetail,
  TraceEndpoint,
  TraceFlow,
  TraceProtocol,
  TraceResult,
} from './trace-types.js'

/** What a rule sees of an IPv6 packet. */
interface Packet6 {
  src: bigint
  dst: bigint
  inIface?: string
  outIface?: string
  proto: TraceProtocol
  dport?: number
}

function inCidr(text: string, ip: bigint): boolean {
  const cidr = parseCidr6(text.includes('/') ? text : `${text}/128`)
  if (!cidr) return false
  const shift = BigInt(128 - cidr.prefix)
  return ip >> shift === cidr.ip >> shift
}

function matches(rule: Rule, p: Packet6): boolean {
  if (rule.unparsed !== undefined) return false
  const test = (given: unknown, ok: boolean, negated?: boolean) => given === undefined || ok !== !!negated
  return (
    test(rule.src, rule.src !== undefined && inCidr(rule.src, p.src), rule.notSrc) &&
    test(rule.dst, rule.dst !== undefined && inCidr(rule.dst, p.dst), rule.notDst) &&
    test(rule.inIface, rule.inIface === p.inIface, rule.notIn) &&
    test(rule.outIface, rule.outIface === p.outIface, rule.notOut) &&
    (rule.proto === undefined || rule.proto === p.proto) &&
    (rule.dport === undefined || rule.dport === p.dport) &&
    // A new connection: conntrack's RELATED,ESTABLISHED does not match it; no address here is LOCAL.
    rule.ctstate === undefined &&
    rule.dstType === undefined &&
    rule.srcType === undefined
  )
}

interface Verdict {
  verdict: string
  chain: string
  rule?: string
}

/** A built-in chain's verdict for a packet: jumps followed, RETURN and the end of a user chain go back. */
function verdictOf(nf: Netfilter, table: TableName, chain: string, p: Packet6, depth = 0): Verdict {
  const chains = tableOf(nf, table).chains
  for (const rule of chains[chain]?.rules ?? []) {
    if (!matches(rule, p)) continue
    if (rule.jump === 'RETURN') return { verdict: 'RETURN', chain }
    if (chains[rule.jump] && depth < 32) {
      const inner = verdictOf(nf, table, rule.jump, p, depth + 1)
      if (inner.verdict !== 'RETURN') return inner
      continue
    }
    return { verdict: rule.jump, chain, rule: `-A ${chain} ${renderRuleSpec(rule)}` }
  }
  const policy = chains[chain]?.policy
  return { verdict: depth === 0 && policy && policy !== '-' ? policy : 'RETURN', chain }
}

/** Where an IPv6 address lives: a container's endpoint, or the host (a bridge's gateway, ::1). */
type Holder =
  | { kind: 'container'; container: Container; network: Network; endpoint: Endpoint }
  | { kind: 'host'; network?: Network }

function holderOf(lab: LabState, address: string): Holder | undefined {
  const ip = parseIPv6(address)
  if (ip === undefined) return undefined
  if (ip === 1n) return { kind: 'host' }
  for (const n of lab.networks) {
    if (n.gateway6 !== undefined && parseIPv6(n.gateway6) === ip) return { kind: 'host', network: n }
    for (const ep of Object.values(n.endpoints)) {
      const c = lab.containers[ep.containerId]
      if (c && ep.ipv6 !== undefined && parseIPv6(ep.ipv6) === ip)
        return { kind: 'container', container: c, network: n, endpoint: ep }
    }
  }
  return undefined
}

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
 * Traces one IPv6 flow. `to` is an IPv6 address (as parseEndpoint reads
 * `[fd00::2]:80` or `fd00::2`).
 *
 * @example
 * traceIpv6(lab, { kind: 'container', name: 'api' }, 'fd00:81::2', 'tcp', 80).delivered
 */
export function traceIpv6(
  lab: LabState,
  from: TraceEndpoint,
  to: string,
  protocol: TraceProtocol,
  port: number | undefined,
  listening?: string[],
  lang: Lang = 'en',
): TraceResult {
  const flow: TraceFlow = {
    from: formatEndpoint(from),
    to: port === undefined ? to : `[${to}]:${port}`,
    protocol,
    ...(port !== undefined ? { port } : {}),
    dst: to,
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

  // The host reaching one of its own addresses: docker-proxy for a published port.
  const toHostAddress = (where: string): TraceResult => {
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

  if (from.kind === 'host') {
    if (!holder)
      return drop('host', { code: 'no-route', where: 'host', why: 'no-matching-route', address: to })
    if (holder.kind === 'host') return toHostAddress('host')
    return atContainer(holder.container)
  }
  if (from.kind !== 'container')
    throw new NetmodesError('UNSUPPORTED', `IPv6 traces start from a container or the host, not ${flow.from}`)
  const source = Object.values(lab.containers).find((c) => c.name === from.name)
  if (!source) throw new NetmodesError('NOT_FOUND', `no container ${from.name}`)
  if (source.state !== 'running')
    return drop(source.name, { code: 'container-not-running', side: 'from', state: source.state })
  const place = namespaceIdOf(lab, source) ?? source.name
  const own = ipv6Endpoints(lab, source)
  // Its own address, or ::1 (its own lo).
  if ((holder?.kind === 'container' && holder.container.id === source.id) || dst === 1n)
    return atContainer(source)
  if (own.length === 0)
    return drop(place, { code: 'no-route', where: place, why: 'no-matching-route', address: to })
  const src = parseIPv6(own[0]?.endpoint.ipv6 ?? '') ?? 0n
  // On the same network: through its bridge, and (br_netfilter) ip6tables' FORWARD.
  const shared = own.find(({ network }) => holder?.kind === 'container' && holder.network.id === network.id)
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
  // Elsewhere: out of its IPv6 default route, which only a network with an IPv6 gateway gives.
  const via = own.find(({ endpoint }) => endpoint.gateway6)
  if (!via || !holder)
    return drop(place, { code: 'no-route', where: place, why: 'no-matching-route', address: to })
  const inBr = via.network.device ?? ''
  hops.push({
    kind: 'route',
    namespace: place,
    iface: via.endpoint.ifname,
    dst: to,
    route: `default via ${via.endpoint.gateway6} dev ${via.endpoint.ifname}`,
    src: via.endpoint.ipv6 ?? '',
  })
  if (holder.kind === 'host') return toHostAddress('host')
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
