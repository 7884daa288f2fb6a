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

/**
 * The rule types `netmodes explain RULE` explains without a lab: the
 * targets and chains Docker 20.10 writes (libnetwork's iptables.go and
 * bridge/setup_ip_tables.go).
 */
export const RULE_TYPES = [
  'DNAT',
  'MASQUERADE',
  'DOCKER',
  'DOCKER-USER',
  'DOCKER-ISOLATION-STAGE-1',
  'DOCKER-ISOLATION-STAGE-2',
] as const
export type RuleType = (typeof RULE_TYPES)[number]

export interface Messages {
  modes: {
    title: string
    headers: { mode: string } & Record<keyof ModeRow, string>
    rows: Record<ModeName, ModeRow>
    /** Lines printed under the table: sources, where to go next. */
    notes: string[]
  }
  explain: {
    /** What each rule type does, in general (no lab needed). */
    ruleTypes: Record<RuleType, string>
    /** Heading above the lab's own rules of a type. */
    inTheLab: string
    /** Said when the lab has no rule of the type. */
    noneInTheLab: string
  }
  /** The words around a trace's hops (the hops and reasons have catalogs of their own in dataplane/). */
  trace: {
    delivered: string
    reply: string
    replyBack: string
    /** Followed directly by the reason (the separator is the language's). */
    replyLost: string
    /** Followed directly by the reason. */
    dropped: string
    /** The matrix's heading for a ping probe. */
    pingProbe: string
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
