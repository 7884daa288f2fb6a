/**
 * `ip route` and `ip -j route` (the main table) of one namespace, byte for
 * byte as iproute2 6.1 prints them. Routes come out in stored order: the
 * engine stores them in the kernel's (FIB trie) order.
 */
import type { Namespace, Route } from '../model/namespace.js'

/** One object of `ip -j route`, keys in iproute2's order. */
export interface IpRouteJsonEntry {
  dst: string
  gateway?: string
  dev: string
  /** Absent for `boot`, the protocol of routes added without one, as iproute2 hides it. */
  protocol?: Exclude<Route['protocol'], 'boot'>
  scope?: Route['scope']
  prefsrc?: string
  metric?: number
  /** Always present, often empty: `linkdown`, `onlink`... */
  flags: string[]
}

// iproute2 prints a zero-length prefix as "default" and a host route without
// its "/32".
function formatDestination(dst: string): string {
  if (dst === '0.0.0.0/0') return 'default'
  return dst.endsWith('/32') ? dst.slice(0, -3) : dst
}

// RTPROT_BOOT is what routes get when added without a protocol (Docker's
// default routes through netlink included); iproute2 omits it unless -d.
function visibleProtocol(route: Route): IpRouteJsonEntry['protocol'] {
  return route.protocol === 'boot' ? undefined : route.protocol
}

// The kernel sends RTA_PRIORITY for IPv4 only when it is not 0.
function visibleMetric(route: Route): number | undefined {
  return route.metric === 0 ? undefined : route.metric
}

/**
 * Prints `ip route` for a namespace. Every line ends in a space before its
 * newline, as iproute2 prints each field followed by a space.
 *
 * @example
 * renderIpRoute(container)
 * // 'default via 172.17.0.1 dev eth0 \n'
 * // + '172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 \n'
 */
export function renderIpRoute(ns: Namespace): string {
  let out = ''
  for (const route of ns.routes) {
    out += `${formatDestination(route.dst)} `
    if (route.gateway !== undefined) out += `via ${route.gateway} `
    out += `dev ${route.dev} `
    const protocol = visibleProtocol(route)
    if (protocol !== undefined) out += `proto ${protocol} `
    if (route.scope !== undefined) out += `scope ${route.scope} `
    if (route.prefsrc !== undefined) out += `src ${route.prefsrc} `
    const metric = visibleMetric(route)
    if (metric !== undefined) out += `metric ${metric} `
    for (const flag of route.flags ?? []) out += `${flag} `
    out += '\n'
  }
  return out
}

/**
 * The objects of `ip -j route` for a namespace; `JSON.stringify` of the
 * result is byte-identical to iproute2's output.
 *
 * @example
 * renderIpRouteJson(container)[0] // { dst: 'default', gateway: '172.17.0.1', dev: 'eth0', flags: [] }
 */
export function renderIpRouteJson(ns: Namespace): IpRouteJsonEntry[] {
  return ns.routes.map((route) => {
    const protocol = visibleProtocol(route)
    const metric = visibleMetric(route)
    return {
      dst: formatDestination(route.dst),
      ...(route.gateway !== undefined ? { gateway: route.gateway } : {}),
      dev: route.dev,
      ...(protocol !== undefined ? { protocol } : {}),
      ...(route.scope !== undefined ? { scope: route.scope } : {}),
      ...(route.prefsrc !== undefined ? { prefsrc: route.prefsrc } : {}),
      ...(metric !== undefined ? { metric } : {}),
      flags: [...(route.flags ?? [])],
    }
  })
}
