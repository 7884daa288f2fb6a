/**
 * The docker CLI's client-side check of `network create` IPAM flags
 * (cli/command/network/create.go consolidateIpam), run before the request
 * is sent, with its messages. Go walks a map of subnets in random order;
 * here they are visited in command-line order, which only matters for which
 * of several errors is reported.
 */
import { cidrContainsGoIP, type GoIP, parseGoCIDR, parseGoIP } from '../go/go-net-ip.js'
import { GoValueError } from '../go/go-value-error.js'

// subnetMatches(subnet, data): does the subnet contain data (an address, or
// the address part of a CIDR)? A bad subnet is "invalid subnet: ...", a bad
// CIDR in data is Go's bare ParseCIDR error.
function subnetMatches(subnet: string, data: string): boolean {
  let cidr: ReturnType<typeof parseGoCIDR>
  try {
    cidr = parseGoCIDR(subnet)
  } catch (error) {
    if (error instanceof GoValueError) throw new GoValueError(`invalid subnet: ${error.message}`)
    throw error
  }
  let ip: GoIP | undefined
  if (data.includes('/')) ip = parseGoCIDR(data).ip
  else ip = parseGoIP(data)
  return cidrContainsGoIP(cidr, ip)
}

/**
 * Validates subnets, ranges, gateways and aux addresses together, throwing
 * the CLI's error text.
 *
 * @example
 * checkIpamConsistency(['10.0.0.0/8'], [], ['11.0.0.1'], []) // throws 'no matching subnet for gateway 11.0.0.1'
 */
export function checkIpamConsistency(
  subnets: readonly string[],
  ranges: readonly string[],
  gateways: readonly string[],
  auxAddresses: ReadonlyMap<string, string>,
): void {
  if (subnets.length < ranges.length || subnets.length < gateways.length) {
    throw new GoValueError('every ip-range or gateway must have a corresponding subnet')
  }
  // Later duplicates replace earlier keys in Go's map; keep one per subnet.
  const seen: string[] = []
  const range = new Map<string, string>()
  const gateway = new Map<string, string>()
  for (const s of subnets) {
    for (const k of seen) {
      if (subnetMatches(s, k) || subnetMatches(k, s)) {
        throw new GoValueError('multiple overlapping subnet configuration is not supported')
      }
    }
    if (!seen.includes(s)) seen.push(s)
  }
  for (const r of ranges) {
    let match = false
    for (const s of subnets) {
      if (!subnetMatches(s, r)) continue
      const existing = range.get(s)
      if (existing !== undefined) {
        throw new GoValueError(
          `cannot configure multiple ranges (${r}, ${existing}) on the same subnet (${s})`,
        )
      }
      range.set(s, r)
      match = true
    }
    if (!match) throw new GoValueError(`no matching subnet for range ${r}`)
  }
  for (const g of gateways) {
    let match = false
    for (const s of subnets) {
      if (!subnetMatches(s, g)) continue
      const existing = gateway.get(s)
      if (existing !== undefined) {
        throw new GoValueError(
          `cannot configure multiple gateways (${g}, ${existing}) for the same subnet (${s})`,
        )
      }
      gateway.set(s, g)
      match = true
    }
    if (!match) throw new GoValueError(`no matching subnet for gateway ${g}`)
  }
  for (const aux of auxAddresses.values()) {
    if (!subnets.some((s) => subnetMatches(s, aux)))
      throw new GoValueError(`no matching subnet for aux-address ${aux}`)
  }
}
