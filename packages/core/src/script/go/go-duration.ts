/**
 * Go's `time.ParseDuration` (Go 1.19, which built docker 20.10.24 on Debian),
 * used by pflag for duration flags such as `--health-interval`.
 */

import { GoValueError } from './go-value-error.js'
import { utf8Bytes } from './utf8-bytes.js'

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['\u00b5s', 1_000n], // U+00B5 micro sign
  ['\u03bcs', 1_000n], // U+03BC Greek mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
])

const LIMIT = 1n << 63n

// time's own quote(): ASCII kept (with \" and \\ escaped), everything else as
// \x bytes of its UTF-8 encoding.
function quoteTime(text: string): string {
  let out = '"'
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp >= 0x80 || cp < 0x20) {
      for (const byte of utf8Bytes(ch)) out += `\\x${byte.toString(16).padStart(2, '0')}`
    } else {
      out += ch === '"' || ch === '\\' ? `\\${ch}` : ch
    }
  }
  return `${out}"`
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9'
}

/**
 * Parses a Go duration string ("1h30m", "-1.5s", "300ms") into nanoseconds,
 * throwing Go's error text for invalid input.
 *
 * @example
 * parseGoDuration('1m30s') // 90000000000n
 * parseGoDuration('1') // throws 'time: missing unit in duration "1"'
 */
export function parseGoDuration(text: string): bigint {
  const invalid = (): GoValueError => new GoValueError(`time: invalid duration ${quoteTime(text)}`)
  let s = text
  let negative = false
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    negative = s[0] === '-'
    s = s.slice(1)
  }
  if (s === '0') return 0n
  if (s === '') throw invalid()
  let total = 0n
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) throw invalid()
    // Leading integer part; Go rejects it as soon as it passes 2^63.
    let whole = 0n
    let i = 0
    while (isDigit(s[i])) {
      if (whole > LIMIT / 10n) throw invalid()
      whole = whole * 10n + BigInt((s[i] ?? '0').charCodeAt(0) - 48)
      if (whole > LIMIT) throw invalid()
      i++
    }
    const consumedWhole = i > 0
    s = s.slice(i)
    let fraction = 0n
    let scale = 1
    let consumedFraction = false
    if (s[0] === '.') {
      s = s.slice(1)
      let j = 0
      let overflow = false
      while (isDigit(s[j])) {
        // Go stops accumulating (but keeps consuming) once it would overflow.
        if (!overflow) {
          if (fraction > (LIMIT - 1n) / 10n) {
            overflow = true
          } else {
            fraction = fraction * 10n + BigInt((s[j] ?? '0').charCodeAt(0) - 48)
            scale *= 10
          }
        }
        j++
      }
      consumedFraction = j > 0
      s = s.slice(j)
    }
    if (!consumedWhole && !consumedFraction) throw invalid()
    let u = 0
    while (u < s.length && !(s[u] === '.' || isDigit(s[u]))) u++
    if (u === 0) throw new GoValueError(`time: missing unit in duration ${quoteTime(text)}`)
    const unitName = s.slice(0, u)
    s = s.slice(u)
    const unit = UNITS.get(unitName)
    if (unit === undefined) {
      throw new GoValueError(`time: unknown unit ${quoteTime(unitName)} in duration ${quoteTime(text)}`)
    }
    if (whole > LIMIT / unit) throw invalid()
    let value = whole * unit
    if (fraction > 0n) {
      value += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)))
      if (value > LIMIT) throw invalid()
    }
    total += value
    if (total > LIMIT) throw invalid()
  }
  if (negative) return -total
  if (total > LIMIT - 1n) throw invalid()
  return total
}
