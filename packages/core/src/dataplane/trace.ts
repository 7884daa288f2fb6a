/**
 * `trace()`: follows one packet from a source to a destination through the
 * lab as the kernel would (routes, veths, bridges, netfilter, NAT,
 * conntrack, docker-proxy), then follows the reply back, so that a flow
 * whose request arrives but whose answer cannot return shows as such.
 */

import { NetmodesError } from '../errors.js'
import type { Lang } from '../i18n/messages.js'
import { parseIPv4 } from '../ipam/ipv4.js'
import type { LabState } from '../model/state.js'
import { tagHops } from './_cross-node.js'
import type { ListenerBook } from './_listeners.js'
import { buildListenerBook } from './_listeners.js'
import { outsideWorld } from './_outside-world.js'
import { resolveSource, resolveTarget } from './_trace-endpoints.js'
import { createWalk, originate } from './_walk.js'
import type { Arrival, FlowState, Packet, Roles, WalkCluster } from './_walk-context.js'
import { ipText, socketText } from './_walk-context.js'
import { sendFromOutside } from './_walk-outside.js'
import { formatEndpoint, parseEndpoint } from './parse-endpoint.js'
import { renderReason } from './reasons.js'
import { ipv6Destination, traceIpv6 } from './trace-ipv6.js'
import type {
  Hop,
  Place,
  ReasonDetail,
  ReasonParams,
  TraceCluster,
  TraceFlow,
  TracePath,
  TraceRequest,
  TraceResult,
} from './trace-types.js'

// A client's source port: one from Linux's ephemeral range (ip_local_port_range 32768-60999).
const CLIENT_PORT = 40000

function droppedPath(hops: Hop[], params: ReasonParams, lang: Lang): TracePath {
  return {
    delivered: false,
    hops,
    droppedAt: hops[hops.length - 1] as Hop,
    reasonCode: params.code,
    reason: renderReason(params, lang),
    reasonParams: params,
  }
}

function swap(roles: Roles, sent: Packet): Roles {
  return {
    from: roles.to,
    to: roles.from,
    ...(roles.toPlace !== undefined ? { fromPlace: roles.toPlace } : {}),
    ...(roles.fromPlace !== undefined ? { toPlace: roles.fromPlace } : {}),
    fromAddress: sent.dst,
    toAddress: sent.src,
  }
}

interface Leg {
  lab: LabState
  /** Where the request started (the lab of `origin`): a reply must come back to it. */
  originLab: LabState
  cluster: WalkCluster | undefined
  book: ListenerBook
  flow: FlowState
  roles: Roles
  /** Where the request started, and the request as it left. */
  origin: Place
  sent: Packet
  /** The language of the reasons' sentences. */
  lang: Lang
}

/** Sends the answer to a delivered request back from where it arrived, and checks who gets it. */
function walkReply(leg: Leg, arrived: { place: Place; pkt: Packet }, hops: Hop[]): Arrival {
  const p = arrived.pkt
  const pkt: Packet = { src: p.dst, dst: p.src, proto: p.proto, sport: p.dport, dport: p.sport }
  const w = createWalk({
    lab: leg.lab,
    hops,
    reply: true,
    flow: leg.flow,
    book: leg.book,
    roles: swap(leg.roles, leg.sent),
    cluster: leg.cluster,
  })
  const start = arrived.place
  const ns = leg.lab.namespaces[start]
  if (start !== 'lan' && start !== 'internet' && !ns)
    throw new NetmodesError('INTERNAL', `no namespace ${start}`)
  const arrival =
    start === 'lan' || start === 'internet' || !ns
      ? sendFromOutside(w, start === 'lan' ? 'lan' : 'internet', pkt)
      : originate(w, ns, pkt)
  if (w.cluster) tagHops(w)
  if (arrival.kind !== 'delivered') return arrival
  const r = arrival.pkt
  const s = leg.sent
  if (
    arrival.place === leg.origin &&
    w.lab === leg.originLab &&
    r.src === s.dst &&
    r.sport === s.dport &&
    r.dst === s.src &&
    r.dport === s.sport
  )
    return arrival
  hops.push({ kind: 'drop', namespace: arrival.place, iface: '', reasonCode: 'reply-mismatch' })
  return {
    kind: 'dropped',
    params: {
      code: 'reply-mismatch',
      expected: socketText(s.dst, s.dport, s.proto),
      got: socketText(r.src, r.sport, r.proto),
      // Same source, wrong place: the reply reached someone else.
      ...(r.src === s.dst && r.sport === s.dport ? { deliveredTo: arrival.place } : {}),
      from: w.roles.from,
      to: w.roles.to,
      reply: true,
    },
  }
}

/**
 * Traces a packet from one end to the other, and its reply.
 *
 * @example
 * const lab = createLab()
 * runDocker(lab, 'docker run -d --name web -p 8080:80 nginx')
 * const result = trace(lab, { from: 'lan', to: 'host:8080/tcp' })
 * result.delivered // true: DNAT to 172.17.0.2:80, and the reply is un-DNATed
 */
