/**
 * What the model knows about who listens where. A socket lives in a network
 * namespace, so listeners are kept per namespace: the sockets the scenario's
 * commands open there (listening-sockets.ts), the `listening` entries of a
 * request, and where the scenario opens none, a container's published ports
 * (their container side, which its application must serve) and for the
 * host, the published ports of host-mode containers (Docker discards the
 * mapping, the application still binds the host's port). Where nothing is
 * known, a trace assumes the application answers and says so.
 */

import { parseIPv4 } from '../ipam/ipv4.js'
import type { Container } from '../model/docker.js'
import { containerByName, NETNS_DIR } from '../model/lookup.js'
import type { LabState } from '../model/state.js'
import type { ListeningSocket } from './listening-sockets.js'
import { listeningSockets, socketFor } from './listening-sockets.js'
import type { ListenerSpec } from './parse-endpoint.js'
import { parseListener } from './parse-endpoint.js'
import type { TraceProtocol } from './trace-types.js'

/** Declared listeners by place (namespace id, "lan" or "internet"), as "proto/port" keys. */
export type ListenerBook = Map<string, Set<string>>

interface OwnerMap {
  byNamespace: Map<string, Container>
}

const owners = new WeakMap<LabState, OwnerMap>()

function buildOwners(lab: LabState): OwnerMap {
  const byNamespace = new Map<string, Container>()
  for (const c of Object.values(lab.containers)) {
    if (c.state === 'running' && c.sandbox && c.sandbox !== 'host' && !c.sharesWith)
      byNamespace.set(c.sandbox, c)
  }
  return { byNamespace }
}

/**
 * The container that owns a sandbox namespace (not one that joined it in
 * container mode). Sandbox keys are never reused, so a cached map can only
 * miss a namespace started since; a miss rebuilds it once.
 *
 * @example
 * namespaceOwner(lab, '/var/run/docker/netns/4bb7999c0154')?.name // 'web'
 */
export function namespaceOwner(lab: LabState, nsId: string): Container | undefined {
  if (!/\/[0-9a-f]{12}$/.test(nsId)) return undefined
  let map = owners.get(lab)
  const hit = map?.byNamespace.get(nsId)
  if (hit?.sandbox === nsId && hit.state === 'running') return hit
  map = buildOwners(lab)
  owners.set(lab, map)
  return map.byNamespace.get(nsId)
}

/**
 * The namespace a running container's processes live in: its own sandbox,
 * the one it shares (container mode), or "host".
 *
 * @example
 * namespaceIdOf(lab, side) // the sandbox of the container side joined
 */
export function namespaceIdOf(lab: LabState, container: Container): string | undefined {
  if (container.state !== 'running') return undefined
  if (container.sharesWith) return lab.containers[container.sharesWith]?.sandbox
  return container.sandbox
}

/**
 * The container whose sandbox another one's namespace is (itself unless in
 * container mode; container modes can chain, c2 joining c1 joining c0).
 *
 * @example
 * endpointOwner(lab, side)?.name // 'web'
 */
export function endpointOwner(lab: LabState, container: Container): Container | undefined {
  const nsId = namespaceIdOf(lab, container)
  if (!nsId || nsId === 'host') return container
  return namespaceOwner(lab, nsId) ?? container
}

/** Turns `listening` entries into a book; entries naming a stopped container are ignored. */
export function buildListenerBook(lab: LabState, entries: string[] | undefined): ListenerBook {
  const book: ListenerBook = new Map()
  const add = (place: string | undefined, spec: ListenerSpec) => {
    if (place === undefined) return
    const set = book.get(place) ?? new Set<string>()
    set.add(`${spec.protocol}/${spec.port}`)
    book.set(place, set)
  }
  for (const entry of entries ?? []) {
    const spec = parseListener(entry)
    const e = spec.endpoint
    if (e.kind === 'host' || e.kind === 'lan' || e.kind === 'internet') add(e.kind, spec)
    else if (e.kind === 'container') {
      const c = containerByName(lab, e.name)
      add(c ? namespaceIdOf(lab, c) : undefined, spec)
    } else {
      const ip = parseIPv4(e.address)
      add(ip === undefined ? undefined : placeOfAddress(lab, e.address), spec)
    }
  }
  return book
}

