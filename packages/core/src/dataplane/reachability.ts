/**
 * Who can reach whom: every running container, the host, a LAN machine and
 * an internet machine, for one protocol and port, with the reason of each
 * "no". The answer equals tracing every pair (by address, as `docker
 * inspect` gives it), but endpoints whose namespaces have the same
 * signature are traced once per pair of groups. Pairs that share a
 * namespace (a container with itself, container mode, host mode) meet over
 * the loopback instead: two containers in one namespace behave like any two
 * in an equivalent one, so those are traced once per group too, and only
 * the host with its host-mode containers one by one.
 */

import { NetmodesError } from '../errors.js'
import type { Lang } from '../i18n/messages.js'
import { containerByName } from '../model/lookup.js'
import type { LabState } from '../model/state.js'
import { addressRules, namespaceSignature } from './_endpoint-signature.js'
import { buildListenerBook, endpointOwner, namespaceIdOf } from './_listeners.js'
import { formatEndpoint } from './parse-endpoint.js'
import { renderReason } from './reasons.js'
import { trace } from './trace.js'
import { ipv6AddressOf } from './trace-ipv6.js'
import type { ReasonCode, ReasonParams, TraceProtocol, TraceResult } from './trace-types.js'

/** One outcome, as stored: the reason's data belongs to the pair that was traced. */
export type MatrixEntry =
  | { reachable: true }
  | { reachable: false; direction: 'forward' | 'reply'; reasonCode: ReasonCode; reasonParams: ReasonParams }

/** One cell, for one pair of endpoints: reachable, or why not. */
export type MatrixCell =
  | { reachable: true }
  | {
      reachable: false
      direction: 'forward' | 'reply'
      reasonCode: ReasonCode
      reason: string
      reasonParams: ReasonParams
    }

/** The reachability matrix, stored by groups of equivalent endpoints. */
export interface ReachabilityMatrix {
  protocol: TraceProtocol
  port?: number
  /** Row and column labels: running containers in creation order, then "host", "lan", "internet". */
  endpoints: string[]
  /** The group of each endpoint. */
  groupOf: number[]
  /** Members (endpoint indexes) of each group. */
  groups: number[][]
  /** `cells[g][h]`: the outcome from any member of g to any member of h (not sharing its namespace). */
  cells: (MatrixEntry | null)[][]
  /** The pair each cell was traced for, whose labels its reason names. */
  tracedPairs: ([number, number] | null)[][]
  /** Pairs in one namespace, keyed "from,to" (endpoint indexes): the outcome and the pair it was traced for. */
  pairs: Record<string, { entry: MatrixEntry; traced: [number, number] }>
  /** How many traces it took. */
  traces: number
}

/** What the matrix probes. */
export interface ReachabilityOptions {
  /** Default: "tcp" with a port, "icmp" (ping) without. */
  protocol?: TraceProtocol
  /** Required for tcp and udp (there is no port 0 to connect to). */
  port?: number
  /** As in {@link TraceRequest}: listeners the model cannot know. */
  listening?: string[]
  /**
   * 6: the matrix of IPv6 addresses: each container traced to by its IPv6
   * address (a container without one is a source only), the host by the
   * IPv6 address the source reaches it at (a gateway from a container, the
   * uplink's from outside), the LAN and internet machines by theirs, as
   * `trace` with `family: 6` does. Default 4.
   */
  family?: 4 | 6
}

function entryOf(r: TraceResult): MatrixEntry {
  if (!r.delivered)
    return { reachable: false, direction: 'forward', reasonCode: r.reasonCode, reasonParams: r.reasonParams }
  if (r.reply.delivered) return { reachable: true }
  return {
    reachable: false,
    direction: 'reply',
    reasonCode: r.reply.reasonCode,
    reasonParams: r.reply.reasonParams,
  }
}

/**
 * Computes the matrix.
 *
 * @example
 * const m = reachabilityMatrix(lab, { protocol: 'tcp', port: 80 })
 * matrixCell(m, 'web', 'db') // { reachable: false, reasonCode: 'isolated-networks', ... }
 */
