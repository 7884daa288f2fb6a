/**
 * Evaluates a built-in iptables chain for one packet as the kernel's
 * ipt_do_table does: rules in order, first match acts; a jump to a user
 * chain pushes a return point; RETURN (or running off the end of a user
 * chain) pops it; running off the end of a built-in chain applies its policy.
 */

import type { Netfilter, Rule, TableName } from '../model/netfilter.js'
import { renderRuleSpec } from '../netfilter/rule-text.js'
import { tableOf } from '../netfilter/tables.js'
import type { ChainIndex, CompiledRule, PacketContext } from './rule-index.js'
import { chainIndex, firstMatch } from './rule-index.js'

/** One rule that matched on the way, with the line `iptables-save` prints for it. */
export interface MatchedRule {
  table: TableName
  chain: string
  /** 1-based position in its chain. */
  position: number
  rule: Rule
  text: string
  target: string
}

/** How a chain ended for the packet. */
export interface ChainVerdict {
  /** ACCEPT, DROP, REJECT, or the NAT target that took the packet (DNAT, SNAT, MASQUERADE). */
  verdict: string
  /** Every rule that matched, in order: jumps, RETURNs, and the deciding rule. */
  matched: MatchedRule[]
  /** The rule that decided; absent when the built-in chain's policy did. */
  decidedBy?: MatchedRule
  /** Set when the policy decided. */
  policy?: string
}

// iptables refuses loops; this only guards hand-made tables.
const MAX_DEPTH = 64

interface Frame {
  name: string
  index: ChainIndex
  next: number
}

const specCache = new WeakMap<Rule, string>()

/**
 * A rule's `iptables-save` line ("-A FORWARD -o docker0 -j DOCKER"), cached
 * per rule object.
 *
 * @example
 * ruleLine('FORWARD', { outIface: 'docker0', jump: 'DOCKER' }) // '-A FORWARD -o docker0 -j DOCKER'
 */
export function ruleLine(chain: string, rule: Rule): string {
  let spec = specCache.get(rule)
  if (spec === undefined) {
    spec = renderRuleSpec(rule)
    specCache.set(rule, spec)
  }
  return `-A ${chain} ${spec}`
}

/**
 * Runs a packet through a built-in chain of a table.
 *
 * @example
 * evaluateChain(lab.netfilter, 'filter', 'FORWARD', packet).verdict // 'ACCEPT'
 */
export function evaluateChain(
  nf: Netfilter,
  table: TableName,
  chain: string,
  p: PacketContext,
): ChainVerdict {
  const chains = tableOf(nf, table).chains
  const builtin = chains[chain]
  const matched: MatchedRule[] = []
  if (!builtin) return { verdict: 'ACCEPT', matched, policy: 'ACCEPT' }
  const stack: Frame[] = [{ name: chain, index: chainIndex(builtin.rules), next: 0 }]
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame
    const at = firstMatch(frame.index, p, frame.next)
    if (at < 0) {
      stack.pop()
      continue
    }
    frame.next = at + 1
    const c = frame.index.compiled[at] as CompiledRule
    const rule = c.rule
    if (c.line === undefined) c.line = ruleLine(frame.name, rule)
    const hit: MatchedRule = {
      table,
      chain: frame.name,
      position: at + 1,
      rule,
      text: c.line,
      target: rule.jump,
    }
    matched.push(hit)
    if (c.terminal) return { verdict: rule.jump, matched, decidedBy: hit }
    if (rule.jump === 'RETURN') {
      stack.pop()
      continue
    }
    const target = chains[rule.jump]
    // A target that is no chain (LOG, MARK...) does not decide: the next rule is tried.
    if (target && stack.length < MAX_DEPTH)
      stack.push({ name: rule.jump, index: chainIndex(target.rules), next: 0 })
  }
  const policy = builtin.policy === '-' ? 'ACCEPT' : builtin.policy
  return { verdict: policy, matched, policy }
}
