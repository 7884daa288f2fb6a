/**
 * Go 1.19's `net` IP parsing and printing (ParseIP, ParseCIDR, IP.String,
 * IPNet.Contains), which the docker CLI uses to validate `--dns`,
 * `--add-host`, `-p` host addresses and `network create --subnet` input.
 *
 * Addresses are kept as Go keeps them after ParseIP: 16 bytes, with IPv4 in
 * the ::ffff:a.b.c.d form, so `isGoIPv4` is Go's `To4() != nil`.
 */
import { GoValueError } from './go-value-error.js'

/**
 * 16 bytes, as Go's ParseIP returns them.
 *
 * @example
 * const loopback: GoIP | undefined = parseGoIP('127.0.0.1')
 */
export type GoIP = Uint8Array

/**
 * A parsed CIDR: `ip` is the address as written, `network` the address with
 * host bits cleared, `mask` 16 bytes (an IPv4 mask is in the last four) and
 * `bits` the prefix length as written.
 *
 * @example
 * const c = parseGoCIDR('10.1.2.3/8') // c.network prints as 10.0.0.0
 */
export interface GoCIDR {
  ip: GoIP
  network: GoIP
  mask: Uint8Array
  bits: number
  /** True when written in dotted-quad form (Go's 4-byte mask). */
  v4: boolean
}

const BIG = 0xffffff

// Go's dtoi: decimal digits, stopping at the first non-digit; false when no
// digit was read or the value passed 0xFFFFFF.
function dtoi(s: string): { n: number; used: number; ok: boolean } {
  let n = 0
  let i = 0
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) break
    n = n * 10 + (c - 48)
    if (n >= BIG) return { n: BIG, used: i, ok: false }
  }
  return { n, used: i, ok: i > 0 }
}

// Go's xtoi: hexadecimal digits, same contract as dtoi.
function xtoi(s: string): { n: number; used: number; ok: boolean } {
  let n = 0
  let i = 0
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i)
    let d: number
    if (c >= 48 && c <= 57) d = c - 48
    else if (c >= 97 && c <= 102) d = c - 97 + 10
    else if (c >= 65 && c <= 70) d = c - 65 + 10
    else break
    n = n * 16 + d
    if (n >= BIG) return { n: 0, used: i, ok: false }
  }
  return { n, used: i, ok: i > 0 }
}

function v4InV6(a: number, b: number, c: number, d: number): GoIP {
  const ip = new Uint8Array(16)
  ip[10] = 0xff
  ip[11] = 0xff
  ip[12] = a
  ip[13] = b
  ip[14] = c
  ip[15] = d
  return ip
}

function parseIPv4(text: string): GoIP | undefined {
  let s = text
  const octets: number[] = []
  for (let i = 0; i < 4; i++) {
    if (s.length === 0) return undefined
    if (i > 0) {
      if (s[0] !== '.') return undefined
      s = s.slice(1)
    }
    const { n, used, ok } = dtoi(s)
    if (!ok || n > 0xff) return undefined
    // Go >= 1.17 rejects octets with leading zeros (CVE-2021-29923).
    if (used > 1 && s[0] === '0') return undefined
    s = s.slice(used)
    octets.push(n)
  }
  if (s.length !== 0) return undefined
  return v4InV6(octets[0] ?? 0, octets[1] ?? 0, octets[2] ?? 0, octets[3] ?? 0)
}

function parseIPv6(text: string): GoIP | undefined {
  let s = text
  const ip = new Uint8Array(16)
  let ellipsis = -1
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0
    s = s.slice(2)
    if (s.length === 0) return ip
  }
  let i = 0
  while (i < 16) {
    const { n, used, ok } = xtoi(s)
    if (!ok || n > 0xffff) return undefined
    if (used < s.length && s[used] === '.') {
      // A trailing dotted quad, only where the last 32 bits belong.
      if (ellipsis < 0 && i !== 12) return undefined
      if (i + 4 > 16) return undefined
      const ip4 = parseIPv4(s)
      if (ip4 === undefined) return undefined
      ip.set(ip4.subarray(12), i)
      s = ''
      i += 4
      break
    }
    ip[i] = n >> 8
    ip[i + 1] = n & 0xff
    i += 2
    s = s.slice(used)
    if (s.length === 0) break
    if (s[0] !== ':' || s.length === 1) return undefined
    s = s.slice(1)
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined
      ellipsis = i
      s = s.slice(1)
      if (s.length === 0) break
    }
  }
  if (s.length !== 0) return undefined
  if (i < 16) {
    if (ellipsis < 0) return undefined
    const shift = 16 - i
    for (let j = i - 1; j >= ellipsis; j--) ip[j + shift] = ip[j] ?? 0
    for (let j = ellipsis + shift - 1; j >= ellipsis; j--) ip[j] = 0
  } else if (ellipsis >= 0) {
    // "::" must stand for at least one zero group.
    return undefined
  }
  return ip
}

