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
  // One string grown piece by piece (each match ends with its space), not an
  // array joined: every iptables command a docker run logs renders its rule.
  let text = ''
  if (rule.src) text += `${rule.notSrc ? '! ' : ''}-s ${withPrefix(rule.src)} `
  if (rule.dst) text += `${rule.notDst ? '! ' : ''}-d ${withPrefix(rule.dst)} `
  if (rule.inIface) text += `${rule.notIn ? '! ' : ''}-i ${rule.inIface} `
  if (rule.outIface) text += `${rule.notOut ? '! ' : ''}-o ${rule.outIface} `
  if (rule.proto) text += `-p ${rule.proto} `
  if (rule.dstType) text += `-m addrtype --dst-type ${rule.dstType} `
  if (rule.srcType) text += `-m addrtype --src-type ${rule.srcType} `
  if (rule.ctstate) text += `-m conntrack --ctstate ${rule.ctstate} `
  if (rule.dport !== undefined && rule.proto) text += `-m ${rule.proto} --dport ${rule.dport} `
  text += `-j ${rule.jump}`
  if (rule.toDestination) text += ` --to-destination ${rule.toDestination}`
  if (rule.toSource) text += ` --to-source ${rule.toSource}`
  return text
}

/** Two rules are the same rule when iptables would print them identically (`iptables -C`). */
export function sameRule(a: Rule, b: Rule): boolean {
  return renderRuleSpec(a) === renderRuleSpec(b)
}