export function trace(
  state: LabState,
  request: TraceRequest,
  options: {
    /** The lab's other hosts, when `state` is one node of several: overlay frames cross to them. */
    cluster?: TraceCluster
  } = {},
): TraceResult {
  const from = typeof request.from === 'string' ? parseEndpoint(request.from) : request.from
  const to = typeof request.to === 'string' ? parseEndpoint(request.to) : request.to
  if (from.port !== undefined)
    throw new NetmodesError(
      'INVALID_INPUT',
      `source "${formatEndpoint(from)}" cannot have a port: the port is the destination's`,
    )
  const lang = request.lang ?? 'en'
  const protocol = to.protocol ?? request.protocol ?? 'tcp'
  const port = protocol === 'icmp' ? undefined : (to.port ?? request.port)
  if (protocol !== 'icmp' && port === undefined) {
    throw new NetmodesError(
      'INVALID_INPUT',
      `destination "${formatEndpoint(to)}": ${protocol} needs a port (e.g. ${to.kind === 'address' && to.address.includes(':') ? `[${to.address}]` : formatEndpoint(to)}:80/${protocol})`,
    )
  }
  // IPv6 follows the paths Docker builds for it (trace-ipv6.ts).
  if (request.family === 6 || (to.kind === 'address' && to.address.includes(':')))
    return traceIpv6(state, from, ipv6Destination(state, from, to), protocol, port, request.listening, lang)
  const flow: TraceFlow = {
    from: formatEndpoint(from),
    to: formatEndpoint(to),
    protocol,
    ...(port !== undefined ? { port } : {}),
  }
  const book = buildListenerBook(state, request.listening)
  const flowState: FlowState = {}
  const cluster = options.cluster
    ? walkCluster(options.cluster, state, book, flowState, request.listening)
    : undefined
  const world = outsideWorld(state)
  const hops: Hop[] = []
  const fail = (namespace: Place, detail: ReasonDetail) => stop(flow, detail, hops, lang, namespace)

  const source = resolveSource(state, world, from)
  if (source.kind === 'dropped') return fail(source.place, source.detail)
  const target = resolveTarget(state, world, source, to, (request.resolve ?? 'dns') === 'dns')
  if (target.hop) hops.push(target.hop)
  if (target.kind === 'dropped') {
    if (target.hop) return stop(flow, target.detail, hops, lang)
    return fail(source.place, target.detail)
  }
  // A service's virtual IP answers only through the IPVS load balancer Docker programs for it.
  const vip = serviceOfVip(state, target.address)
  if (vip && source.kind !== 'outside') {
    flow.dst = ipText(target.address)
    return fail(source.place, {
      code: 'service-vip',
      address: ipText(target.address),
      service: vip,
      ipvs: state.profile.kernel.ipvs !== false,
    })
  }
  // 127.0.0.0/8 is every host's own loopback (RFC 1122 3.2.1.3): a LAN or internet machine keeps it to itself.
  if (source.kind === 'outside' && target.address >>> 24 === 127) {
    flow.src = ipText(target.address)
    flow.dst = ipText(target.address)
    return fail(source.place, { code: 'own-loopback', address: ipText(target.address), where: source.node })
  }
  const roles: Roles = {
    from: flow.from,
    to: flow.to,
    fromPlace: source.place,
    ...(target.place !== undefined ? { toPlace: target.place } : {}),
    ...(source.address !== undefined ? { fromAddress: source.address } : {}),
    toAddress: target.address,
  }
  const w = createWalk({ lab: state, hops, reply: false, flow: flowState, book, roles, cluster })
  const pkt: Packet = {
    src: source.address ?? 0,
    dst: target.address,
    proto: protocol,
    sport: protocol === 'icmp' ? 0 : CLIENT_PORT,
    dport: port ?? 0,
  }
  const arrival =
    source.kind === 'outside' ? sendFromOutside(w, source.node, pkt) : originate(w, source.ns, pkt)
  const sent = w.sent ?? pkt
  flow.src = ipText(sent.src)
  flow.dst = ipText(target.address)
  if (cluster) tagHops(w)
  // The reply starts where the request arrived: on another node when a tunnel carried it there.
  const leg: Leg = {
    lab: w.lab,
    originLab: state,
    cluster,
    book: w.book,
    flow: w.flow,
    roles,
    origin: source.place,
    sent,
    lang,
  }
  if (arrival.kind === 'dropped')
    return { ...(droppedPath(hops, arrival.params, lang) as TracePath & { delivered: false }), flow }
  if (arrival.kind === 'delivered') {
    if (target.shared)
      markShared(
        hops,
        source.kind === 'namespace' ? source.container?.name : undefined,
        target.container?.name,
      )
    const replyHops: Hop[] = []
    const back = walkReply(leg, arrival, replyHops)
    return {
      delivered: true,
      hops,
      flow,
      reply:
        back.kind === 'dropped'
          ? droppedPath(replyHops, back.params, lang)
          : { delivered: true, hops: replyHops },
    }
  }
  return viaProxy(leg, arrival, hops, flow)
}

