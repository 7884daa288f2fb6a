/**
 * The reachability matrix as text: a yes/no table with a numbered footnote
 * for each "no". Columns are as wide as their widest cell (`no12` is wider
 * than a short name), and a table wider than the terminal is cut into
 * column groups printed one under the other, each with the row labels, so
 * a lab of many endpoints stays readable at any width.
 */
import type { Colors } from '../cli/color.js'
import { displayWidth, padDisplay } from '../text/display-width.js'
import { wrapText } from '../text/wrap.js'

/** One cell: reachable, or not with the reason. */
export type MatrixTextCell = { reachable: true } | { reachable: false; reason: string }

export interface MatrixTextOptions {
  /** The endpoints, in the order of rows and columns. */
  names: readonly string[]
  /** cells[i][j]: from names[i] to names[j]. */
  cells: readonly (readonly (MatrixTextCell | undefined)[])[]
  /** What was probed, e.g. "ping (ICMP echo)" or "tcp/80". */
  probe: string
  /** Columns available. */
  width: number
  /** Wrap the footnotes to the width with a hanging indent (on a terminal); else one line each, for grep. */
  wrapNotes?: boolean
  colors?: Colors
}

const CORNER = 'from \\ to'
const GAP = 2

/**
 * Renders the matrix.
 *
 * @example
 * renderMatrixText({ names: ['a', 'b'], cells: [[undefined, { reachable: true }], [{ reachable: false, reason: 'R.' }, undefined]], probe: 'tcp/80', width: 80 })
 */
export function renderMatrixText(options: MatrixTextOptions): string {
  const { names, cells } = options
  const width = Math.max(20, options.width)
  const reasons: string[] = []
  const marks = names.map((from, i) =>
    names.map((to, j) => {
      const cell = cells[i]?.[j]
      if (i === j) return '-'
      if (!cell || cell.reachable) return 'yes'
      reasons.push(`${from} -> ${to}: ${cell.reason}`)
      return `no${reasons.length}`
    }),
  )
  const labelWidth = Math.max(displayWidth(CORNER), ...names.map(displayWidth))
  const columnWidth = names.map((name, j) =>
    Math.max(3, displayWidth(name), ...marks.map((row) => displayWidth(row[j] ?? ''))),
  )
  // Column groups that fit the width (at least one column each).
  const groups: number[][] = []
  let group: number[] = []
  let used = labelWidth
  for (const [j, w] of columnWidth.entries()) {
    if (group.length > 0 && used + GAP + w > width) {
      groups.push(group)
      group = []
      used = labelWidth
    }
    group.push(j)
    used += GAP + w
  }
  if (group.length > 0) groups.push(group)

  const c = options.colors
  const paint = (mark: string) =>
    !c ? mark : mark === 'yes' ? c.green(mark) : mark.startsWith('no') ? c.red(mark) : mark
  const blocks = groups.map((columns) => {
    const header = [
      padDisplay(CORNER, labelWidth),
      ...columns.map((j) => padDisplay(names[j] ?? '', columnWidth[j] ?? 0)),
    ]
    const lines = [header.join(' '.repeat(GAP)).trimEnd()]
    for (const [i, from] of names.entries()) {
      const row = columns.map((j) => {
        const mark = marks[i]?.[j] ?? ''
        return paint(mark) + ' '.repeat(Math.max(0, (columnWidth[j] ?? 0) - displayWidth(mark)))
      })
      lines.push(`${padDisplay(from, labelWidth)}${' '.repeat(GAP)}${row.join(' '.repeat(GAP))}`.trimEnd())
    }
    return lines.join('\n')
  })
  const out = [blocks.join('\n\n'), '', `Probe: ${options.probe}.`]
  if (reasons.length > 0) {
    const markWidth = `no${reasons.length}`.length
    const indent = markWidth + GAP
    out.push('')
    for (const [k, reason] of reasons.entries()) {
      const [first = '', ...rest] = options.wrapNotes
        ? wrapText(reason, Math.max(20, width - indent))
        : [reason]
      out.push(`${padDisplay(`no${k + 1}`, markWidth)}${' '.repeat(GAP)}${first}`)
      for (const line of rest) out.push(`${' '.repeat(indent)}${line}`)
    }
  }
  return `${out.join('\n')}\n`
}
