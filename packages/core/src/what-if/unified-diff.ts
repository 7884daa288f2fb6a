/**
 * A unified diff of two texts, line by line, as `diff -u` prints it: the
 * shortest edit script (Myers' O(ND) algorithm, "An O(ND) Difference
 * Algorithm and Its Variations", 1986), grouped into hunks with `context`
 * unchanged lines around each change. Used for `iptables-save` before and
 * after a what-if, where rules are few and changes fewer, so D stays small.
 */

/** One line of the edit script: kept, removed from the first text, or added by the second. */
export interface DiffLine {
  op: ' ' | '-' | '+'
  text: string
}

function linesOf(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/**
 * The shortest edit script turning `a` into `b`. Deletions come before
 * insertions where both are possible, as GNU diff prints them.
 *
 * @example
 * editScript(['x', 'y'], ['x', 'z']) // [{op:' ',text:'x'},{op:'-',text:'y'},{op:'+',text:'z'}]
 */
export function editScript(a: readonly string[], b: readonly string[]): DiffLine[] {
  const n = a.length
  const m = b.length
  const max = n + m
  const offset = max + 1
  // v[k + offset]: the furthest x on diagonal k; one snapshot per d for the walk back.
  let v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let found = max === 0
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v)
    const next = v.slice()
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[k - 1 + offset] ?? 0) < (v[k + 1 + offset] ?? 0))
      let x = down ? (v[k + 1 + offset] ?? 0) : (v[k - 1 + offset] ?? 0) + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      next[k + offset] = x
      if (x >= n && y >= m) {
        found = true
        break
      }
    }
    v = next
  }
  trace.push(v)
  // Walk back from (n, m) through the snapshots, one edit per d, each after its snake.
  const out: DiffLine[] = []
  let x = n
  let y = m
  for (let d = trace.length - 2; d > 0; d--) {
    const prev = trace[d] as Int32Array
    const k = x - y
    const down = k === -d || (k !== d && (prev[k - 1 + offset] ?? 0) < (prev[k + 1 + offset] ?? 0))
    const prevK = down ? k + 1 : k - 1
    const prevX = prev[prevK + offset] ?? 0
    const startX = down ? prevX : prevX + 1
    const startY = startX - k
    while (x > startX && y > startY) {
      x--
      y--
      out.push({ op: ' ', text: a[x] as string })
    }
    if (down) out.push({ op: '+', text: b[--y] as string })
    else out.push({ op: '-', text: a[--x] as string })
  }
  while (x > 0 && y > 0) {
    x--
    y--
    out.push({ op: ' ', text: a[x] as string })
  }
  return out.reverse()
}

/** What {@link unifiedDiff} names the two sides in its `---` and `+++` lines. */
export interface DiffLabels {
  from: string
  to: string
}

/**
 * `diff -u` of two texts: '' when they are equal, else the `---`/`+++`
 * header and hunks `@@ -l,s +l,s @@` with `context` lines around changes.
 *
 * @example
 * unifiedDiff('a\nb\n', 'a\nc\n', { from: 'before', to: 'after' })
 * // '--- before\n+++ after\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n'
 */
export function unifiedDiff(before: string, after: string, labels: DiffLabels, context = 3): string {
  const script = editScript(linesOf(before), linesOf(after))
  if (script.every((l) => l.op === ' ')) return ''
  const out = [`--- ${labels.from}`, `+++ ${labels.to}`]
  // Line numbers before each script entry, on both sides.
  const aLine: number[] = []
  const bLine: number[] = []
  let ai = 1
  let bi = 1
  for (const l of script) {
    aLine.push(ai)
    bLine.push(bi)
    if (l.op !== '+') ai++
    if (l.op !== '-') bi++
  }
  let i = 0
  while (i < script.length) {
    // The next change, and the hunk around it: changes closer than 2*context join one hunk.
    while (i < script.length && script[i]?.op === ' ') i++
    if (i >= script.length) break
    const start = Math.max(0, i - context)
    let end = i
    for (;;) {
      while (end < script.length && script[end]?.op !== ' ') end++
      let gap = end
      while (gap < script.length && script[gap]?.op === ' ') gap++
      if (gap < script.length && gap - end <= 2 * context) end = gap
      else {
        end = Math.min(script.length, end + context)
        break
      }
    }
    const hunk = script.slice(start, end)
    const aCount = hunk.filter((l) => l.op !== '+').length
    const bCount = hunk.filter((l) => l.op !== '-').length
    // diff -u names an empty side by the line before it (0 at the top).
    const aStart = aCount === 0 ? (aLine[start] ?? 1) - 1 : (aLine[start] ?? 1)
    const bStart = bCount === 0 ? (bLine[start] ?? 1) - 1 : (bLine[start] ?? 1)
    out.push(`@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@`)
    for (const l of hunk) out.push(`${l.op}${l.text}`)
    i = end
  }
  return `${out.join('\n')}\n`
}

/** A hunk range as diff prints it: the count is left out when it is 1. */
function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`
}
