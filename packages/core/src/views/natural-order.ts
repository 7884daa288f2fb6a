/**
 * fvbommel/sortorder NaturalLess, which `docker network ls` sorts names
 * with: digit runs compare as numbers ("p2" before "p10"), digits sort
 * before other bytes, and with equal numbers fewer leading zeros wins.
 */

const isDigit = (c: number) => c >= 48 && c <= 57
// Code points order as Go's UTF-8 bytes do, without a Buffer (core runs in browsers too).
const codePoints = (s: string) => Array.from(s, (ch) => ch.codePointAt(0) as number)

/**
 * True when `a` sorts before `b`.
 *
 * @example
 * ['p10', 'p2', 'p1'].sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0)) // ['p1', 'p2', 'p10']
 */
export function naturalLess(a: string, b: string): boolean {
  // Go compares UTF-8 bytes, whose order is the code points' order.
  const s1 = codePoints(a)
  const s2 = codePoints(b)
  let i1 = 0
  let i2 = 0
  while (i1 < s1.length && i2 < s2.length) {
    const c1 = s1[i1] as number
    const c2 = s2[i2] as number
    const d1 = isDigit(c1)
    const d2 = isDigit(c2)
    if (d1 !== d2) return d1
    if (!d1) {
      if (c1 !== c2) return c1 < c2
      i1++
      i2++
      continue
    }
    while (i1 < s1.length && s1[i1] === 48) i1++
    while (i2 < s2.length && s2[i2] === 48) i2++
    const nz1 = i1
    const nz2 = i2
    while (i1 < s1.length && isDigit(s1[i1] as number)) i1++
    while (i2 < s2.length && isDigit(s2[i2] as number)) i2++
    if (i1 - nz1 !== i2 - nz2) return i1 - nz1 < i2 - nz2
    const n1 = String.fromCodePoint(...s1.slice(nz1, i1))
    const n2 = String.fromCodePoint(...s2.slice(nz2, i2))
    if (n1 !== n2) return n1 < n2
    if (nz1 !== nz2) return nz1 < nz2
  }
  return s1.length < s2.length
}

/**
 * A comparator for Array.prototype.sort built on {@link naturalLess}.
 *
 * @example
 * names.sort(naturalCompare)
 */
export function naturalCompare(a: string, b: string): number {
  return naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0
}

/** Go's encoding/json writes map keys sorted: objects rendered for Docker's JSON get the same order. */
export function sortedObject<T>(value: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
