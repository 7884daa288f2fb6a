/**
 * A table whose cells wrap: the columns share the terminal width, the
 * widest shrinking first, and each row is as tall as its tallest cell.
 */
import { displayWidth, padDisplay } from './display-width.js'
import { longestToken, wrapText } from './wrap.js'

export interface WrappedTableOptions {
  /** Total width in terminal columns. */
  width: number
  /** Narrowest a column may get before the table overflows the width. */
  minColumn?: number
  /** Styling of the header cells and of the first column. */
  header?: (text: string) => string
  firstColumn?: (text: string) => string
}

const GAP = '  '

function columnFloors(rows: readonly string[][], minColumn: number): { natural: number[]; floor: number[] } {
  const count = Math.max(...rows.map((r) => r.length))
  const natural = Array.from({ length: count }, (_, i) =>
    Math.max(1, ...rows.map((r) => displayWidth(r[i] ?? ''))),
  )
  // A column never gets narrower than its longest word (or the minimum), so no word is cut.
  const floor = natural.map((n, i) =>
    Math.min(n, Math.max(minColumn, ...rows.map((r) => longestToken(r[i] ?? '')))),
  )
  return { natural, floor }
}

/** Whether the table fits `width` columns without cutting a word. */
export function tableFits(rows: readonly string[][], width: number, minColumn = 12): boolean {
  const { floor } = columnFloors(rows, minColumn)
  return floor.reduce((a, b) => a + b, 0) + GAP.length * (floor.length - 1) <= width
}

function columnWidths(rows: readonly string[][], width: number, minColumn: number): number[] {
  const { natural, floor } = columnFloors(rows, minColumn)
  const count = natural.length
  const widths = [...natural]
  const budget = width - GAP.length * (count - 1)
  // The first column (names) keeps its width; the others give up columns, widest first.
  for (let total = widths.reduce((a, b) => a + b, 0); total > budget; total--) {
    let widest = -1
    for (let i = 1; i < count; i++) {
      if ((widths[i] ?? 0) > (floor[i] ?? 0) && (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0)))
        widest = i
    }
    if (widest < 0) break
    widths[widest] = (widths[widest] ?? 0) - 1
  }
  return widths
}

/**
 * Renders rows (the first one is the header) as a wrapped table, with a
 * rule under the header and a blank line between rows.
 *
 * @example
 * renderWrappedTable([['MODE', 'OWN IP'], ['host', "No: the host's"]], { width: 40 })
 */
export function renderWrappedTable(rows: readonly string[][], options: WrappedTableOptions): string {
  const widths = columnWidths(rows, options.width, options.minColumn ?? 12)
  const lines: string[] = []
  rows.forEach((row, r) => {
    const cells = widths.map((w, i) => wrapText(row[i] ?? '', w))
    const height = Math.max(...cells.map((c) => c.length))
    for (let l = 0; l < height; l++) {
      const text = widths
        .map((w, i) => {
          const cell = padDisplay(cells[i]?.[l] ?? '', w)
          if (r === 0) return options.header ? options.header(cell) : cell
          if (i === 0 && options.firstColumn) return options.firstColumn(cell)
          return cell
        })
        .join(GAP)
      lines.push(text.trimEnd())
    }
    if (r === 0)
      lines.push(
        '─'.repeat(
          Math.min(
            options.width,
            widths.reduce((a, b) => a + b + GAP.length, -GAP.length),
          ),
        ),
      )
    else if (r < rows.length - 1) lines.push('')
  })
  return `${lines.join('\n')}\n`
}
