/**
 * `ip -6 route` and `ip -j -6 route` (the main table) of one namespace, as
 * iproute2 6.1 prints them. The kernel's own routes follow from the IPv6
 * addresses of the links that are up: each address's prefix and fe80::/64,
 * `proto kernel metric 256` (addrconf_prefix_route), `linkdown` while the
 * link has no carrier; Docker adds the default route (engine/endpoints.ts).
 * The kernel walks its IPv6 FIB in address order, the default route last.
 */
import { formatCidr6, networkAddress6, parseIPv6 } from '../ipam/ipv6.js'
import type { Namespace } from '../model/namespace.js'
import { ipv6AddressesOf } from './ip-addr.js'

/** One object of `ip -j -6 route`, keys in iproute2's order. */
export interface IpRoute6JsonEntry {
  dst: string
  gateway?: string
  dev: string
  protocol?: 'kernel'
  metric: number
  flags: string[]
  pref: 'medium'
}

// The prefix routes of the links' addresses, deduplicated per device (two
// addresses of one prefix make one route).
function kernelRoutes(
  ns: Namespace,
): { key: bigint; prefix: number; order: number; entry: IpRoute6JsonEntry }[] {
  const out: { key: bigint; prefix: number; order: number; entry: IpRoute6JsonEntry }[] = []
  const seen = new Set<string>()
  ns.links.forEach((link, order) => {
    if (!link.flags.includes('UP')) return
    for (const addr of ipv6AddressesOf(link)) {
      if (addr.scope === 'host') continue
      const ip = parseIPv6(addr.local)
      if (ip === undefined) continue
      const prefix = addr.scope === 'link' ? 64 : addr.prefixlen
      const net = networkAddress6(ip, prefix)
      const dst = formatCidr6(net, prefix)
      if (seen.has(`${dst} ${link.ifname}`)) continue
      seen.add(`${dst} ${link.ifname}`)
      out.push({
        key: net,
        prefix,
        order,
        entry: {
          dst,
          dev: link.ifname,
          protocol: 'kernel',
          metric: 256,
          flags: link.flags.includes('LOWER_UP') ? [] : ['linkdown'],
          pref: 'medium',
        },
      })
    }
  })
  return out.sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : a.prefix - b.prefix || a.order - b.order,
  )
}

/**
 * The objects of `ip -j -6 route` for a namespace.
 *
 * @example
 * renderIpRoute6Json(container).at(-1) // { dst: 'default', gateway: 'fd00:1::1', dev: 'eth0', metric: 1024, flags: [], pref: 'medium' }
 */
export function renderIpRoute6Json(ns: Namespace): IpRoute6JsonEntry[] {
  const defaults = (ns.routes6 ?? []).map(
    (r): IpRoute6JsonEntry => ({
      dst: r.dst,
      gateway: r.gateway,
      dev: r.dev,
      metric: r.metric,
      flags:
        ns.links.find((l) => l.ifname === r.dev)?.flags.includes('LOWER_UP') === false ? ['linkdown'] : [],
      pref: 'medium',
    }),
  )
  return [...kernelRoutes(ns).map((r) => r.entry), ...defaults]
}

/**
 * Prints `ip -6 route` for a namespace (no trailing space, unlike IPv4's lines).
 *
 * @example
 * renderIpRoute6(container)
 * // 'fd00:1::/64 dev eth0 proto kernel metric 256 pref medium\n'
 * // + 'fe80::/64 dev eth0 proto kernel metric 256 pref medium\n'
 * // + 'default via fd00:1::1 dev eth0 metric 1024 pref medium\n'
 */
export function renderIpRoute6(ns: Namespace): string {
  return renderIpRoute6Json(ns)
    .map((r) => {
      const words = [r.dst]
      if (r.gateway !== undefined) words.push('via', r.gateway)
      words.push('dev', r.dev)
      if (r.protocol !== undefined) words.push('proto', r.protocol)
      words.push('metric', String(r.metric), ...r.flags, 'pref', r.pref)
      return `${words.join(' ')}\n`
    })
    .join('')
}
