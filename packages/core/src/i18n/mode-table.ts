/**
 * The seven network modes side by side, as data: what `netmodes modes
 * --json` prints and the server's modes endpoint returns. The terminal
 * layout of the table stays with the CLI.
 */
import { messagesFor } from './index.js'
import { type Lang, MODE_NAMES, type ModeName, type ModeRow, RULE_TYPES, type RuleType } from './messages.js'

/** The JSON document `netmodes modes --json` prints. */
export interface ModeTableJson {
  lang: Lang
  title: string
  /** Column titles in this language, by field. */
  columns: Record<'mode' | keyof ModeRow, string>
  modes: ({ mode: ModeName } & ModeRow)[]
}

/**
 * The table as data.
 *
 * @example
 * modeTable('en').modes[1]?.ownIp // "No: no interface of its own; ..."
 */
export function modeTable(lang: Lang): ModeTableJson {
  const m = messagesFor(lang).modes
  return {
    lang,
    title: m.title,
    columns: m.headers,
    modes: MODE_NAMES.map((mode) => ({ mode, ...m.rows[mode] })),
  }
}

/**
 * A mode explained from the catalog, keyed by the column titles of the
 * language: how a container gets it, isolation, own IP, ports, performance,
 * when to use it.
 *
 * @example
 * explainMode('host', 'en').MODE // 'host'
 */
export function explainMode(mode: ModeName, lang: Lang): Record<string, string> {
  const m = messagesFor(lang).modes
  const row = m.rows[mode]
  return Object.fromEntries(
    Object.entries(m.headers).map(([key, header]) => [
      header,
      key === 'mode' ? mode : row[key as keyof typeof row],
    ]),
  )
}

/**
 * Is this topic one of Docker's network modes?
 *
 * @example
 * isModeName('macvlan') // true
 */
export const isModeName = (topic: string): topic is ModeName =>
  (MODE_NAMES as readonly string[]).includes(topic)

/**
 * The rule type a topic names, case-insensitively (`dnat` is DNAT).
 *
 * @example
 * ruleTypeOf('docker-user') // 'DOCKER-USER'
 */
export const ruleTypeOf = (topic: string): RuleType | undefined =>
  RULE_TYPES.find((t) => t === topic.toUpperCase())
