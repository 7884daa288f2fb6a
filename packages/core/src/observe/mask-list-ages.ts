/**
 * `docker ps` and `docker network ls` print ages and times measured on the
 * client's clock ("2 seconds ago", "Up 1 second", "2026-12-02 07:38:13.17
 * +0000 UTC"): a recording and the simulator's clock never agree on them.
 * They are masked, everything else of the output is kept: a table is
 * compared cell by cell (the tabwriter widths follow from the ages, so they
 * are not compared where an age was masked), any other text as it is.
 */

// go-units HumanDuration's words, and Go's time.Time.String() in UTC.
const AGE =
  /\b(Less than a second|About a minute|About an hour|\d+ (seconds?|minutes|hours|days|weeks|months|years))\b/g
const TIME = /\b\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC\b/g

const mask = (text: string) => text.replace(AGE, '<age>').replace(TIME, '<time>')

// Column starts of a tabwriter table, read off its header (cells are 3 or more spaces apart).
function columnStarts(header: string): number[] {
  const starts = [0]
  const gaps = /\s{3,}(?=\S)/g
  for (let m = gaps.exec(header); m; m = gaps.exec(header)) starts.push(m.index + m[0].length)
  return starts
}

/**
 * The output with ages and times masked; `rename` (random ids to names) is
 * applied per cell, after the table is cut at its columns.
 *
 * @example
 * maskListAges('NAMES     STATUS\nweb       Up 2 seconds\n', (s) => s) // 'NAMES | STATUS\nweb | Up <age>\n'
 */
export function maskListAges(stdout: string, rename: (text: string) => string): string {
  if (mask(stdout) === stdout) return rename(stdout)
  const lines = stdout.split('\n')
  const header = lines[0] ?? ''
  const table = /^[A-Z][A-Z ]*[A-Z](\s{3,}[A-Z][A-Z ]*[A-Z])+\s*$/.test(header)
  if (!table) return mask(rename(stdout))
  const starts = columnStarts(header)
  return lines
    .map((line) => {
      if (line === '') return line
      const runes = [...line]
      return starts
        .map((start, i) =>
          mask(
            rename(
              runes
                .slice(start, starts[i + 1] ?? runes.length)
                .join('')
                .trimEnd(),
            ),
          ),
        )
        .join(' | ')
        .trimEnd()
    })
    .join('\n')
}
