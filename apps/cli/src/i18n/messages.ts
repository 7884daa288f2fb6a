/**
 * The shape of a message catalog: every language file exports one object of
 * this type, so a key missing from a translation is a type error.
 */

/** Docker's network modes, in the order netmodes shows them. */
export const MODE_NAMES = ['bridge', 'host', 'none', 'container', 'macvlan', 'ipvlan', 'overlay'] as const
export type ModeName = (typeof MODE_NAMES)[number]

/** One mode's row of the comparison table. */
export interface ModeRow {
  /** How a container gets the mode. */
  flag: string
  isolation: string
  ownIp: string
  portConflicts: string
  performance: string
  whenToUse: string
}

export interface Messages {
  modes: {
    title: string
    headers: { mode: string } & Record<keyof ModeRow, string>
    rows: Record<ModeName, ModeRow>
    /** Lines printed under the table: sources, where to go next. */
    notes: string[]
  }
  demo: {
    title: string
    intro: string
    labNow: string
    modesHeading: string
    /** Lines printed at the end: what to try next. */
    next: string[]
  }
}

/** The languages netmodes speaks. */
export const LANGS = ['en', 'zh-CN'] as const
export type Lang = (typeof LANGS)[number]
