/**
 * First-match search over an iptables chain without scanning it. Docker's
 * big chains are made of rules that each name one fixed value: nat DOCKER
 * one DNAT per published port (protocol + host port), filter DOCKER one
 * ACCEPT per container address, FORWARD and the isolation chains a handful
 * per bridge (in/out interface), POSTROUTING one MASQUERADE per subnet. Each
 * rule goes into one bucket keyed by such a value it requires; a packet can
 * only match rules in the buckets its own values select, so the first match
 * is the smallest matching position over those few buckets: exactly the rule
 * a linear scan would return.
 */

import { maskOf, parseCidr } from '../ipam/ipv4.js'
import type { Rule } from '../model/netfilter.js'
import { parseQuad } from './_ip-text.js'

/** What the rules of a chain are matched against. */
export interface PacketContext {
  /** Input interface; "" for locally generated packets (iptables' NULL indev). */
  inIface: string
  /** Output interface; "" before the routing decision (PREROUTING). */
  outIface: string
  src: number
  dst: number
  proto: 'tcp' | 'udp' | 'icmp'
  /** Destination port; 0 for ICMP. */
  dport: number
  ctstate: 'NEW' | 'ESTABLISHED'
  /** `-m addrtype --src-type LOCAL` / `--dst-type LOCAL` would match. */
  srcLocal: boolean
  dstLocal: boolean
}

/** A rule with its addresses as numbers, ready to be matched. */
export interface CompiledRule {
  rule: Rule
  /** An address the rule names could not be parsed: it matches nothing. */
  never: boolean
  hasSrc: boolean
  srcNet: number
  srcMask: number
  srcPrefix: number
  hasDst: boolean
  dstNet: number
  dstMask: number
  dstPrefix: number
  inIface: string | undefined
  /** `-i eth+`: the prefix; undefined for an exact name. */
  inPrefix: string | undefined
  outIface: string | undefined
  outPrefix: string | undefined
  dport: number
  ctstates: string[] | undefined
  /** The target ends the table's traversal (ACCEPT, DROP, the NAT targets...). */
  terminal: boolean
  /** The `iptables-save` line, filled when first shown. */
  line: string | undefined
}

interface LengthBuckets {
  mask: number
  byNet: Map<number, number[]>
}

/** The buckets of one chain, and what identifies the chain's contents when built. */
export interface ChainIndex {
  compiled: CompiledRule[]
  dst: LengthBuckets[]
  src: LengthBuckets[]
  portKey: Map<number, number[]>
  inIface: Map<string, number[]>
  outIface: Map<string, number[]>
  any: number[]
  length: number
  first: Rule | undefined
  last: Rule | undefined
}

const PROTO_CODE: Record<string, number> = { tcp: 1, udp: 2, sctp: 3, icmp: 4 }

function parseAddress(text: string): { ip: number; prefix: number } | undefined {
  const slash = text.indexOf('/')
  if (slash < 0) {
    const ip = parseQuad(text)
    return ip === undefined ? undefined : { ip, prefix: 32 }
  }
  // The common "a.b.c.d/n" quickly; anything unusual through the exact parser.
  const ip = parseQuad(text.slice(0, slash))
  const prefix = Number(text.slice(slash + 1))
  if (ip !== undefined && /^[0-9]{1,2}$/.test(text.slice(slash + 1)) && prefix <= 32) return { ip, prefix }
  return parseCidr(text)
}

// Targets that end the traversal of the table (the NAT ones accept after rewriting).
const TERMINAL = new Set(['ACCEPT', 'DROP', 'REJECT', 'DNAT', 'SNAT', 'MASQUERADE', 'REDIRECT'])

/** `-i eth+` is a prefix match, as in iptables' ifname comparison. */
function wildcard(name: string | undefined): string | undefined {
  return name?.endsWith('+') ? name.slice(0, -1) : undefined
}

/**
 * Compiles one rule.
 *
 * @example
 * compileRule({ dst: '172.17.0.2', proto: 'tcp', dport: 80, jump: 'ACCEPT' }).dstPrefix // 32
 */
export function compileRule(rule: Rule): CompiledRule {
  const src = rule.src === undefined ? undefined : parseAddress(rule.src)
  const dst = rule.dst === undefined ? undefined : parseAddress(rule.dst)
  const srcMask = maskOf(src?.prefix ?? 0)
  const dstMask = maskOf(dst?.prefix ?? 0)
  return {
    rule,
    never: (rule.src !== undefined && !src) || (rule.dst !== undefined && !dst),
    hasSrc: src !== undefined,
    srcNet: ((src?.ip ?? 0) & srcMask) >>> 0,
    srcMask,
    srcPrefix: src?.prefix ?? 0,
    hasDst: dst !== undefined,
    dstNet: ((dst?.ip ?? 0) & dstMask) >>> 0,
    dstMask,
    dstPrefix: dst?.prefix ?? 0,
    inIface: rule.inIface,
    inPrefix: wildcard(rule.inIface),
    outIface: rule.outIface,
    outPrefix: wildcard(rule.outIface),
    dport: rule.dport !== undefined && rule.proto ? rule.dport : -1,
    ctstates: rule.ctstate?.split(','),
    terminal: TERMINAL.has(rule.jump),
    line: undefined,
  }
}

/**
 * Whether a compiled rule matches a packet (every match of the rule must
 * hold; `!` negates one).
 *
 * @example
 * ruleMatches(compileRule({ outIface: 'docker0', jump: 'DOCKER' }), packet)
 */
