import type { Rule } from '../model/netfilter.js'

/** iptables-save prints bare addresses as host routes ("/32"). */
function withPrefix(address: string): string {
  return address.includes('/') ? address : `${address}/32`
}

/**
 * Renders a rule's match and target exactly as `iptables-save` prints them
 * (iptables 1.8, nf_tables or legacy): addresses, interfaces, protocol, match
 * modules, then the target.
 *
 * @example
 * renderRuleSpec({ outIface: 'docker0', jump: 'DOCKER' }) // "-o docker0 -j DOCKER"
 */
export function renderRuleSpec(rule: Rule): string {
  if (rule.unparsed) return rule.unparsed
  const parts: string[] = []
  const neg = (flag: boolean | undefined) => (flag ? '! ' : '')
  if (rule.src) parts.push(`${neg(rule.notSrc)}-s ${withPrefix(rule.src)}`)
  if (rule.dst) parts.push(`${neg(rule.notDst)}-d ${withPrefix(rule.dst)}`)
  if (rule.inIface) parts.push(`${neg(rule.notIn)}-i ${rule.inIface}`)
  if (rule.outIface) parts.push(`${neg(rule.notOut)}-o ${rule.outIface}`)
  if (rule.proto) parts.push(`-p ${rule.proto}`)
  if (rule.dstType) parts.push(`-m addrtype --dst-type ${rule.dstType}`)
  if (rule.srcType) parts.push(`-m addrtype --src-type ${rule.srcType}`)
  if (rule.ctstate) parts.push(`-m conntrack --ctstate ${rule.ctstate}`)
  if (rule.dport !== undefined && rule.proto) parts.push(`-m ${rule.proto} --dport ${rule.dport}`)
  parts.push(`-j ${rule.jump}`)
  if (rule.toDestination) parts.push(`--to-destination ${rule.toDestination}`)
  if (rule.toSource) parts.push(`--to-source ${rule.toSource}`)
  return parts.join(' ')
}

/** Two rules are the same rule when iptables would print them identically (`iptables -C`). */
export function sameRule(a: Rule, b: Rule): boolean {
  return renderRuleSpec(a) === renderRuleSpec(b)
}
