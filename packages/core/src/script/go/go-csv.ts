/**
 * One `encoding/csv` `Reader.Read()` over a string, as pflag's string-slice
 * flags (`--subnet a,b`) and docker's `--network name=a,alias=b` use it:
 * only the first record is read, quotes follow RFC 4180, and errors carry
 * Go 1.19's text ("parse error on line 1, column 2: bare \" in non-quoted-field").
 */
import { GoValueError } from './go-value-error.js'

const BARE_QUOTE = 'bare " in non-quoted-field'
const QUOTE = 'extraneous or missing " in quoted-field'

/**
 * Reads the first CSV record of `text`, throwing Go's error text ("EOF" when
 * there is no record at all).
 *
 * @example
 * readGoCsvRecord('a,"b,c"') // ['a', 'b,c']
 * readGoCsvRecord('a"b') // throws 'parse error on line 1, column 2: bare " in non-quoted-field'
 */
export function readGoCsvRecord(text: string): string[] {
  // Split into lines the way readLine does: keep the '\n', drop a '\r' before
  // EOF and fold '\r\n' into '\n'.
  const lines: string[] = []
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start)
    let line = nl < 0 ? text.slice(start) : text.slice(start, nl + 1)
    start = nl < 0 ? text.length : nl + 1
    if (nl < 0 && line.endsWith('\r')) line = line.slice(0, -1)
    if (line.endsWith('\r\n')) line = `${line.slice(0, -2)}\n`
    lines.push(line)
  }
  let lineIndex = 0
  // Skip empty lines before the record.
  while (lineIndex < lines.length && (lines[lineIndex] === '\n' || lines[lineIndex] === '')) lineIndex++
  if (lineIndex >= lines.length) throw new GoValueError('EOF')
  const recordLine = lineIndex + 1
  let fullLine = lines[lineIndex] ?? ''
  let line = fullLine
  let lineNumber = recordLine
  const fail = (column: number, why: string): GoValueError =>
    new GoValueError(
      recordLine === lineNumber
        ? `parse error on line ${lineNumber}, column ${column}: ${why}`
        : `record on line ${recordLine}; parse error on line ${lineNumber}, column ${column}: ${why}`,
    )
  const runes = (s: string): number => [...s].length
  const withoutNL = (s: string): string => (s.endsWith('\n') ? s.slice(0, -1) : s)
  const fields: string[] = []
  for (;;) {
    if (line.length === 0 || line[0] !== '"') {
      const comma = line.indexOf(',')
      const field = comma >= 0 ? line.slice(0, comma) : withoutNL(line)
      const quote = field.indexOf('"')
      // Go 1.19 reports 1-based columns: the position of the offending quote.
      if (quote >= 0)
        throw fail(runes(fullLine.slice(0, fullLine.length - line.length + quote)) + 1, BARE_QUOTE)
      fields.push(field)
      if (comma >= 0) {
        line = line.slice(comma + 1)
        continue
      }
      return fields
    }
    line = line.slice(1)
    let value = ''
    for (;;) {
      const quote = line.indexOf('"')
      if (quote >= 0) {
        value += line.slice(0, quote)
        line = line.slice(quote + 1)
        if (line[0] === '"') {
          value += '"'
          line = line.slice(1)
        } else if (line[0] === ',') {
          line = line.slice(1)
          fields.push(value)
          break
        } else if (line === '' || line === '\n') {
          fields.push(value)
          return fields
        } else {
          throw fail(runes(fullLine.slice(0, fullLine.length - line.length - 1)) + 1, QUOTE)
        }
      } else if (line.length > 0) {
        // The quoted field runs on past this line.
        value += line
        // Go 1.19 reports an unterminated quote at one past the last line read.
        if (lineIndex + 1 >= lines.length) throw fail(runes(fullLine) + 1, QUOTE)
        lineIndex++
        lineNumber++
        fullLine = lines[lineIndex] ?? ''
        line = fullLine
      } else {
        throw fail(runes(fullLine) + 1, QUOTE)
      }
    }
  }
}
