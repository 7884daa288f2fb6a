/**
 * Lookup tables over one namespace, so a trace on a host with 10,000 veths
 * does not scan them: links by name and index, the local addresses (the
 * kernel's `local` routing table), the routes in longest-prefix order, and
 * each bridge's forwarding database (which port answers for which address).
 *
 * Indexes are cached per Namespace object and rebuilt when it changed. The
 * engine changes a namespace only through `_kernel.ts`: adding a link bumps
 * `nextIfindex`, deleting one replaces `routes` (its routes go with it), and
 * every route change replaces the `routes` array; renames and addresses
 * happen in the same command as the add or move. So (links, length,
 * nextIfindex, routes) identify a namespace's state without a scan.
 */

import { maskOf, parseCidr } from '../ipam/ipv4.js'
import type { Link, Namespace, Route } from '../model/namespace.js'
import type { LabState } from '../model/state.js'
import { parseQuad } from './_ip-text.js'

/** A route with its prefix as numbers, and the line `ip route` prints for it. */
export interface CompiledRoute {
  route: Route
  net: number
  mask: number
  prefix: number
  /** Next hop for gateway routes. */
  gateway: number | undefined
  /** Preferred source (`src`), when the route has one. */
  prefsrc: number | undefined
  text: string
}

/** Who answers on a bridge for an address: the port, and the interface behind it. */
export interface BridgeNeighbor {
  port: Link
  namespace: Namespace
  link: Link
}

export interface NamespaceIndex {
  ns: Namespace
  byName: Map<string, Link>
  byIfindex: Map<number, Link>
  /** Addresses of the namespace (the local table), and the link holding each. */
  local: Map<number, Link>
  /** Each link's first global address (what the kernel's inet_select_addr picks). */
  primary: Map<Link, number>
  /** Main-table routes, longest prefix first, then lowest metric, then table order. */
  routes: CompiledRoute[]
  /** Bridge name to its ports, in link order. */
  ports: Map<string, Link[]>
  /** Filled lazily: a bridge's forwarding database. */
  neighbors: Map<string, Map<number, BridgeNeighbor>>
  linksRef: Link[]
  linkCount: number
  nextIfindex: number
  routesRef: Route[]
}

const cache = new WeakMap<Namespace, NamespaceIndex>()

function routeText(r: Route): string {
  let out = r.dst
  if (r.gateway !== undefined) out += ` via ${r.gateway}`
  out += ` dev ${r.dev}`
  if (r.protocol !== undefined && r.protocol !== 'boot') out += ` proto ${r.protocol}`
  if (r.scope !== undefined) out += ` scope ${r.scope}`
  if (r.prefsrc !== undefined) out += ` src ${r.prefsrc}`
  if (r.metric) out += ` metric ${r.metric}`
  return out
}

function compileRoutes(routes: Route[]): CompiledRoute[] {
  const out: (CompiledRoute & { order: number; metric: number })[] = []
  routes.forEach((route, order) => {
    const cidr = route.dst === 'default' ? { ip: 0, prefix: 0 } : parseCidr(route.dst)
    if (!cidr) return // IPv6 and anything else iproute2 would not give us for IPv4
    const mask = maskOf(cidr.prefix)
    out.push({
      route,
      net: (cidr.ip & mask) >>> 0,
      mask,
      prefix: cidr.prefix,
      gateway: route.gateway === undefined ? undefined : parseQuad(route.gateway),
      prefsrc: route.prefsrc === undefined ? undefined : parseQuad(route.prefsrc),
      text: routeText(route),
      order,
      metric: route.metric ?? 0,
    })
  })
  // fib_lookup: the longest matching prefix wins; among equals, the lowest metric.
  out.sort((a, b) => b.prefix - a.prefix || a.metric - b.metric || a.order - b.order)
  return out
}

function buildIndex(ns: Namespace): NamespaceIndex {
  const byName = new Map<string, Link>()
  const byIfindex = new Map<number, Link>()
  const local = new Map<number, Link>()
  const primary = new Map<Link, number>()
  const ports = new Map<string, Link[]>()
  for (const link of ns.links) {
    byName.set(link.ifname, link)
    byIfindex.set(link.ifindex, link)
    // A loopback that is down has no local routes (fib_disable_ip), though its address stays.
    const addrs = link.kind === 'loopback' && !link.flags.includes('UP') ? [] : link.addrs
    for (const a of addrs) {
      const ip = parseQuad(a.local)
      if (ip === undefined) continue
      if (!local.has(ip)) local.set(ip, link)
      if (a.scope === 'global' && !primary.has(link)) primary.set(link, ip)
    }
    if (link.master) {
      const list = ports.get(link.master)
      if (list) list.push(link)
      else ports.set(link.master, [link])
    }
  }
  return {
    ns,
    byName,
    byIfindex,
    local,
    primary,
    routes: compileRoutes(ns.routes),
    ports,
    neighbors: new Map(),
    linksRef: ns.links,
    linkCount: ns.links.length,
    nextIfindex: ns.nextIfindex,
    routesRef: ns.routes,
  }
}

/**
 * The (cached) lookup tables of a namespace.
 *
 * @example
 * indexNamespace(lab.namespaces.host!).byName.get('docker0')?.kind // 'bridge'
 */
export function indexNamespace(ns: Namespace): NamespaceIndex {
  const hit = cache.get(ns)
  if (
    hit &&
    hit.linksRef === ns.links &&
    hit.linkCount === ns.links.length &&
    hit.nextIfindex === ns.nextIfindex &&
    hit.routesRef === ns.routes
  ) {
    return hit
  }
  const fresh = buildIndex(ns)
  cache.set(ns, fresh)
  return fresh
}

/**
 * A bridge's forwarding database: for each address behind one of its ports
 * (the far end of a veth), the port and that interface. Bridges learn MACs,
 * and ARP maps addresses to them; the two together map an address to a port.
 *
 * @example
 * bridgeNeighbors(lab, indexNamespace(host), 'docker0').get(parseQuad('172.17.0.2')!)?.port.ifname // 'veth…'
 */
export function bridgeNeighbors(
  lab: LabState,
  index: NamespaceIndex,
  bridge: string,
): Map<number, BridgeNeighbor> {
  const known = index.neighbors.get(bridge)
  if (known) return known
  const table = new Map<number, BridgeNeighbor>()
  for (const port of index.ports.get(bridge) ?? []) {
    if (port.kind !== 'veth' || !port.peer) continue
    const peerNs = lab.namespaces[port.peer.namespace]
    const peer = peerNs ? indexNamespace(peerNs).byIfindex.get(port.peer.ifindex) : undefined
    if (!peerNs || !peer) continue
    for (const a of peer.addrs) {
      const ip = parseQuad(a.local)
      if (ip !== undefined && !table.has(ip)) table.set(ip, { port, namespace: peerNs, link: peer })
    }
  }
  index.neighbors.set(bridge, table)
  return table
}
