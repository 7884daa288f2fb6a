/**
 * Go's `net.ParseMAC`, which `docker run --mac-address` validates with:
 * 6-, 8- or 20-byte addresses as aa:bb:.., aa-bb-.. or aabb.ccdd.eeff.
 */

// Go's xtoi2: two hex digits, then (when more input follows) the separator.
function hexPair(s: string, separator: string | undefined): number | undefined {
  if (s.length > 2 && s[2] !== separator) return undefined
  const pair = s.slice(0, 2)
  if (!/^[0-9a-fA-F]{2}$/.test(pair)) return undefined
  return Number.parseInt(pair, 16)
}

/**
 * Parses a hardware address; undefined where Go returns an error.
 *
 * @example
 * parseGoMAC('02:42:ac:11:00:02') // [2, 66, 172, 17, 0, 2]
 * parseGoMAC('02:42:ac:11:00') // undefined
 */
export function parseGoMAC(text: string): number[] | undefined {
  const s = text
  if (s.length < 14) return undefined
  const bytes: number[] = []
  if (s[2] === ':' || s[2] === '-') {
    if ((s.length + 1) % 3 !== 0) return undefined
    const n = (s.length + 1) / 3
    if (n !== 6 && n !== 8 && n !== 20) return undefined
    for (let i = 0, x = 0; i < n; i++, x += 3) {
      const byte = hexPair(s.slice(x), s[2])
      if (byte === undefined) return undefined
      bytes.push(byte)
    }
    return bytes
  }
  if (s[4] === '.') {
    if ((s.length + 1) % 5 !== 0) return undefined
    const n = (2 * (s.length + 1)) / 5
    if (n !== 6 && n !== 8 && n !== 20) return undefined
    for (let i = 0, x = 0; i < n; i += 2, x += 5) {
      const high = hexPair(s.slice(x, x + 2), undefined)
      const low = hexPair(s.slice(x + 2), s[4])
      if (high === undefined || low === undefined) return undefined
      bytes.push(high, low)
    }
    return bytes
  }
  return undefined
}
