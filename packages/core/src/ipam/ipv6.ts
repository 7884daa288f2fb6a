/**
 * IPv6 arithmetic over 128-bit bigints, parsed and printed the way Go's `net`
 * package does, since Docker reads `--subnet`, `--gateway`, `--ip-range` and
 * `--ip6` through `net.ParseIP`/`net.ParseCIDR` and prints them with
 * `IP.String()` (RFC 5952: lowercase, no leading zeros, the longest run of
 * two or more zero groups — the first on a tie — shortened to `::`).
 */

/** An IPv6 prefix: the address (host bits kept, as Go's ParseCIDR keeps them) and its length. */
export interface Cidr6 {
  ip: bigint
  prefix: number
}

const ALL_ONES = (1n << 128n) - 1n
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/
const PREFIX_DIGITS = /^[0-9]+$/
// An IPv4 tail as Go's parseIPv6 accepts it: four decimal octets, no leading zeros.
const OCTET = /^(?:0|[1-9][0-9]{0,2})$/

function parseV4Tail(text: string): bigint | undefined {
  const parts = text.split('.')
  if (parts.length !== 4) return undefined
  let n = 0n
  for (const p of parts) {
    if (!OCTET.test(p) || Number(p) > 255) return undefined
    n = (n << 8n) | BigInt(p)
  }
  return n
}

// Groups of one side of '::' (or the whole address): hex groups, the last one
// possibly a dotted IPv4 tail worth two groups. Undefined when malformed.
function parseGroups(text: string): bigint[] | undefined {
  if (text === '') return []
  const parts = text.split(':')
  const groups: bigint[] = []
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] ?? ''
    if (i === parts.length - 1 && p.includes('.')) {
      const v4 = parseV4Tail(p)
      if (v4 === undefined) return undefined
      groups.push(v4 >> 16n, v4 & 0xffffn)
    } else if (HEX_GROUP.test(p)) {
      groups.push(BigInt(`0x${p}`))
    } else {
      return undefined
    }
  }
  return groups
}

/**
 * Parses an IPv6 address as Go's `net.ParseIP` does for the colon form: hex
 * groups of one to four digits, at most one `::`, an optional dotted IPv4
 * tail, no zone (`%eth0` is refused, as ParseIP refuses it).
 *
 * @example
 * parseIPv6('fd00::1') // 0xfd000000000000000000000000000001n
 * parseIPv6('fd00::1::2') // undefined
 */
export function parseIPv6(text: string): bigint | undefined {
  if (!text.includes(':')) return undefined
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const head = parseGroups(halves[0] ?? '')
  if (head === undefined) return undefined
  let groups: bigint[]
  if (halves.length === 2) {
    // The IPv4 tail may only end the address, so only the right half may hold one.
    if ((halves[0] ?? '').includes('.')) return undefined
    const tail = parseGroups(halves[1] ?? '')
    if (tail === undefined || head.length + tail.length > 7) return undefined
    groups = [...head, ...new Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail]
  } else {
    if (head.length !== 8) return undefined
    groups = head
  }
  let n = 0n
  for (const g of groups) n = (n << 16n) | g
  return n
}

/**
 * Prints an address as Go's `IP.String()` does. An IPv4-mapped address
 * (`::ffff:a.b.c.d`) prints as its dotted quad, as Go prints every 4-in-6.
 *
 * @example
 * formatIPv6(parseIPv6('fd00:0:0:0:0:0:0:1')!) // 'fd00::1'
 * formatIPv6(parseIPv6('2001:db8:0:1:1:1:1:1')!) // '2001:db8:0:1:1:1:1:1'
 */
