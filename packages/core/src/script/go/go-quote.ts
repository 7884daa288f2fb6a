/**
 * Go's `strconv.Quote`, which is what `%q` prints: docker's CLI quotes flag
 * values with it ("invalid argument %q for %q flag"), so the escapes must
 * match byte for byte for ordinary input.
 */

import { utf8Bytes } from './utf8-bytes.js'

const NAMED_ESCAPES: Readonly<Record<number, string>> = {
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r',
}

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the
// ASCII space. Other spaces (U+00A0...) and format characters are escaped.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u

function hex(cp: number, width: number): string {
  return cp.toString(16).padStart(width, '0')
}

/**
 * Quotes a string the way Go's `strconv.Quote` does.
 *
 * @example
 * quoteGo('a"b') // '"a\\"b"'
 * quoteGo('tab\there') // '"tab\\there"'
 */
export function quoteGo(text: string): string {
  let out = '"'
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (ch === '"' || ch === '\\') {
      out += `\\${ch}`
    } else if (cp >= 0x20 && cp < 0x7f) {
      out += ch
    } else if (NAMED_ESCAPES[cp] !== undefined) {
      out += NAMED_ESCAPES[cp]
    } else if (cp < 0x20 || cp === 0x7f) {
      out += `\\x${hex(cp, 2)}`
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      // A lone surrogate cannot come from valid UTF-8; Go would see U+FFFD.
      out += '\ufffd'
    } else if (PRINTABLE.test(ch)) {
      out += ch
    } else if (cp < 0x10000) {
      out += `\\u${hex(cp, 4)}`
    } else {
      out += `\\U${hex(cp, 8)}`
    }
  }
  return `${out}"`
}

/**
 * Go's `%q` of a single byte, which prints a rune literal: pflag quotes an
 * unknown shorthand letter this way ("unknown shorthand flag: 'x' in -x").
 * A non-ASCII letter shows as its first UTF-8 byte read as a code point.
 *
 * @example
 * quoteByteGo('x') // "'x'"
 * quoteByteGo("'") // "'\\''"
 */
export function quoteByteGo(letter: string): string {
  const byte = utf8Bytes(letter)[0] ?? 0
  if (byte === 0x27) return "'\\''"
  if (byte === 0x5c) return "'\\\\'"
  if (byte >= 0x20 && byte < 0x7f) return `'${String.fromCharCode(byte)}'`
  if (NAMED_ESCAPES[byte] !== undefined) return `'${NAMED_ESCAPES[byte]}'`
  if (byte < 0x20 || byte === 0x7f) return `'\\x${hex(byte, 2)}'`
  const ch = String.fromCharCode(byte)
  return PRINTABLE.test(ch) ? `'${ch}'` : `'\\u${hex(byte, 4)}'`
}
