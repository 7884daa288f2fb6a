/**
 * `ip addr` and `ip -j addr` of one namespace, byte for byte as iproute2 6.1
 * prints them. IPv4 is modelled everywhere; IPv6 on the links of networks
 * with IPv6 enabled (the bridge and the container's end): the addresses
 * Docker adds, and the fe80:: link-local address the kernel derives from the
 * MAC (EUI-64) once the link has carrier. Elsewhere the kernel's link-local
 * addresses are not invented.
 */
import { networkAddress, parseIPv4 } from '../ipam/ipv4.js'
import { formatIPv6, linkLocalOf } from '../ipam/ipv6.js'
import type { Link, LinkAddress, LinkAddress6, Namespace } from '../model/namespace.js'
import {
  buildLinkJsonHead,
  buildLinkJsonTail,
  describeLinks,
  formatLinkLines,
  type IpLinkJsonHead,
  type IpLinkJsonTail,
  type IpViewOptions,
} from './ip-link.js'

// The kernel's INFINITY_LIFE_TIME, which text output prints as "forever".
const FOREVER = 4294967295

/** One IPv4 address of `ip -j addr`, keys in iproute2's order. */
export interface IpAddrInfoJson {
  family: 'inet'
  local: string
  prefixlen: number
  broadcast?: string
  scope: LinkAddress['scope']
  /** Another address of the link already covers the same subnet. */
  secondary?: true
  /** The link's name: Docker never sets an alias label. */
  label: string
  valid_life_time: number
  preferred_life_time: number
}

/** One IPv6 address of `ip -j addr`, keys in iproute2's order (no label for inet6). */
export interface IpAddr6InfoJson {
  family: 'inet6'
  local: string
  prefixlen: number
  scope: LinkAddress6['scope']
  nodad?: true
  valid_life_time: number
  preferred_life_time: number
}

/** One object of `ip -j addr`. */
export interface IpAddrJsonEntry extends IpLinkJsonHead, IpLinkJsonTail {
  addr_info: (IpAddrInfoJson | IpAddr6InfoJson)[]
}

/**
 * A link's IPv6 addresses as the kernel lists them: those Docker added, with
 * the kernel's EUI-64 link-local address (added when the link got carrier,
 * so the newest of its scope) after the global ones.
 */
export function ipv6AddressesOf(link: Link): LinkAddress6[] {
  const added = link.addrs6 ?? []
  if (added.length === 0 || !link.flags.includes('LOWER_UP')) return added
  const ll = linkLocalOf(link.address)
  if (ll === undefined) return added
  const own: LinkAddress6 = { local: formatIPv6(ll), prefixlen: 64, scope: 'link' }
  const at = added.findIndex((a) => a.scope !== 'global')
  return at < 0 ? [...added, own] : [...added.slice(0, at), own, ...added.slice(at)]
}

// The kernel marks an address secondary when an address already on the link
// has the same prefix length and subnet; it appends secondaries after every
// primary, so in stored (kernel) order the first of a subnet is the primary.
function markSecondaries(addrs: readonly LinkAddress[]): boolean[] {
  const subnets = new Set<string>()
  return addrs.map((addr) => {
    const ip = parseIPv4(addr.local)
    const key = `${ip === undefined ? addr.local : networkAddress(ip, addr.prefixlen)}/${addr.prefixlen}`
    if (subnets.has(key)) return true
    subnets.add(key)
    return false
  })
}

// The addresses `ip [-4|-6] addr` shows of a link.
function familiesOf(link: Link, family: IpViewOptions['family']): { v4: LinkAddress[]; v6: LinkAddress6[] } {
  return {
    v4: family === 'inet6' ? [] : link.addrs,
    v6: family === 'inet' ? [] : ipv6AddressesOf(link),
  }
}

/**
 * Prints `ip addr` for a namespace (`options.family`: `ip -4`/`-6 addr`).
 *
 * @example
 * renderIpAddr(container)
 * // '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n'
 * // + '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n'
 * // + '    inet 127.0.0.1/8 scope host lo\n'
 * // + '       valid_lft forever preferred_lft forever\n' + ...
 */
export function renderIpAddr(ns: Namespace, options: IpViewOptions = {}): string {
  let out = ''
  for (const view of describeLinks(ns, options)) {
    const { v4, v6 } = familiesOf(view.link, options.family)
    if (options.family !== undefined && v4.length + v6.length === 0) continue
    out += formatLinkLines(view, false)
    const { ifname } = view.link
    const addrs = v4
    const secondary = markSecondaries(addrs)
    addrs.forEach((addr, i) => {
      out += `    inet ${addr.local}/${addr.prefixlen} `
      if (addr.broadcast !== undefined) out += `brd ${addr.broadcast} `
      out += `scope ${addr.scope} `
      if (secondary[i] === true) out += 'secondary '
      out += `${ifname}\n       valid_lft forever preferred_lft forever\n`
    })
    for (const addr of v6) {
      out += `    inet6 ${addr.local}/${addr.prefixlen} scope ${addr.scope} ${addr.nodad ? 'nodad ' : ''}\n`
      out += '       valid_lft forever preferred_lft forever\n'
    }
  }
  return out
}

/**
 * The objects of `ip -j addr` for a namespace; `JSON.stringify` of the
 * result is byte-identical to iproute2's output for what is modelled (the
 * kernel's link-local addresses on links of networks without IPv6 are not).
 *
 * @example
 * renderIpAddrJson(container)[1]?.addr_info[0]?.local // '172.17.0.2'
 */
export function renderIpAddrJson(ns: Namespace, options: IpViewOptions = {}): IpAddrJsonEntry[] {
  const entries: IpAddrJsonEntry[] = []
  for (const view of describeLinks(ns, options)) {
    const { v4, v6 } = familiesOf(view.link, options.family)
    if (options.family !== undefined && v4.length + v6.length === 0) continue
    const { ifname } = view.link
    const addrs = v4
    const secondary = markSecondaries(addrs)
    const entry: IpAddrJsonEntry = {
      ...buildLinkJsonHead(view),
      ...buildLinkJsonTail(view),
      addr_info: addrs.map((addr, i) => ({
        family: 'inet' as const,
        local: addr.local,
        prefixlen: addr.prefixlen,
        ...(addr.broadcast !== undefined ? { broadcast: addr.broadcast } : {}),
        scope: addr.scope,
        ...(secondary[i] === true ? { secondary: true as const } : {}),
        label: ifname,
        valid_life_time: FOREVER,
        preferred_life_time: FOREVER,
      })),
    }
    for (const addr of v6) {
      entry.addr_info.push({
        family: 'inet6',
        local: addr.local,
        prefixlen: addr.prefixlen,
        scope: addr.scope,
        ...(addr.nodad ? { nodad: true as const } : {}),
        valid_life_time: FOREVER,
        preferred_life_time: FOREVER,
      })
    }
    entries.push(entry)
  }
  return entries
}
