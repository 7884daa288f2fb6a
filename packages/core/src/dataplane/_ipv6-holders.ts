/**
 * Where an IPv6 address lives in a lab: a container's endpoint, a bridge's
 * IPv6 gateway, ::1, or an address on one of the host's links.
 */
import { cidr6Contains, parseIPv6 } from '../ipam/ipv6.js'
import type { Container, Endpoint, Network } from '../model/docker.js'
import type { LabState } from '../model/state.js'

/** Where an IPv6 address lives: a container's endpoint, or the host (a bridge's gateway, ::1). */
export type Holder =
  | { kind: 'container'; container: Container; network: Network; endpoint: Endpoint }
  | { kind: 'host'; network?: Network; link?: string }

/**
 * Who holds an IPv6 address.
 *
 * @example
 * holderOf(lab, 'fd00:81::2') // { kind: 'container', container: web, ... }
 */
export function holderOf(lab: LabState, address: string): Holder | undefined {
  const ip = parseIPv6(address)
  if (ip === undefined) return undefined
  if (ip === 1n) return { kind: 'host' }
  for (const n of lab.networks) {
    // A bridge's IPv6 gateway is on the bridge; a macvlan network's is wherever its LAN has it.
    if (n.driver === 'bridge' && n.gateway6 !== undefined && parseIPv6(n.gateway6) === ip)
      return { kind: 'host', network: n }
    for (const ep of Object.values(n.endpoints)) {
      const c = lab.containers[ep.containerId]
      if (c && ep.ipv6 !== undefined && parseIPv6(ep.ipv6) === ip)
        return { kind: 'container', container: c, network: n, endpoint: ep }
    }
  }
  const link = hostLinkWith(lab, ip, 128)
  return link ? { kind: 'host', link } : undefined
}

/** The host's link with an IPv6 address whose prefix (or, with 128, the address itself) covers ip. */
export function hostLinkWith(lab: LabState, ip: bigint, exact?: 128): string | undefined {
  for (const link of lab.namespaces.host?.links ?? []) {
    for (const a of link.addrs6 ?? []) {
      const own = parseIPv6(a.local)
      if (own !== undefined && cidr6Contains(own, exact ?? a.prefixlen, ip)) return link.ifname
    }
  }
  return undefined
}

/** The drivers whose endpoints are sub-interfaces of a parent link. */
export const SUBINTERFACE = new Set(['macvlan', 'ipvlan'])