export function reachabilityMatrix(state: LabState, options: ReachabilityOptions = {}): ReachabilityMatrix {
  // Without a port the question is "can they ping each other?": a TCP
  // connection to port 0 is not something any client makes.
  const protocol = options.protocol ?? (options.port === undefined ? 'icmp' : 'tcp')
  if (protocol !== 'icmp' && options.port === undefined) {
    throw new NetmodesError('INVALID_INPUT', `a ${protocol} matrix needs a port (1-65535)`)
  }
  const port = protocol === 'icmp' ? 0 : (options.port ?? 0)
  const v6 = options.family === 6
  const book = buildListenerBook(state, options.listening)
  const rules = addressRules(state.netfilter, protocol, [port, 40000, 40001])
  const endpoints: string[] = []
  const places: string[] = []
  const keys: string[] = []
  const signatures = new Map<string, string>()
  for (const c of Object.values(state.containers)) {
    const nsId = namespaceIdOf(state, c)
    const owner = endpointOwner(state, c)
    if (!nsId || !owner || (nsId !== 'host' && !state.namespaces[nsId])) continue
    let sig = signatures.get(nsId)
    if (sig === undefined) {
      sig = namespaceSignature(state, owner, nsId, { book, protocol, port, rules })
      signatures.set(nsId, sig)
    }
    endpoints.push(formatEndpoint({ kind: 'container', name: c.name }))
    places.push(nsId)
    // The signatures are IPv4's: in IPv6 each container is traced as itself.
    keys.push(v6 ? `container\n${c.id}` : `container\n${sig}`)
  }
  for (const special of ['host', 'lan', 'internet']) {
    endpoints.push(special)
    places.push(special)
    keys.push(special)
  }
  const groupIndex = new Map<string, number>()
  const groups: number[][] = []
  const groupOf = keys.map((key, i) => {
    let g = groupIndex.get(key)
    if (g === undefined) {
      g = groups.length
      groupIndex.set(key, g)
      groups.push([])
    }
    groups[g]?.push(i)
    return g
  })
  let traces = 0
  const run = (i: number, j: number): MatrixEntry => {
    traces++
    const request = {
      from: endpoints[i] as string,
      to: v6 ? ipv6Target(state, endpoints[j] as string) : (endpoints[j] as string),
      protocol,
      resolve: 'address' as const,
      ...(v6 ? { family: 6 as const } : {}),
    }
    return entryOf(
      trace(state, {
        ...request,
        ...(protocol === 'icmp' ? {} : { port }),
        ...(options.listening ? { listening: options.listening } : {}),
      }),
    )
  }
  const cells: (MatrixEntry | null)[][] = []
  const tracedPairs: ([number, number] | null)[][] = []
  for (const from of groups) {
    const row: (MatrixEntry | null)[] = []
    const pairRow: ([number, number] | null)[] = []
    for (const to of groups) {
      let pair: [number, number] | null = null
      for (const a of from) {
        const b = to.find((x) => places[x] !== places[a])
        if (b !== undefined) {
          pair = [a, b]
          break
        }
      }
      row.push(pair ? run(pair[0], pair[1]) : null)
      pairRow.push(pair)
    }
    cells.push(row)
    tracedPairs.push(pairRow)
  }
  const pairs: ReachabilityMatrix['pairs'] = {}
  const byPlace = new Map<string, number[]>()
  places.forEach((p, i) => {
    const list = byPlace.get(p)
    if (list) list.push(i)
    else byPlace.set(p, [i])
  })
  const containers = endpoints.length - 3
  const sameNamespace = new Map<number, ReachabilityMatrix['pairs'][string]>()
  for (const members of byPlace.values()) {
    for (const a of members) {
      for (const b of members) {
        // Two containers of one namespace meet at 127.0.0.1: one trace per group says it for all.
        const shared = a < containers && b < containers ? (groupOf[a] as number) : -1
        let known = shared >= 0 ? sameNamespace.get(shared) : undefined
        if (!known) {
          known = { entry: run(a, b), traced: [a, b] }
          if (shared >= 0) sameNamespace.set(shared, known)
        }
        pairs[`${a},${b}`] = known
      }
    }
  }
  return {
    protocol,
    ...(protocol === 'icmp' ? {} : { port }),
    endpoints,
    groupOf,
    groups,
    cells,
    tracedPairs,
    pairs,
    traces,
  }
}

/**
 * Where an IPv6 matrix traces to: the container's IPv6 address (`::` when it
 * has none: a source only), else what `trace --ipv6` takes the label for
 * (the host as the source reaches it, the LAN or internet machine).
 */
function ipv6Target(state: LabState, to: string): string {
  const target = to === 'host' || to === 'lan' || to === 'internet' ? undefined : containerByName(state, to)
  if (!target) return to
  // A host-mode container is the host.
  if (namespaceIdOf(state, target) === 'host') return 'host'
  return ipv6AddressOf(state, endpointOwner(state, target) ?? target) ?? '::'
}

/**
 * The outcome for one pair, by label or index, with its reason naming that
 * pair.
 *
 * @example
 * matrixCell(m, 'lan', 'web') // { reachable: false, reasonCode: 'no-route', reason: 'No route: ...' }
 */
export function matrixCell(
  matrix: ReachabilityMatrix,
  from: string | number,
  to: string | number,
  lang: Lang = 'en',
): MatrixCell {
  const i = typeof from === 'number' ? from : matrix.endpoints.indexOf(from)
  const j = typeof to === 'number' ? to : matrix.endpoints.indexOf(to)
  if (i < 0 || j < 0 || i >= matrix.endpoints.length || j >= matrix.endpoints.length) {
    throw new RangeError(`no endpoint ${i < 0 ? from : to} in this matrix`)
  }
  const own = matrix.pairs[`${i},${j}`]
  const g = matrix.groupOf[i] as number
  const h = matrix.groupOf[j] as number
  const entry = own ? own.entry : matrix.cells[g]?.[h]
  const traced = own ? own.traced : matrix.tracedPairs[g]?.[h]
  if (!entry || !traced) throw new RangeError(`no outcome for ${from} -> ${to}`)
  if (entry.reachable) return entry
  // The stored reason names the traced pair; equivalent endpoints take their own names, each by its
  // role (a reply's reason names the pair the other way round). A reason's `to` may name another
  // endpoint than the pair's: a port's DNAT target, which is the traced source's own name when its
  // namespace published the port, and stays as it is.
  const p = entry.reasonParams
  const [src, dst] = entry.direction === 'reply' ? [traced[1], traced[0]] : [traced[0], traced[1]]
  const [mine, theirs] = entry.direction === 'reply' ? [j, i] : [i, j]
  const reasonParams = {
    ...p,
    from: p.from === matrix.endpoints[src as number] ? (matrix.endpoints[mine] as string) : p.from,
    to: p.to === matrix.endpoints[dst as number] ? (matrix.endpoints[theirs] as string) : p.to,
  }
  return {
    reachable: false,
    direction: entry.direction,
    reasonCode: entry.reasonCode,
    reason: renderReason(reasonParams, lang),
    reasonParams,
  }
}