/** docker-proxy answered on the host: a second connection, from the host to the container, carries the flow on. */
function viaProxy(
  leg: Leg,
  arrival: Extract<Arrival, { kind: 'proxy' }>,
  hops: Hop[],
  flow: TraceFlow,
): TraceResult {
  const a = arrival.allocation
  const lab = leg.lab
  const container = lab.containers[a.containerId]
  const name = container?.name ?? a.containerId.slice(0, 12)
  const proxyHop = (relay: 'connect' | 'reply'): Hop => ({
    kind: 'docker-proxy',
    namespace: 'host',
    iface: arrival.iface,
    listen: `${a.hostIp}:${a.hostPort}/${a.proto}`,
    container: name,
    target: `${a.containerIp}:${a.containerPort}`,
    relay,
  })
  hops.push(proxyHop('connect'))
  const dst = parseIPv4(a.containerIp) ?? 0
  const roles: Roles = {
    from: leg.roles.from,
    to: name,
    ...(container?.sandbox ? { toPlace: container.sandbox } : {}),
    toAddress: dst,
  }
  const inner: Leg = {
    ...leg,
    flow: {},
    roles,
    originLab: lab,
    origin: 'host',
    sent: { src: 0, dst, proto: arrival.pkt.proto, sport: CLIENT_PORT + 1, dport: a.containerPort },
  }
  const w = createWalk({
    lab,
    hops,
    reply: false,
    flow: inner.flow,
    book: leg.book,
    roles,
    cluster: leg.cluster,
  })
  const host = lab.namespaces.host
  if (!host) throw new NetmodesError('INTERNAL', 'the lab has no host namespace')
  const second = originate(w, host, { ...inner.sent })
  if (w.cluster) tagHops(w)
  inner.sent = w.sent ?? inner.sent
  inner.lab = w.lab
  inner.book = w.book
  if (second.kind === 'dropped')
    return { ...(droppedPath(hops, second.params, leg.lang) as TracePath & { delivered: false }), flow }
  if (second.kind === 'proxy')
    throw new NetmodesError('INTERNAL', `docker-proxy reached itself at ${a.containerIp}`)
  const replyHops: Hop[] = []
  const back = walkReply(inner, second, replyHops)
  if (back.kind === 'dropped')
    return { delivered: true, hops, flow, reply: droppedPath(replyHops, back.params, leg.lang) }
  replyHops.push(proxyHop('reply'))
  const first = walkReply(leg, { place: 'host', pkt: arrival.pkt }, replyHops)
  return {
    delivered: true,
    hops,
    flow,
    reply:
      first.kind === 'dropped'
        ? droppedPath(replyHops, first.params, leg.lang)
        : { delivered: true, hops: replyHops },
  }
}

/** The walk's view of the cluster: one listener book per node's lab, the source's the one already built. */
function walkCluster(
  cluster: TraceCluster,
  state: LabState,
  book: ListenerBook,
  flow: FlowState,
  listening: string[] | undefined,
): WalkCluster {
  const books = new Map<LabState, ListenerBook>([[state, book]])
  const flows = new Map<LabState, FlowState>([[state, flow]])
  return {
    nodes: cluster.nodes,
    flowOf(lab) {
      let f = flows.get(lab)
      if (!f) {
        f = {}
        flows.set(lab, f)
      }
      return f
    },
    bookOf(lab) {
      let b = books.get(lab)
      if (!b) {
        b = buildListenerBook(lab, listening)
        books.set(lab, b)
      }
      return b
    },
  }
}

/** The service whose virtual IP an address is, on one of the lab's networks. */
function serviceOfVip(lab: LabState, address: number): string | undefined {
  const text = ipText(address)
  for (const network of lab.networks) {
    const service = network.services?.find((s) => s.vip === text)
    if (service) return service.name
  }
  return undefined
}

function markShared(hops: Hop[], a: string | undefined, b: string | undefined): void {
  const last = hops[hops.length - 1]
  if (last?.kind !== 'deliver') return
  const names = [...new Set([a, b].filter((x): x is string => x !== undefined))]
  if (names.length > 0) last.sharedBy = names
}

/** A result dropped before any packet moved (a stopped container, a name that does not resolve...). */
function stop(
  flow: TraceFlow,
  detail: ReasonDetail,
  hops: Hop[],
  lang: Lang,
  namespace?: Place,
): TraceResult {
  if (namespace !== undefined) hops.push({ kind: 'drop', namespace, iface: '', reasonCode: detail.code })
  const params: ReasonParams = { ...detail, from: flow.from, to: flow.to }
  return { ...(droppedPath(hops, params, lang) as TracePath & { delivered: false }), flow }
}
