/**
 * The docker CLI's natural sort (fvbommel/sortorder NaturalLess): runs of
 * digits compare as numbers, so "p2" sorts before "p10".
 *
 * @example
 * ['p10', 'p2', 'p1'].sort(naturalCompare) // ['p1', 'p2', 'p10']
 */
export function naturalCompare(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? []
  const x = chunks(a)
  const y = chunks(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string
    const q = y[i] as string
    const numeric = /^\d/.test(p) && /^\d/.test(q)
    if (numeric) {
      const d = Number(p) - Number(q)
      if (d !== 0) return d
      if (p.length !== q.length) return p.length - q.length
    } else if (p !== q) return p < q ? -1 : 1
  }
  return x.length - y.length
}

/** Go's encoding/json writes map keys sorted: objects rendered for Docker's JSON get the same order. */
export function sortedObject<T>(value: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
