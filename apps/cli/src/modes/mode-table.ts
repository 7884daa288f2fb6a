/**
 * `netmodes modes`: the seven network modes side by side, from core's message
 * catalogs (English, Chinese), laid out for a terminal.
 */
import { type Lang, MODE_NAMES, messagesFor, modeTable } from '@netmodes/core'
import type { Colors } from '../cli/color.js'
import { displayWidth, padDisplay } from '../text/display-width.js'
import { wrapText } from '../text/wrap.js'
import { renderWrappedTable, tableFits } from '../text/wrapped-table.js'

const FIELDS = ['flag', 'isolation', 'ownIp', 'portConflicts', 'performance', 'whenToUse'] as const

/** One block per mode, for terminals too narrow for seven columns side by side. */
function renderModeCards(lang: Lang, width: number, colors?: Colors): string {
  const m = messagesFor(lang).modes
  const labelWidth = Math.max(...FIELDS.slice(1).map((f) => displayWidth(m.headers[f])))
  const blocks = MODE_NAMES.map((mode) => {
    const row = m.rows[mode]
    const lines = [`${colors ? colors.cyan(mode) : mode}  ${row.flag}`]
    for (const field of FIELDS.slice(1)) {
      const label = padDisplay(m.headers[field], labelWidth)
      wrapText(row[field], Math.max(20, width - labelWidth - 4)).forEach((text, i) => {
        const head = i === 0 ? (colors ? colors.bold(label) : label) : ' '.repeat(labelWidth)
        lines.push(`  ${head}  ${text}`)
      })
    }
    return lines.join('\n')
  })
  return `${blocks.join('\n\n')}\n`
}

/** The table as text, `width` columns wide (one block per mode when seven columns do not fit). */
export function renderModeTable(lang: Lang, width: number, colors?: Colors): string {
  const m = messagesFor(lang).modes
  const h = m.headers
  const rows = [
    [h.mode, ...FIELDS.map((c) => h[c])],
    ...MODE_NAMES.map((mode) => [mode, ...FIELDS.map((c) => m.rows[mode][c])]),
  ]
  if (!tableFits(rows, width)) return `${renderModeCards(lang, width, colors)}\n${m.notes.join('\n')}\n`
  const table = renderWrappedTable(rows, {
    width,
    ...(colors ? { header: colors.bold, firstColumn: colors.cyan } : {}),
  })
  return `${table}\n${m.notes.join('\n')}\n`
}

export interface PrintModesOptions {
  lang: Lang
  json: boolean
  width: number
  stdout: (text: string) => void
  colors?: Colors
}

/**
 * Prints the table (or its JSON); returns the exit code.
 *
 * @example
 * printModes({ lang: 'zh-CN', json: false, width: 120, stdout: (s) => process.stdout.write(s) }) // 0
 */
export function printModes(options: PrintModesOptions): number {
  if (options.json) {
    options.stdout(`${JSON.stringify(modeTable(options.lang), null, 2)}\n`)
    return 0
  }
  const title = messagesFor(options.lang).modes.title
  options.stdout(`${options.colors ? options.colors.bold(title) : title}\n\n`)
  options.stdout(renderModeTable(options.lang, options.width, options.colors))
  return 0
}

/** The width to lay text out in: the terminal's, else $COLUMNS, else 120. */
export function outputWidth(
  stream: { isTTY?: boolean; columns?: number },
  env: Readonly<Record<string, string | undefined>>,
): number {
  if (stream.isTTY && stream.columns) return stream.columns
  const columns = Number(env.COLUMNS)
  return Number.isInteger(columns) && columns >= 40 ? columns : 120
}
