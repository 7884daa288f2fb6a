/**
 * The world outside the host in IPv6: the LAN is the prefix of the host's
 * global IPv6 address on its uplink (the default route's device), with a
 * simulated machine at ::99 on it; the internet is every global unicast
 * address (2000::/3) off it, with a simulated machine at a documentation
 * address (RFC 3849). Without a global IPv6 address on the uplink the host
 * has no IPv6 outside at all. A ULA (fc00::/7, RFC 4193) is never routed on
 * the internet: neither as a destination nor as the source a reply would go
 * back to. Nothing here is observed (the recording machine's LAN is not the
 * lab's); it is the least a trace needs to say where an IPv6 packet that
 * leaves the host goes.
 */
import { cidr6Contains, formatIPv6, parseCidr6, parseIPv6 } from '../ipam/ipv6.js'
import type { LabState } from '../model/state.js'
import { outsideWorld } from './_outside-world.js'

/** The host's IPv6 outside. */
export interface OutsideWorld6 {
  /** The uplink's name. */
  uplink: string
  /** The host's global IPv6 address on it, and its prefix: the LAN. */
  hostAddress: bigint
  prefix: number
  /** The simulated LAN machine (::99 of the prefix, or the next free). */
  lanMachine: bigint
  /** The simulated internet machine. */
  internetMachine: bigint
  /** A router links the LAN to the internet (the host has a default route). */
  router: boolean
}

/** A unique local address (fc00::/7, RFC 4193): routed inside a site, never on the internet. */
export function isUla(ip: bigint): boolean {
  return ip >> 121n === 0x7en
}

function dockerSubnetHolds(lab: LabState, ip: bigint): boolean {
  return lab.networks.some((n) => {
    const c = parseCidr6(n.pool6?.subnet ?? '')
    return c !== undefined && cidr6Contains(c.ip, c.prefix, ip)
  })
}

/**
 * The host's IPv6 outside, or undefined when its uplink has no global IPv6 address.
 *
 * @example
 * formatIPv6(outsideWorld6(lab)!.lanMachine) // '2001:db8:1::99'
 */
export function outsideWorld6(lab: LabState): OutsideWorld6 | undefined {
  const world = outsideWorld(lab)
  const own = world.uplink?.addrs6?.find((a) => a.scope === 'global')
  const hostAddress = own ? parseIPv6(own.local) : undefined
  if (!world.uplink || !own || hostAddress === undefined) return undefined
  const hostBits = (1n << BigInt(128 - own.prefixlen)) - 1n
  const net = hostAddress & ~hostBits
  const taken = new Set<bigint>([hostAddress])
  for (const n of lab.networks)
    for (const e of Object.values(n.endpoints)) {
      const ip = e.ipv6 ? parseIPv6(e.ipv6) : undefined
      if (ip !== undefined) taken.add(ip)
    }
  let lanMachine = net | 0x99n
  while (taken.has(lanMachine) && (lanMachine & hostBits) < hostBits) lanMachine++
  const internetMachine =
    ['2001:db8:ffff::99', '2001:db8:fffe::99']
      .map((a) => parseIPv6(a) as bigint)
      .find((ip) => !cidr6Contains(net, own.prefixlen, ip) && !dockerSubnetHolds(lab, ip)) ??
    (parseIPv6('2001:db8:ffff::99') as bigint)
  return {
    uplink: world.uplink.ifname,
    hostAddress,
    prefix: own.prefixlen,
    lanMachine,
    internetMachine,
    router: world.router !== undefined,
  }
}

/**
 * Where an IPv6 address no container or host link holds is outside: on the
 * LAN (the uplink's prefix), on the internet (global unicast off it, not a
 * Docker subnet), or nowhere a route leads.
 *
 * @example
 * whereOutside6(lab, world, parseIPv6('2001:db8:1::99')!) // 'lan'
 */
export function whereOutside6(
  lab: LabState,
  world: OutsideWorld6 | undefined,
  ip: bigint,
): 'lan' | 'internet' | undefined {
  if (!world) return undefined
  if (cidr6Contains(world.hostAddress, world.prefix, ip)) return 'lan'
  const globalUnicast = ip >> 125n === 1n
  return globalUnicast && !dockerSubnetHolds(lab, ip) ? 'internet' : undefined
}

/** An outside machine's address as text. */
export function outsideAddress6(world: OutsideWorld6, node: 'lan' | 'internet'): string {
  return formatIPv6(node === 'lan' ? world.lanMachine : world.internetMachine)
}
