/**
 * UTF-8 encoding of a string, for the places where Go prints bytes rather
 * than characters. (core targets no DOM or Node globals, so no TextEncoder.)
 */

/**
 * The UTF-8 bytes of `text` (a lone surrogate encodes as U+FFFD, as Go's
 * string conversion of invalid input would).
 *
 * @example
 * utf8Bytes('µ') // [0xc2, 0xb5]
 */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = []
  for (const ch of text) {
    let cp = ch.codePointAt(0) ?? 0
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd
    if (cp < 0x80) bytes.push(cp)
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f))
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
    else
      bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
  }
  return bytes
}
