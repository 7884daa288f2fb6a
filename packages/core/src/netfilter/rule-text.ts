import type { Rule } from '../model/netfilter.js'

/** iptables-save prints bare addresses as host routes ("/32"; ip6tables-save "/128"). */
function withPrefix(address: string): string {
  if (address.includes('/')) return address
  return address.includes(':') ? `${address}/128` : `${address}/32`
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

/**
 * The text of a rule that sits in a chain, rendered once per rule object (a
 * cache beside the lab: a WeakMap, so the lab's JSON is untouched).
 *
 * Why: `iptables -C`/`-D` compare rules by their text, and a container's stop
 * deletes its port rules from chains that hold a rule per published port of
 * the host: rendering the whole chain again at every stop made stopping or
 * removing every container of a big lab quadratic in rendering.
 *
 * What keeps it true: a Rule in a chain is a value, never changed once made
 * (the firewallers build a fresh object for every operation; the
 * iptables-save parser fills one in before it is stored). Only rules read out
 * of chains are cached; the rules of operations being applied or logged are
 * rendered as they come.
 */
const chainTexts = new WeakMap<Rule, string>()

/** {@link renderRuleSpec} of a rule stored in a chain, cached (see chainTexts). */
export function chainRuleText(rule: Rule): string {
  let text = chainTexts.get(rule)
  if (text === undefined) {
    text = renderRuleSpec(rule)
    chainTexts.set(rule, text)
  }
  return text
}

/** Two rules are the same rule when iptables would print them identically (`iptables -C`). */
export function sameRule(a: Rule, b: Rule): boolean {
  return renderRuleSpec(a) === renderRuleSpec(b)
}
