/**
 * IPv4 arithmetic over unsigned 32-bit numbers, parsed the way Go's `net`
 * package parses them, since Docker accepts or rejects user input through it.
 *
 * Every result goes through `>>> 0`: JavaScript bitwise operators yield
 * signed int32, and addresses from 128.0.0.0 up would otherwise turn negative.
 */

/**
 * An IPv4 prefix: an address (host bits kept, as Go's ParseCIDR keeps them)
 * and a prefix length.
 *
 * @example
 * const docker0: Cidr = { ip: 0xac110001, prefix: 16 } // 172.17.0.1/16
 */
export interface Cidr {
  ip: number
  prefix: number
}

// One octet as Go >= 1.17 reads it: decimal, no sign, no leading zero unless
// the octet is exactly "0" (CVE-2021-29923 made "010" an error, not octal or 10):
// /^(?:0|[1-9][0-9]{0,2})$/ and at most 255, as parseIPv4 checks digit by digit.

// Go's dtoi for the prefix length: decimal digits only, leading zeros allowed
// ("/024" is 24), no sign, no spaces.
const PREFIX_DIGITS = /^[0-9]+$/

/**
 * Parses a dotted-quad IPv4 address, accepting exactly what Go's
 * `net.ParseIP` accepts for the four-octet form.
 *
 * @example
 * parseIPv4('172.17.0.1') // 2886795265
 * parseIPv4('010.0.0.1') // undefined
 */
export function parseIPv4(text: string): number | undefined {
  // One pass over the characters, the octet rule above stated per digit: every
  // address the engine handles goes through here, and split + a regular
  // expression per octet showed in the profile of a `docker run`.
  let ip = 0
  let octet = 0
  let digits = 0
  let dots = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x2e) {
      if (digits === 0 || dots === 3) return undefined
      ip = ip * 256 + octet
      octet = 0
      digits = 0
      dots += 1
      continue
    }
    if (c < 0x30 || c > 0x39) return undefined
    // No leading zero ("0" alone is fine), at most three digits, at most 255.
    if ((digits > 0 && octet === 0) || digits === 3) return undefined
    octet = octet * 10 + (c - 0x30)
    digits += 1
    if (octet > 255) return undefined
  }
  if (dots !== 3 || digits === 0) return undefined
  return ip * 256 + octet
}

/**
 * Prints an address as a dotted quad.
 *
 * @example
 * formatIPv4(0xac110001) // '172.17.0.1'
 */
export function formatIPv4(ip: number): string {
  return `${ip >>> 24}.${(ip >>> 16) & 0xff}.${(ip >>> 8) & 0xff}.${ip & 0xff}`
}

/**
 * Parses "a.b.c.d/n" with `net.ParseCIDR` semantics: the address keeps its
 * host bits, and the prefix must be 0..32.
 *
 * @example
 * parseCidr('10.1.2.3/24') // { ip: 167838211, prefix: 24 }
 * parseCidr('10.0.0.0/33') // undefined
 */
export function parseCidr(text: string): Cidr | undefined {
  // Go splits at the first '/', so "1.2.3.4/8/8" fails on the prefix part.
  const slash = text.indexOf('/')
  if (slash < 0) return undefined
  const ip = parseIPv4(text.slice(0, slash))
  const digits = text.slice(slash + 1)
  if (ip === undefined || !PREFIX_DIGITS.test(digits)) return undefined
  const prefix = Number(digits)
  if (prefix > 32) return undefined
  return { ip, prefix }
}

/**
 * The netmask of a prefix length, as a number.
 *
 * @example
 * formatIPv4(maskOf(20)) // '255.255.240.0'
 */
export function maskOf(prefix: number): number {
  // Shift counts are taken mod 32, so `<< 32` would be a no-op, not zero.
  return prefix <= 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
}

/**
 * The first address of the prefix (host bits cleared).
 *
 * @example
 * formatIPv4(networkAddress(parseIPv4('10.1.2.3')!, 16)) // '10.1.0.0'
 */
export function networkAddress(ip: number, prefix: number): number {
  return (ip & maskOf(prefix)) >>> 0
}

/**
 * The last address of the prefix (host bits set).
 *
 * @example
 * formatIPv4(broadcastAddress(parseIPv4('10.1.2.3')!, 24)) // '10.1.2.255'
 */
export function broadcastAddress(ip: number, prefix: number): number {
  return (ip | ~maskOf(prefix)) >>> 0
}

/**
 * How many addresses the prefix spans, network and broadcast included.
 *
 * @example
 * cidrSize(24) // 256
 * cidrSize(0) // 4294967296
 */
export function cidrSize(prefix: number): number {
  return 2 ** (32 - prefix)
}

/**
 * Prints a prefix the way Docker shows subnets: network address, then length.
 *
 * @example
 * formatCidr(parseIPv4('172.18.5.9')!, 16) // '172.18.0.0/16'
 */
export function formatCidr(ip: number, prefix: number): string {
  return `${formatIPv4(networkAddress(ip, prefix))}/${prefix}`
}

/**
 * Whether `ip` lies inside the prefix (Go's `IPNet.Contains`, which masks
 * both sides, so the outer address may carry host bits).
 *
 * @example
 * cidrContains(parseIPv4('10.0.0.0')!, 8, parseIPv4('10.9.9.9')!) // true
 */
export function cidrContains(outerIp: number, outerPrefix: number, ip: number): boolean {
  return networkAddress(ip, outerPrefix) === networkAddress(outerIp, outerPrefix)
}

/**
 * Whether two prefixes share any address: one contains the other's network
 * address (libnetwork's `types.NetworkOverlaps`). IPv4 prefixes either nest
 * or are disjoint, so this test is exact.
 *
 * @example
 * cidrsOverlap(parseIPv4('10.0.0.0')!, 8, parseIPv4('10.3.0.0')!, 16) // true
 * cidrsOverlap(parseIPv4('10.0.0.0')!, 16, parseIPv4('10.1.0.0')!, 16) // false
 */
export function cidrsOverlap(aIp: number, aPrefix: number, bIp: number, bPrefix: number): boolean {
  return (
    cidrContains(aIp, aPrefix, networkAddress(bIp, bPrefix)) ||
    cidrContains(bIp, bPrefix, networkAddress(aIp, aPrefix))
  )
}

/**
 * Whether two subnets written as text share any address; false when either
 * is not an IPv4 subnet.
 *
 * @example
 * subnetsOverlap('10.0.0.0/8', '10.3.0.0/16') // true
 */
export function subnetsOverlap(a: string, b: string): boolean {
  const x = parseCidr(a)
  const y = parseCidr(b)
  return !!x && !!y && cidrsOverlap(x.ip, x.prefix, y.ip, y.prefix)
}
