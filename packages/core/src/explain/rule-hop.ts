/**
 * The sentence of the rule a traced packet matched: a trace's `rule` hop
 * names its table, chain and 1-based position, which is the rule `explainRule`
 * explains. What a UI shows beside each hop of a trace.
 */
import type { Hop } from '../dataplane/trace-types.js'
import type { Lang } from '../i18n/messages.js'
import type { LabState } from '../model/state.js'
import { tableOf } from '../netfilter/tables.js'
import { explainRule } from './explain.js'

/**
 * @example
 * trace(lab, { from: 'lan', to: 'host:8080/tcp' }).hops.map((hop) => explainRuleHop(lab, hop))
 * // [..., 'Port 8080/tcp on every host address is published: ... web ...', ...]
 */
export function explainRuleHop(lab: LabState, hop: Hop, lang: Lang = 'en'): string | undefined {
  // The lab's netfilter is the host's: rules inside a container's namespace are not modelled.
  if (hop.kind !== 'rule' || hop.namespace !== 'host') return undefined
  if (hop.table !== 'nat' && hop.table !== 'filter' && !lab.netfilter[hop.table]) return undefined
  const rule = tableOf(lab.netfilter, hop.table).chains[hop.chain]?.rules[hop.position - 1]
  return rule ? explainRule(lab, hop.table, hop.chain, rule, lang) : undefined
}