export function ruleMatches(c: CompiledRule, p: PacketContext): boolean {
  if (c.never) return false
  const r = c.rule
  if (c.hasSrc && ((p.src & c.srcMask) >>> 0 === c.srcNet) === (r.notSrc === true)) return false
  if (c.hasDst && ((p.dst & c.dstMask) >>> 0 === c.dstNet) === (r.notDst === true)) return false
  if (c.inIface !== undefined) {
    const hit = c.inPrefix === undefined ? c.inIface === p.inIface : p.inIface.startsWith(c.inPrefix)
    if (hit === (r.notIn === true)) return false
  }
  if (c.outIface !== undefined) {
    const hit = c.outPrefix === undefined ? c.outIface === p.outIface : p.outIface.startsWith(c.outPrefix)
    if (hit === (r.notOut === true)) return false
  }
  if (r.proto !== undefined && r.proto !== p.proto) return false
  if (c.dport >= 0 && c.dport !== p.dport) return false
  if (r.dstType === 'LOCAL' && !p.dstLocal) return false
  if (r.srcType === 'LOCAL' && !p.srcLocal) return false
  if (c.ctstates && !c.ctstates.includes(p.ctstate)) return false
  return true
}

function pushTo<K>(map: Map<K, number[]>, key: K, position: number): void {
  const list = map.get(key)
  if (list) list.push(position)
  else map.set(key, [position])
}

function lengthBuckets(list: LengthBuckets[], prefix: number): LengthBuckets {
  const mask = maskOf(prefix)
  let found = list.find((b) => b.mask === mask)
  if (!found) {
    found = { mask, byNet: new Map() }
    list.push(found)
  }
  return found
}

function buildChainIndex(rules: Rule[]): ChainIndex {
  const index: ChainIndex = {
    compiled: [],
    dst: [],
    src: [],
    portKey: new Map(),
    inIface: new Map(),
    outIface: new Map(),
    any: [],
    length: rules.length,
    first: rules[0],
    last: rules[rules.length - 1],
  }
  rules.forEach((rule, i) => {
    const c = compileRule(rule)
    index.compiled.push(c)
    // The bucket is one value the rule requires, most selective first.
    if (c.hasDst && !rule.notDst) pushTo(lengthBuckets(index.dst, c.dstPrefix).byNet, c.dstNet, i)
    else if (c.hasSrc && !rule.notSrc) pushTo(lengthBuckets(index.src, c.srcPrefix).byNet, c.srcNet, i)
    else if (c.dport >= 0 && rule.proto)
      pushTo(index.portKey, (PROTO_CODE[rule.proto] ?? 0) * 65536 + c.dport, i)
    else if (rule.inIface && !rule.notIn && !rule.inIface.endsWith('+'))
      pushTo(index.inIface, rule.inIface, i)
    else if (rule.outIface && !rule.notOut && !rule.outIface.endsWith('+'))
      pushTo(index.outIface, rule.outIface, i)
    else index.any.push(i)
  })
  return index
}

const cache = new WeakMap<Rule[], ChainIndex>()

/**
 * The (cached) index of a chain's rules. The engine changes chains only
 * through `applyNetfilterOp` (append, insert at the top, delete, and undo of
 * those), so a changed chain has a different length or different first or
 * last rule object; that is what the cache checks.
 *
 * @example
 * firstMatch(chainIndex(lab.netfilter.nat.chains.DOCKER!.rules), packet, 0)
 */
export function chainIndex(rules: Rule[]): ChainIndex {
  const hit = cache.get(rules)
  if (hit && hit.length === rules.length && hit.first === rules[0] && hit.last === rules[rules.length - 1])
    return hit
  const fresh = buildChainIndex(rules)
  cache.set(rules, fresh)
  return fresh
}

function scanBucket(
  index: ChainIndex,
  bucket: number[] | undefined,
  p: PacketContext,
  from: number,
  best: number,
) {
  if (!bucket) return best
  // Lower bound: first position >= from (buckets are in ascending order).
  let lo = 0
  let hi = bucket.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((bucket[mid] as number) < from) lo = mid + 1
    else hi = mid
  }
  for (let k = lo; k < bucket.length; k++) {
    const at = bucket[k] as number
    if (at >= best) return best
    if (ruleMatches(index.compiled[at] as CompiledRule, p)) return at
  }
  return best
}

/**
 * The position of the first rule at or after `from` that matches the
 * packet, or -1: the same rule a linear scan returns.
 *
 * @example
 * firstMatch(chainIndex(chain.rules), packet, 0) // 3
 */
export function firstMatch(index: ChainIndex, p: PacketContext, from: number): number {
  let best = Number.POSITIVE_INFINITY
  for (const b of index.dst) best = scanBucket(index, b.byNet.get((p.dst & b.mask) >>> 0), p, from, best)
  for (const b of index.src) best = scanBucket(index, b.byNet.get((p.src & b.mask) >>> 0), p, from, best)
  if (p.dport > 0)
    best = scanBucket(index, index.portKey.get((PROTO_CODE[p.proto] ?? 0) * 65536 + p.dport), p, from, best)
  if (p.inIface) best = scanBucket(index, index.inIface.get(p.inIface), p, from, best)
  if (p.outIface) best = scanBucket(index, index.outIface.get(p.outIface), p, from, best)
  best = scanBucket(index, index.any, p, from, best)
  return best === Number.POSITIVE_INFINITY ? -1 : best
}
