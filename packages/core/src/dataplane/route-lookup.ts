/**
 * The kernel's routing decision for one namespace (fib_lookup): the `local`
 * table first (the namespace's own addresses, and all of 127.0.0.0/8 on lo),
 * then the `main` table by longest prefix.
 */

import type { Link, Namespace } from '../model/namespace.js'
import type { CompiledRoute, NamespaceIndex } from './namespace-index.js'
import { indexNamespace } from './namespace-index.js'

/** The answer of {@link lookupRoute}. */
export type RouteDecision =
  /** The address is the namespace's own: delivered through lo. */
  | { kind: 'local'; link: Link | undefined }
  /** Sent out `dev` towards `nextHop` (the gateway, or the destination itself when on-link). */
  | { kind: 'unicast'; route: CompiledRoute; dev: Link | undefined; nextHop: number; src: number }

/**
 * Whether an address belongs to the namespace (`ip route show table local`):
 * any address on any of its links, or 127.0.0.0/8, which the kernel routes
 * to lo as a whole while lo is up (the local routes of a device go when it
 * goes down, fib_disable_ip; a fresh `ip netns add` namespace's lo is down).
 *
 * @example
 * isLocalAddress(indexNamespace(host), parseIPv4('127.0.0.53')!) // true
 */
export function isLocalAddress(index: NamespaceIndex, address: number): boolean {
  if (address >>> 24 === 127) return index.byName.get('lo')?.flags.includes('UP') ?? true
  return index.local.has(address)
}

/**
 * The source address the kernel picks for a route: its `src`, else the
 * first global address of its device, else any global address of the
 * namespace (inet_select_addr).
 *
 * @example
 * sourceAddressFor(index, defaultRoute, eth0) // 10.0.2.15 as a number, for the host's default route
 */
export function sourceAddressFor(index: NamespaceIndex, route: CompiledRoute, dev: Link | undefined): number {
  if (route.prefsrc !== undefined) return route.prefsrc
  return primaryAddress(index, dev) ?? 0
}

/**
 * The address a device speaks with (what MASQUERADE puts as source): its
 * first global address, or failing that the namespace's first one.
 *
 * @example
 * formatIPv4(primaryAddress(indexNamespace(host), eth0)!) // '10.0.2.15'
 */
export function primaryAddress(index: NamespaceIndex, dev: Link | undefined): number | undefined {
  const own = dev ? index.primary.get(dev) : undefined
  if (own !== undefined) return own
  for (const ip of index.primary.values()) return ip
  return undefined
}

/**
 * Routes one destination address in a namespace.
 *
 * @example
 * const d = lookupRoute(container, parseIPv4('8.8.8.8')!)
 * d?.kind === 'unicast' && d.route.text // 'default via 172.17.0.1 dev eth0'
 */
export function lookupRoute(ns: Namespace | NamespaceIndex, dst: number): RouteDecision | undefined {
  const index = 'byName' in ns ? ns : indexNamespace(ns)
  if (isLocalAddress(index, dst)) {
    return { kind: 'local', link: index.local.get(dst) ?? index.byName.get('lo') }
  }
  for (const route of index.routes) {
    if ((dst & route.mask) >>> 0 !== route.net) continue
    const dev = index.byName.get(route.route.dev)
    return {
      kind: 'unicast',
      route,
      dev,
      nextHop: route.gateway ?? dst,
      src: sourceAddressFor(index, route, dev),
    }
  }
  return undefined
}
