/**
 * Go's `strconv.ParseInt`, `ParseUint`, `ParseBool` and `Atoi`, with their
 * exact error texts. pflag parses every numeric flag with base 0, so "0x10",
 * "010" (octal) and "1_000" are all numbers to docker, and out-of-range input
 * is reported as "value out of range" rather than "invalid syntax".
 */
import { quoteGo } from './go-quote.js'
import { GoValueError } from './go-value-error.js'

function numError(fn: string, text: string, reason: 'invalid syntax' | 'value out of range'): GoValueError {
  return new GoValueError(`strconv.${fn}: parsing ${quoteGo(text)}: ${reason}`)
}

function lower(c: string): string {
  return c.toLowerCase()
}

// Go's underscoreOK: with base 0, underscores may only separate digits (or
// follow a base prefix), never lead, trail or double up.
function underscoreOK(text: string): boolean {
  let s = text
  let saw = '^'
  let i = 0
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1)
  let hexDigits = false
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1] ?? ''))) {
    i = 2
    saw = '0'
    hexDigits = lower(s[1] ?? '') === 'x'
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? ''
    if ((c >= '0' && c <= '9') || (hexDigits && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0'
      continue
    }
    if (c === '_') {
      if (saw !== '0') return false
      saw = '_'
      continue
    }
    if (saw === '_') return false
    saw = '!'
  }
  return saw !== '_'
}

// The body of ParseUint, also used by ParseInt, which re-labels its errors.
function parseUnsigned(fn: string, text: string, base: 0 | 10, bitSize: number): bigint {
  if (text === '') throw numError(fn, text, 'invalid syntax')
  const plain = plainDecimal(text, base, bitSize)
  if (plain !== undefined) return plain
  const base0 = base === 0
  let s = text
  let radix = 10
  if (base0 && s[0] === '0') {
    const prefix = lower(s[1] ?? '')
    if (s.length >= 3 && prefix === 'b') {
      radix = 2
      s = s.slice(2)
    } else if (s.length >= 3 && prefix === 'o') {
      radix = 8
      s = s.slice(2)
    } else if (s.length >= 3 && prefix === 'x') {
      radix = 16
      s = s.slice(2)
    } else {
      radix = 8
      s = s.slice(1)
    }
  }
  const maxVal = (1n << BigInt(bitSize)) - 1n
  let n = 0n
  let underscores = false
  for (const c of s) {
    let d: number
    if (c === '_' && base0) {
      underscores = true
      continue
    } else if (c >= '0' && c <= '9') {
      d = c.charCodeAt(0) - 48
    } else if (c < '\x80' && lower(c) >= 'a' && lower(c) <= 'z') {
      d = lower(c).charCodeAt(0) - 97 + 10
    } else {
      throw numError(fn, text, 'invalid syntax')
    }
    if (d >= radix) throw numError(fn, text, 'invalid syntax')
    // Overflow is detected digit by digit, before any later syntax error.
    n = n * BigInt(radix) + BigInt(d)
    if (n > maxVal) throw numError(fn, text, 'value out of range')
  }
  if (underscores && !underscoreOK(text)) throw numError(fn, text, 'invalid syntax')
  return n
}

/**
 * The value of a short run of decimal digits that fits `bitSize`, read as a
 * Number (exact below 2^53), or undefined for anything else, which the digit
 * by digit BigInt reading answers with Go's errors. Every `-p` is made of such
 * numbers, and the BigInt steps were a tenth of parsing a `docker run` line.
 */
function plainDecimal(text: string, base: 0 | 10, bitSize: number): bigint | undefined {
  // Base 0 reads a leading 0 as an octal (or 0b/0o/0x) prefix.
  if (text.length > 15 || (base === 0 && text.charCodeAt(0) === 0x30)) return undefined
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return undefined
    n = n * 10 + (c - 0x30)
  }
  return bitSize >= 53 || n <= 2 ** bitSize - 1 ? BigInt(n) : undefined
}

/**
 * Go's `strconv.ParseUint(text, base, bitSize)` for base 0 or 10.
 *
 * @example
 * parseGoUint('0x10', 0, 16) // 16n
 * parseGoUint('-1', 0, 16) // throws 'strconv.ParseUint: parsing "-1": invalid syntax'
 */
export function parseGoUint(text: string, base: 0 | 10, bitSize: number): bigint {
  return parseUnsigned('ParseUint', text, base, bitSize)
}

/**
 * Go's `strconv.ParseInt(text, base, bitSize)` for base 0 or 10.
 *
 * @example
 * parseGoInt('-010', 0, 64) // -8n
 * parseGoInt('x', 0, 64) // throws 'strconv.ParseInt: parsing "x": invalid syntax'
 */
export function parseGoInt(text: string, base: 0 | 10, bitSize: number): bigint {
  if (text === '') throw numError('ParseInt', text, 'invalid syntax')
  let s = text
  let negative = false
  if (s[0] === '+') {
    s = s.slice(1)
  } else if (s[0] === '-') {
    negative = true
    s = s.slice(1)
  }
  let magnitude: bigint
  try {
    magnitude = parseUnsigned('ParseInt', s, base, 64)
  } catch (error) {
    if (error instanceof GoValueError && error.message.endsWith('value out of range')) {
      throw numError('ParseInt', text, 'value out of range')
    }
    // The syntax error names the whole input, sign included.
    throw numError('ParseInt', text, 'invalid syntax')
  }
  const cutoff = 1n << BigInt(bitSize - 1)
  if (!negative && magnitude >= cutoff) throw numError('ParseInt', text, 'value out of range')
  if (negative && magnitude > cutoff) throw numError('ParseInt', text, 'value out of range')
  return negative ? -magnitude : magnitude
}

/**
 * Go's `strconv.ParseBool`.
 *
 * @example
 * parseGoBool('T') // true
 * parseGoBool('yes') // throws 'strconv.ParseBool: parsing "yes": invalid syntax'
 */
export function parseGoBool(text: string): boolean {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(text)) return true
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(text)) return false
  throw new GoValueError(`strconv.ParseBool: parsing ${quoteGo(text)}: invalid syntax`)
}

/**
 * Go's `strconv.Atoi`: base 10, optional sign, no underscores, 64-bit.
 * Returns undefined where Go returns an error (callers print their own text).
 *
 * @example
 * atoiGo('+5') // 5
 * atoiGo('0x5') // undefined
 */
export function atoiGo(text: string): number | undefined {
  try {
    return Number(parseGoInt(text, 10, 64))
  } catch (error) {
    if (error instanceof GoValueError) return undefined
    throw error
  }
}
