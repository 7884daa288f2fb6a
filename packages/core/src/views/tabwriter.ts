/**
 * Go's text/tabwriter as the docker CLI configures it for tables
 * (`tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`): tab-terminated cells,
 * aligned per column block, each at least 10 wide and 3 wider than its
 * widest cell; a line's last cell is not part of any column.
 */

const MIN_WIDTH = 10
const PADDING = 3

// Go counts runes, not UTF-16 units.
const width = (text: string) => [...text].length

function writeLines(lines: string[][], from: number, to: number, widths: number[], out: string[]): void {
  for (let i = from; i < to; i++) {
    const cells = lines[i] ?? []
    let text = ''
    cells.forEach((cell, j) => {
      text += cell
      const w = widths[j]
      if (w !== undefined) text += ' '.repeat(Math.max(0, w - width(cell)))
    })
    out.push(text)
  }
}

// tabwriter.(*Writer).format: a column block is a run of lines having a cell in that column.
function format(lines: string[][], from: number, to: number, widths: number[], out: string[]): void {
  const column = widths.length
  let line0 = from
  for (let cur = from; cur < to; cur++) {
    if (column >= (lines[cur]?.length ?? 0) - 1) continue
    writeLines(lines, line0, cur, widths, out)
    line0 = cur
    let w = MIN_WIDTH
    for (; cur < to; cur++) {
      const cells = lines[cur] ?? []
      if (column >= cells.length - 1) break
      w = Math.max(w, width(cells[column] ?? '') + PADDING)
    }
    format(lines, line0, cur, [...widths, w], out)
    line0 = cur
    cur--
  }
  writeLines(lines, line0, to, widths, out)
}

/**
 * Aligns tab-separated text as the docker CLI's tables are aligned.
 *
 * @example
 * renderTabwriter('NETWORK ID\tNAME\nab12\tbridge\n') // 'NETWORK ID   NAME\nab12         bridge\n'
 */
export function renderTabwriter(text: string): string {
  const rows = text.split('\n')
  const trailing = rows[rows.length - 1] === ''
  if (trailing) rows.pop()
  const lines = rows.map((row) => row.split('\t'))
  const out: string[] = []
  format(lines, 0, lines.length, [], out)
  return out.join('\n') + (trailing ? '\n' : '')
}
