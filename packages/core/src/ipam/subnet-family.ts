import { cidrContains, formatCidr, networkAddress, parseCidr, parseIPv4 } from './ipv4.js'
import { cidr6Contains, cidrs6Overlap, formatCidr6, parseCidr6, parseIPv6 } from './ipv6.js'

/**
 * What Docker's IPAM settings need whatever the address family: a
 * `--subnet` is IPv6 when it has a colon (Go's ParseCIDR decides the same
 * way), and the CLI's and daemon's checks parse each family with Go's rules.
 */

/** Whether a `--subnet` (or IPAM.Config subnet) is an IPv6 one. */
export function isIpv6Text(text: string): boolean {
  return text.includes(':')
}

/**
 * The subnet with host bits cleared, as Go prints it; undefined when it does
 * not parse as a CIDR of its family.
 *
 * @example
 * alignedSubnet('fd00:7::5/64') // 'fd00:7::/64'
 * alignedSubnet('10.56.0.5/24') // '10.56.0.0/24'
 */
export function alignedSubnet(subnet: string): string | undefined {
  if (isIpv6Text(subnet)) {
    const c = parseCidr6(subnet)
    return c ? formatCidr6(c.ip, c.prefix) : undefined
  }
  const c = parseCidr(subnet)
  return c ? formatCidr(networkAddress(c.ip, c.prefix), c.prefix) : undefined
}

/** The prefix length of a subnet of either family (undefined when it does not parse). */
export function prefixOf(subnet: string): number | undefined {
  return (isIpv6Text(subnet) ? parseCidr6(subnet) : parseCidr(subnet))?.prefix
}

/**
 * The docker CLI's subnetMatches (cli/command/network/create.go): the
 * address (or the address part of a CIDR) lies in the subnet, of the same
 * family; anything unparsable matches nothing.
 *
 * @example
 * subnetMatches('fd00:2::/64', 'fd00:2::100/120') // true
 * subnetMatches('fd00:2::/64', '10.0.0.1') // false
 */
export function subnetMatches(subnet: string, data: string): boolean {
  const text = data.split('/')[0] ?? ''
  if (isIpv6Text(subnet)) {
    const s = parseCidr6(subnet)
    const ip = parseIPv6(text)
    return s !== undefined && ip !== undefined && cidr6Contains(s.ip, s.prefix, ip)
  }
  const s = parseCidr(subnet)
  const ip = parseIPv4(text)
  return s !== undefined && ip !== undefined && cidrContains(s.ip, s.prefix, ip)
}

/** Whether a text is an address of the subnet's family (not a CIDR). */
export function isAddressOfFamily(subnet: string, text: string): boolean {
  return isIpv6Text(subnet) ? parseIPv6(text) !== undefined : parseIPv4(text) !== undefined
}

/** Whether two IPv6 subnets share an address (libnetwork types.NetworkOverlaps). */
export function subnets6Overlap(a: string, b: string): boolean {
  const x = parseCidr6(a)
  const y = parseCidr6(b)
  return x !== undefined && y !== undefined && cidrs6Overlap(x.ip, x.prefix, y.ip, y.prefix)
}