export function formatIPv6(ip: bigint): string {
  if (ip >> 32n === 0xffffn) {
    const v4 = Number(ip & 0xffffffffn)
    return `${v4 >>> 24}.${(v4 >>> 16) & 0xff}.${(v4 >>> 8) & 0xff}.${v4 & 0xff}`
  }
  const groups: number[] = []
  for (let i = 7; i >= 0; i--) groups.push(Number((ip >> BigInt(i * 16)) & 0xffffn))
  // The longest run of zero groups, at least two long; Go keeps the first on a tie.
  let bestStart = -1
  let bestLen = 0
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i
      bestLen = j - i
    }
    i = j
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':')
  if (bestStart < 0) return hex(groups)
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLen))}`
}

/**
 * Parses "addr/n" with `net.ParseCIDR` semantics for IPv6: host bits kept,
 * prefix 0..128 in decimal.
 *
 * @example
 * parseCidr6('fd00:1::5/64') // { ip: 0xfd000001000000000000000000000005n, prefix: 64 }
 * parseCidr6('fd00::/129') // undefined
 */
export function parseCidr6(text: string): Cidr6 | undefined {
  const slash = text.indexOf('/')
  if (slash < 0) return undefined
  const ip = parseIPv6(text.slice(0, slash))
  const digits = text.slice(slash + 1)
  if (ip === undefined || !PREFIX_DIGITS.test(digits)) return undefined
  const prefix = Number(digits)
  if (prefix > 128) return undefined
  return { ip, prefix }
}

/** The netmask of a prefix length. */
export function maskOf6(prefix: number): bigint {
  return prefix <= 0 ? 0n : (ALL_ONES << BigInt(128 - prefix)) & ALL_ONES
}

/** The first address of the prefix (host bits cleared). */
export function networkAddress6(ip: bigint, prefix: number): bigint {
  return ip & maskOf6(prefix)
}

/** The last address of the prefix (host bits set). */
export function lastAddress6(ip: bigint, prefix: number): bigint {
  return ip | (~maskOf6(prefix) & ALL_ONES)
}

/**
 * Prints a prefix as Docker shows subnets: network address, then length.
 *
 * @example
 * formatCidr6(parseIPv6('fd00:1::5')!, 64) // 'fd00:1::/64'
 */
export function formatCidr6(ip: bigint, prefix: number): string {
  return `${formatIPv6(networkAddress6(ip, prefix))}/${prefix}`
}

/** Whether `ip` lies inside the prefix (Go's `IPNet.Contains`, masking both sides). */
export function cidr6Contains(outerIp: bigint, outerPrefix: number, ip: bigint): boolean {
  return networkAddress6(ip, outerPrefix) === networkAddress6(outerIp, outerPrefix)
}

/** Whether two prefixes share an address (libnetwork's `types.NetworkOverlaps`): they nest or are disjoint. */
export function cidrs6Overlap(aIp: bigint, aPrefix: number, bIp: bigint, bPrefix: number): boolean {
  return (
    cidr6Contains(aIp, aPrefix, networkAddress6(bIp, bPrefix)) ||
    cidr6Contains(bIp, bPrefix, networkAddress6(aIp, aPrefix))
  )
}

/**
 * The link-local address the kernel gives an interface from its MAC
 * (addrconf_ifid_eui48 in net/ipv6/addrconf.c): fe80::/64, then the MAC with
 * ff:fe in its middle and the universal/local bit (0x02 of the first octet)
 * flipped — what `ip -6 addr` shows as `scope link` on bridges and veths.
 *
 * @example
 * formatIPv6(linkLocalOf('02:42:ac:11:00:02')!) // 'fe80::42:acff:fe11:2'
 */
export function linkLocalOf(mac: string): bigint | undefined {
  const octets = mac.split(':')
  if (octets.length !== 6 || !octets.every((o) => /^[0-9a-fA-F]{2}$/.test(o))) return undefined
  const [o0 = '', o1, o2, o3, o4, o5] = octets
  const u = (Number.parseInt(o0, 16) ^ 0x02).toString(16).padStart(2, '0')
  return (0xfe80n << 112n) | BigInt(`0x${u}${o1}${o2}fffe${o3}${o4}${o5}`)
}