/** Which namespace holds an address: the host's, or a container's (by its endpoints). */
export function placeOfAddress(lab: LabState, address: string): string | undefined {
  const host = lab.namespaces.host
  if (host?.links.some((l) => l.addrs.some((a) => a.local === address))) return 'host'
  for (const n of lab.networks) {
    for (const ep of Object.values(n.endpoints)) {
      if (ep.ipv4 !== address) continue
      const c = lab.containers[ep.containerId]
      if (c) return namespaceIdOf(lab, c)
    }
  }
  // A machine the scenario made (`ip netns add`), holding the address on one of its links.
  for (const [id, ns] of Object.entries(lab.namespaces)) {
    if (id.startsWith(NETNS_DIR) && ns.links.some((l) => l.addrs.some((a) => a.local === address))) return id
  }
  return undefined
}

function publishersIn(lab: LabState, place: string): Container[] {
  if (place !== 'host') {
    const owner = namespaceOwner(lab, place)
    return owner ? [owner] : []
  }
  const publishers: Container[] = []
  const hostNet = lab.networks.find((n) => n.driver === 'host')
  for (const ep of Object.values(hostNet?.endpoints ?? {})) {
    const c = lab.containers[ep.containerId]
    if (c?.state === 'running') publishers.push(c)
  }
  return publishers
}

/** What a probe finds in a place. */
export type ListenerProbe =
  /** A socket takes it (declared, started, or a published port's container side). */
  | { status: 'known' }
  /** An image known to serve the port with its default command. */
  | { status: 'image'; image: string }
  /** Sockets are known there, none for this port and address: the kernel refuses it. */
  | { status: 'absent'; known: string[] }
  /** Nothing is known of that place: the application is assumed. */
  | { status: 'unknown' }

/**
 * Whether a probe to `address:port` finds a listener in a place. The
 * sockets the scenario starts or declares decide; where it declares none,
 * an image known to serve the port answers, and a published port's container
 * side counts as served (its application must listen there to be of use).
 *
 * @example
 * probeListener(lab, book, nsId, 'tcp', 80, '10.0.0.2') // { status: 'known' } when nc listens on 80
 */
export function probeListener(
  lab: LabState,
  book: ListenerBook,
  place: string,
  protocol: TraceProtocol,
  port: number,
  address?: string,
): ListenerProbe {
  const sockets = listeningSockets(lab, place)
  const declared = book.get(place)
  if (declared?.has(`${protocol}/${port}`)) return { status: 'known' }
  const hit = socketFor(sockets, protocol, port, address)
  // A request's `listening` for this place says what listens there: it overrides what an image suggests.
  if (hit?.from === 'image' && (declared?.size ?? 0) === 0) return { status: 'image', image: hit.image ?? '' }
  if (hit?.from === 'image') return { status: 'absent', known: [...(declared ?? [])].sort() }
  if (hit) return { status: 'known' }
  const started = sockets.filter((s) => s.from !== 'image')
  if (started.length === 0 && (declared?.size ?? 0) === 0) {
    let published = false
    for (const c of publishersIn(lab, place))
      for (const b of c.portBindings) {
        published = true
        if (b.proto === protocol && b.containerPort === port) return { status: 'known' }
      }
    if (!published && sockets.length === 0) return { status: 'unknown' }
  }
  return { status: 'absent', known: [...knownListeners(lab, book, place)].sort() }
}

function socketKey(s: ListeningSocket): string {
  if (s.address === '0.0.0.0' || s.address === '::') return `${s.protocol}/${s.port}`
  return `${s.protocol}/${s.address}:${s.port}`
}

/**
 * The listeners known in a place, as "proto/port" (or "proto/addr:port" for
 * a socket bound to one address): its sockets and the book's, or where the
 * scenario started none, the container ports published by the namespace's
 * owner (or, for the host, by host-mode containers).
 *
 * @example
 * knownListeners(lab, book, 'host') // Set { 'tcp/22' }
 */
export function knownListeners(lab: LabState, book: ListenerBook, place: string): Set<string> {
  const out = new Set(book.get(place))
  const sockets = listeningSockets(lab, place)
  for (const s of sockets) out.add(socketKey(s))
  if (!sockets.some((s) => s.from !== 'image') && (book.get(place)?.size ?? 0) === 0)
    for (const c of publishersIn(lab, place))
      for (const b of c.portBindings) out.add(`${b.proto}/${b.containerPort}`)
  return out
}

/** Whether a known set holds a probe; "unknown" when nothing is known there. */
export function listenerStatus(
  known: Set<string>,
  protocol: TraceProtocol,
  port: number,
): 'known' | 'unknown' | 'absent' {
  if (known.size === 0) return 'unknown'
  return known.has(`${protocol}/${port}`) ? 'known' : 'absent'
}
