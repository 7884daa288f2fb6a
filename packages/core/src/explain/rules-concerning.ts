/**
 * The iptables rules that concern one object of a lab — a container, a
 * bridge, a host interface — each with its one-sentence explanation: the
 * rules that name one of its interfaces (`-i`/`-o`) or one of its addresses
 * (`-s`/`-d`, a DNAT's `--to-destination`). What a UI's side panel shows
 * when you click the object.
 */
import type { Lang } from '../i18n/messages.js'
import type { Rule, TableName } from '../model/netfilter.js'
import type { LabState } from '../model/state.js'
import { renderRuleSpec } from '../netfilter/rule-text.js'
import { tableOf } from '../netfilter/tables.js'
import { explainRule } from './explain.js'

/** What an object is known by in iptables: interface names and IPv4 addresses (no prefix). */
export interface RuleSubject {
  ifnames?: readonly string[]
  addresses?: readonly string[]
}

/** One rule that concerns the subject, as `iptables-save` prints it, and why Docker wrote it. */
export interface ConcerningRule {
  table: TableName
  chain: string
  text: string
  why: string
}

const TABLES: readonly TableName[] = ['raw', 'mangle', 'nat', 'filter']

// iptables-save prints a host address as "/32"; a DNAT target is ADDRESS[:PORT].
const hostOf = (cidr: string | undefined) => cidr?.replace(/\/32$/, '')
const targetHost = (target: string | undefined) => target?.split(':')[0]

function concerns(rule: Rule, ifnames: ReadonlySet<string>, addresses: ReadonlySet<string>): boolean {
  if (rule.inIface !== undefined && ifnames.has(rule.inIface)) return true
  if (rule.outIface !== undefined && ifnames.has(rule.outIface)) return true
  for (const address of [hostOf(rule.src), hostOf(rule.dst), targetHost(rule.toDestination)]) {
    if (address !== undefined && addresses.has(address)) return true
  }
  return false
}

/**
 * @example
 * rulesConcerning(lab, { ifnames: ['docker0'], addresses: ['172.17.0.2'] })
 * // [{ table: 'nat', chain: 'POSTROUTING', text: '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE', why: '...' }, ...]
 */
export function rulesConcerning(lab: LabState, subject: RuleSubject, lang: Lang = 'en'): ConcerningRule[] {
  const ifnames = new Set(subject.ifnames ?? [])
  const addresses = new Set(subject.addresses ?? [])
  const out: ConcerningRule[] = []
  for (const table of TABLES) {
    if (table !== 'nat' && table !== 'filter' && !lab.netfilter[table]) continue
    for (const [chain, { rules }] of Object.entries(tableOf(lab.netfilter, table).chains)) {
      for (const rule of rules) {
        if (rule.unparsed !== undefined || !concerns(rule, ifnames, addresses)) continue
        out.push({
          table,
          chain,
          text: `-A ${chain} ${renderRuleSpec(rule)}`,
          why: explainRule(lab, table, chain, rule, lang),
        })
      }
    }
  }
  return out
}
