/**
 * Dotted quads to numbers and back, memoized: a trace formats and parses
 * the same few addresses over and over, and Go-exact parsing (ipam/ipv4.ts)
 * is built for validating user input, not for hot paths. The memo is capped
 * so a long-lived process does not grow it without bound.
 */

import { formatIPv4, parseIPv4 } from '../ipam/ipv4.js'

const CAP = 1 << 16
const numbers = new Map<string, number | undefined>()
const texts = new Map<number, string>()

/**
 * `parseIPv4` for the addresses the model itself holds: a plain decimal
 * quad is read with a few character codes; anything else (a leading zero,
 * a stray character) goes to the Go-exact parser, so the answer is the same.
 *
 * @example
 * parseQuad('172.17.0.2') // 2886795266
 */
export function parseQuad(text: string): number | undefined {
  let ip = 0
  let octet = 0
  let digits = 0
  let dots = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 46) {
      if (digits === 0 || dots === 3) return parseIPv4(text)
      ip = ip * 256 + octet
      octet = 0
      digits = 0
      dots++
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return parseIPv4(text) // a leading zero: let the exact parser decide
      octet = octet * 10 + (c - 48)
      digits++
      if (octet > 255) return undefined
    } else return parseIPv4(text)
  }
  if (dots !== 3 || digits === 0) return parseIPv4(text)
  return ip * 256 + octet
}

/**
 * `parseIPv4`, memoized.
 *
 * @example
 * ipNumber('10.0.2.15') // 167772687
 */
export function ipNumber(text: string): number | undefined {
  if (numbers.has(text)) return numbers.get(text)
  if (numbers.size >= CAP) numbers.clear()
  const ip = parseQuad(text)
  numbers.set(text, ip)
  return ip
}

/**
 * `formatIPv4`, memoized.
 *
 * @example
 * ipString(167772687) // '10.0.2.15'
 */
export function ipString(ip: number): string {
  let text = texts.get(ip)
  if (text === undefined) {
    if (texts.size >= CAP) texts.clear()
    text = formatIPv4(ip)
    texts.set(ip, text)
  }
  return text
}
