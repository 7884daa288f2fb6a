/**
 * How the IPv6 trace reads ip6tables: a packet's fields against a rule's
 * matches, and a chain's verdict with its jumps followed (the IPv4 walk
 * counts addresses in 32 bits and has its own, netfilter-eval.ts).
 */
import { parseCidr6 } from '../ipam/ipv6.js'
import type { Netfilter, Rule, TableName } from '../model/netfilter.js'
import { renderRuleSpec } from '../netfilter/rule-text.js'
import { tableOf } from '../netfilter/tables.js'
import type { TraceProtocol } from './trace-types.js'

/** What a rule sees of an IPv6 packet. */
export interface Packet6 {
  src: bigint
  dst: bigint
  inIface?: string
  outIface?: string
  proto: TraceProtocol
  dport?: number
  /** The destination is one of the host's addresses (`-m addrtype --dst-type LOCAL`). */
  dstLocal?: boolean
}

function inCidr(text: string, ip: bigint): boolean {
  const cidr = parseCidr6(text.includes('/') ? text : `${text}/128`)
  if (!cidr) return false
  const shift = BigInt(128 - cidr.prefix)
  return ip >> shift === cidr.ip >> shift
}

function matches(rule: Rule, p: Packet6): boolean {
  if (rule.unparsed !== undefined) return false
  const test = (given: unknown, ok: boolean, negated?: boolean) => given === undefined || ok !== !!negated
  return (
    test(rule.src, rule.src !== undefined && inCidr(rule.src, p.src), rule.notSrc) &&
    test(rule.dst, rule.dst !== undefined && inCidr(rule.dst, p.dst), rule.notDst) &&
    test(rule.inIface, rule.inIface === p.inIface, rule.notIn) &&
    test(rule.outIface, rule.outIface === p.outIface, rule.notOut) &&
    (rule.proto === undefined || rule.proto === p.proto) &&
    (rule.dport === undefined || rule.dport === p.dport) &&
    // A new connection: conntrack's RELATED,ESTABLISHED does not match it; a source is never LOCAL here.
    rule.ctstate === undefined &&
    (rule.dstType === undefined || !!p.dstLocal) &&
    rule.srcType === undefined
  )
}

export interface Verdict {
  verdict: string
  chain: string
  rule?: string
  /** The rule that decided (a DNAT's `--to-destination`). */
  matched?: Rule
  /** Its place in its chain, 1-based as `ip6tables -L --line-numbers` counts. */
  position?: number
}

/** A built-in chain's verdict for a packet: jumps followed, RETURN and the end of a user chain go back. */
export function verdictOf(nf: Netfilter, table: TableName, chain: string, p: Packet6, depth = 0): Verdict {
  const chains = tableOf(nf, table).chains
  for (const [i, rule] of (chains[chain]?.rules ?? []).entries()) {
    if (!matches(rule, p)) continue
    if (rule.jump === 'RETURN') return { verdict: 'RETURN', chain }
    if (chains[rule.jump] && depth < 32) {
      const inner = verdictOf(nf, table, rule.jump, p, depth + 1)
      if (inner.verdict !== 'RETURN') return inner
      continue
    }
    return {
      verdict: rule.jump,
      chain,
      rule: `-A ${chain} ${renderRuleSpec(rule)}`,
      matched: rule,
      position: i + 1,
    }
  }
  const policy = chains[chain]?.policy
  return { verdict: depth === 0 && policy && policy !== '-' ? policy : 'RETURN', chain }
}