/**
 * Go's `net.ParseIP`: undefined where Go returns nil.
 *
 * @example
 * parseGoIP('10.0.0.1') // 16 bytes ending 10,0,0,1
 * parseGoIP('010.0.0.1') // undefined
 */
export function parseGoIP(text: string): GoIP | undefined {
  // Go picks the family from whichever of '.' or ':' comes first.
  for (const c of text) {
    if (c === '.') return parseIPv4(text)
    if (c === ':') return parseIPv6(text)
  }
  return undefined
}

/**
 * Go's `IP.To4() != nil`: true for ::ffff:a.b.c.d (which is how IPv4 is held).
 *
 * @example
 * isGoIPv4(parseGoIP('1.2.3.4')!) // true
 */
export function isGoIPv4(ip: GoIP): boolean {
  for (let i = 0; i < 10; i++) if (ip[i] !== 0) return false
  return ip[10] === 0xff && ip[11] === 0xff
}

/**
 * Go's `IP.String()`: dotted quad for IPv4, RFC 5952-ish compressed IPv6
 * (Go compresses the first longest run of two or more zero groups).
 *
 * @example
 * formatGoIP(parseGoIP('2001:DB8:0:0:0::1')!) // '2001:db8::1'
 * formatGoIP(parseGoIP('::ffff:1.2.3.4')!) // '1.2.3.4'
 */
export function formatGoIP(ip: GoIP): string {
  if (isGoIPv4(ip)) return `${ip[12]}.${ip[13]}.${ip[14]}.${ip[15]}`
  let e0 = -1
  let e1 = -1
  for (let i = 0; i < 16; i += 2) {
    let j = i
    while (j < 16 && ip[j] === 0 && ip[j + 1] === 0) j += 2
    if (j > i && j - i > e1 - e0) {
      e0 = i
      e1 = j
      i = j
    }
  }
  if (e1 - e0 <= 2) {
    e0 = -1
    e1 = -1
  }
  let out = ''
  for (let i = 0; i < 16; i += 2) {
    if (i === e0) {
      out += '::'
      i = e1
      if (i >= 16) break
    } else if (i > 0) {
      out += ':'
    }
    out += (((ip[i] ?? 0) << 8) | (ip[i + 1] ?? 0)).toString(16)
  }
  return out
}

/**
 * Go's `net.ParseCIDR`, throwing Go's "invalid CIDR address: ..." text.
 *
 * @example
 * parseGoCIDR('10.0.0.0/33') // throws 'invalid CIDR address: 10.0.0.0/33'
 */
export function parseGoCIDR(text: string): GoCIDR {
  const invalid = new GoValueError(`invalid CIDR address: ${text}`)
  const slash = text.indexOf('/')
  if (slash < 0) throw invalid
  const addr = text.slice(0, slash)
  const maskText = text.slice(slash + 1)
  let v4 = true
  let ip = parseIPv4(addr)
  if (ip === undefined) {
    v4 = false
    ip = parseIPv6(addr)
  }
  const { n, used, ok } = dtoi(maskText)
  const maxBits = v4 ? 32 : 128
  if (ip === undefined || !ok || used !== maskText.length || n < 0 || n > maxBits) throw invalid
  // Hold every mask as 16 bytes; an IPv4 mask sits in the last four, under
  // twelve 0xff bytes, which masks ::ffff:a.b.c.d exactly as Go's 4-byte one.
  const bits = v4 ? n + 96 : n
  const mask = new Uint8Array(16)
  for (let i = 0; i < 16; i++) {
    const left = bits - i * 8
    mask[i] = left >= 8 ? 0xff : left <= 0 ? 0 : (0xff << (8 - left)) & 0xff
  }
  const network = ip.map((byte, i) => byte & (mask[i] ?? 0))
  return { ip, network, mask, bits: n, v4 }
}

/**
 * Go's `IPNet.Contains`: an IPv4 network only contains IPv4 addresses and an
 * IPv6 one only IPv6 addresses (an undefined address is in no network).
 *
 * @example
 * cidrContainsGoIP(parseGoCIDR('10.0.0.0/8'), parseGoIP('10.1.2.3')) // true
 */
export function cidrContainsGoIP(cidr: GoCIDR, ip: GoIP | undefined): boolean {
  if (ip === undefined) return false
  // Go decides the network's family from its masked address (To4 on it).
  const networkIsV4 = isGoIPv4(cidr.network)
  if (networkIsV4 !== isGoIPv4(ip)) return false
  // For a v4 network only the last four bytes count; when the mask came from
  // an IPv6-form prefix (::ffff:a.b.c.d/104) Go uses its last four bytes too.
  const from = networkIsV4 ? 12 : 0
  for (let i = from; i < 16; i++) {
    const m = cidr.mask[i] ?? 0
    if (((cidr.network[i] ?? 0) & m) !== ((ip[i] ?? 0) & m)) return false
  }
  return true
}
