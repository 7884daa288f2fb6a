/**
 * Netfilter in the host namespace, where Docker writes all its rules: raw
 * PREROUTING (Docker 28's direct-access DROPs; before conntrack and nat, as
 * the raw table hooks at priority -300), the
 * filter hooks (INPUT, FORWARD, OUTPUT) that accept or drop, the nat hooks
 * that rewrite the first packet of a flow (DNAT in PREROUTING/OUTPUT,
 * MASQUERADE in POSTROUTING), and conntrack, which skips the nat table for
 * the rest of the flow and undoes its rewrites on the reply (nf_nat applies
 * the inverse of each manipulation to the reply direction).
 */

import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { parseIPv4 } from '../ipam/ipv4.js'
import type { Link } from '../model/namespace.js'
import type { Rule, TableName } from '../model/netfilter.js'
import type { LabState } from '../model/state.js'
import type { Arrival, Packet, Walk } from './_walk-context.js'
import { dropped, socketText } from './_walk-context.js'
import { indexNamespace } from './namespace-index.js'
import type { ChainVerdict } from './netfilter-eval.js'
import { evaluateChain } from './netfilter-eval.js'
import { isLocalAddress, primaryAddress } from './route-lookup.js'
import type { PacketContext } from './rule-index.js'
import type { ReasonDetail } from './trace-types.js'

function context(w: Walk, pkt: Packet, inIface: string, outIface: string): PacketContext {
  const host = w.lab.namespaces.host
  const index = host ? indexNamespace(host) : undefined
  return {
    inIface,
    outIface,
    src: pkt.src,
    dst: pkt.dst,
    proto: pkt.proto,
    dport: pkt.dport,
    ctstate: w.reply ? 'ESTABLISHED' : 'NEW',
    srcLocal: index ? isLocalAddress(index, pkt.src) : false,
    dstLocal: index ? isLocalAddress(index, pkt.dst) : false,
  }
}

/** Shows conntrack once per walk: a new flow for the request, an established one for the reply. */
function track(w: Walk, pkt: Packet, iface: string): void {
  if (w.tracked) return
  w.tracked = true
  const tuple = `${pkt.proto} ${socketText(pkt.src, pkt.sport, pkt.proto)} > ${socketText(pkt.dst, pkt.dport, pkt.proto)}`
  w.hops.push({ kind: 'conntrack', namespace: 'host', iface, state: w.reply ? 'ESTABLISHED' : 'NEW', tuple })
}

function pushVerdict(w: Walk, v: ChainVerdict, table: TableName, hook: string, iface: string): void {
  for (const m of v.matched) {
    w.hops.push({
      kind: 'rule',
      namespace: 'host',
      iface,
      table: m.table,
      hook,
      chain: m.chain,
      position: m.position,
      text: m.text,
      target: m.target,
    })
  }
  if (v.policy !== undefined) {
    w.hops.push({ kind: 'policy', namespace: 'host', iface, table, chain: hook, policy: v.policy })
  }
}

/** The Docker network whose bridge is a device (for reasons), or the device itself. */
export function networkOfDevice(lab: LabState, device: string): string {
  return lab.networks.find((n) => n.driver === 'bridge' && n.device === device)?.name ?? device
}

/**
 * Says which of Docker's rules dropped a packet, in Docker's terms, by what
 * the rule matches (20.10 puts the ICC DROP in FORWARD, 28 in DOCKER-FORWARD).
 */
function classifyDrop(lab: LabState, v: ChainVerdict, hook: string, ctx: PacketContext): ReasonDetail {
  const by = v.decidedBy
  const bridged = hook === 'FORWARD' && ctx.inIface !== '' && ctx.inIface === ctx.outIface
  if (!by && bridged && !lab.networks.some((n) => n.device === ctx.inIface))
    return { code: 'foreign-bridge', bridge: ctx.inIface, policy: v.policy ?? 'DROP' }
  if (!by) return { code: 'filtered', table: 'filter', chain: hook, policy: v.policy ?? 'DROP' }
  const r = by.rule
  const { stage1, stage2 } = behaviourOf(lab).firewaller.isolationChains
  if (by.chain === stage2 && r.outIface && !r.notOut) {
    return {
      code: 'isolated-networks',
      fromNetwork: networkOfDevice(lab, ctx.inIface),
      toNetwork: networkOfDevice(lab, r.outIface),
      rule: by.text,
    }
  }
  if (by.chain === stage1 && (r.notSrc || r.notDst)) {
    return {
      code: 'internal-network',
      network: networkOfDevice(lab, r.outIface ?? r.inIface ?? ''),
      rule: by.text,
    }
  }
  if (r.inIface && r.inIface === r.outIface && !r.notIn && !r.notOut && !r.dst && !r.src && !r.proto) {
    return { code: 'icc-disabled', network: networkOfDevice(lab, r.inIface), rule: by.text }
  }
  return { code: 'filtered', table: by.table, chain: by.chain, rule: by.text }
}

/**
 * A raw PREROUTING DROP in Docker's terms: `-d <container> ! -i <bridge>`
 * keeps a container's address reachable only through its own bridge;
 * `-d 127.0.0.1 ! -i lo --dport P` keeps a port published on a loopback
 * address from being reached from another interface (moby#45610).
 */
function classifyRawDrop(lab: LabState, v: ChainVerdict, pkt: Packet, inIface: string): ReasonDetail {
  const by = v.decidedBy
  if (!by) return { code: 'filtered', table: 'raw', chain: 'PREROUTING', policy: v.policy ?? 'DROP' }
  const r = by.rule
  if (r.jump === 'DROP' && r.dst && r.notIn && r.inIface === 'lo' && r.dport !== undefined) {
    return {
      code: 'remote-loopback',
      address: r.dst,
      port: pkt.dport,
      protocol: pkt.proto,
      inIface,
      rule: by.text,
    }
  }
  if (r.jump === 'DROP' && r.dst && r.notIn && r.inIface && !r.proto) {
    return {
      code: 'direct-access',
      address: r.dst,
      network: networkOfDevice(lab, r.inIface),
      bridge: r.inIface,
      inIface,
      rule: by.text,
    }
  }
  return { code: 'filtered', table: by.table, chain: by.chain, rule: by.text }
}

/**
 * raw PREROUTING for a packet the host receives on `inIface`; returns the
 * drop, or undefined when the packet goes on. An empty chain decides nothing
 * and is not shown: a lab whose engine never wrote the raw table (20.10), or
 * a 28 lab before its first endpoint, traces as before.
 *
 * @example
 * rawPrerouting(w, pkt, 'eth0') // a drop when pkt.dst is a container's address (Docker 28)
 */
export function rawPrerouting(w: Walk, pkt: Packet, inIface: string): Arrival | undefined {
  if (!w.lab.netfilter.raw?.chains.PREROUTING?.rules.length) return undefined
  const v = evaluateChain(w.lab.netfilter, 'raw', 'PREROUTING', context(w, pkt, inIface, ''))
  pushVerdict(w, v, 'raw', 'PREROUTING', inIface)
  if (v.verdict !== 'DROP') return undefined
  return dropped(w, classifyRawDrop(w.lab, v, pkt, inIface))
}

/**
 * Runs a filter hook; returns the drop, or undefined when the packet goes on.
 *
 * @example
 * filterHook(w, 'FORWARD', pkt, 'docker0', 'eth0') // undefined: accepted
 */
export function filterHook(
  w: Walk,
  hook: 'INPUT' | 'FORWARD' | 'OUTPUT',
  pkt: Packet,
  inIface: string,
  outIface: string,
): Arrival | undefined {
  const iface = hook === 'INPUT' ? inIface : outIface
  track(w, pkt, iface)
  const ctx = context(w, pkt, inIface, outIface)
  const v = evaluateChain(w.lab.netfilter, 'filter', hook, ctx)
  pushVerdict(w, v, 'filter', hook, iface)
  if (v.verdict === 'ACCEPT') return undefined
  return dropped(w, classifyDrop(w.lab, v, hook, ctx))
}

const targets = new WeakMap<Rule, [number, number | undefined] | null>()

/** A DNAT/SNAT target ("IP[:PORT]") as numbers, parsed once per rule. */
function parseTarget(rule: Rule, text: string | undefined): [number, number | undefined] | undefined {
  const known = targets.get(rule)
  if (known !== undefined) return known ?? undefined
  const colon = text?.indexOf(':') ?? -1
  const addr = text === undefined ? undefined : parseIPv4(colon < 0 ? text : text.slice(0, colon))
  const parsed: [number, number | undefined] | null =
    text === undefined || addr === undefined
      ? null
      : [addr, colon < 0 ? undefined : Number(text.slice(colon + 1))]
  targets.set(rule, parsed)
  return parsed ?? undefined
}

/**
 * Runs a nat hook on the first packet of a flow and applies its rewrite;
 * on a reply, undoes the request's rewrite instead (the nat table is not
 * consulted for established flows).
 *
 * @example
 * natHook(w, 'PREROUTING', pkt, 'eth0', '', undefined) // may DNAT pkt to a container
 */
export function natHook(
  w: Walk,
  hook: 'PREROUTING' | 'OUTPUT' | 'POSTROUTING',
  pkt: Packet,
  inIface: string,
  outIface: string,
  outLink: Link | undefined,
): void {
  const iface = hook === 'PREROUTING' ? inIface : outIface
  track(w, pkt, iface)
  if (w.reply) {
    if (hook === 'PREROUTING') undoSnat(w, pkt, iface)
    if (hook === 'POSTROUTING') undoDnat(w, pkt, iface)
    return
  }
  const v = evaluateChain(w.lab.netfilter, 'nat', hook, context(w, pkt, inIface, outIface))
  pushVerdict(w, v, 'nat', hook, iface)
  const rule = v.decidedBy?.rule
  if (!rule) return
  const before = socketText(pkt.src, pkt.sport, pkt.proto)
  if (v.verdict === 'DNAT') {
    const to = parseTarget(rule, rule.toDestination)
    if (!to) return
    const was = socketText(pkt.dst, pkt.dport, pkt.proto)
    w.flow.dnat = { orig: [pkt.dst, pkt.dport], to: [to[0], to[1] ?? pkt.dport] }
    pkt.dst = to[0]
    pkt.dport = to[1] ?? pkt.dport
    w.hops.push({
      kind: 'nat',
      namespace: 'host',
      iface,
      type: 'DNAT',
      before: was,
      after: socketText(pkt.dst, pkt.dport, pkt.proto),
    })
  } else if (v.verdict === 'MASQUERADE' || v.verdict === 'SNAT') {
    const host = w.lab.namespaces.host
    const src =
      v.verdict === 'SNAT'
        ? parseTarget(rule, rule.toSource)?.[0]
        : host
          ? primaryAddress(indexNamespace(host), outLink)
          : undefined
    if (src === undefined) return
    w.flow.snat = { orig: [pkt.src, pkt.sport], to: [src, pkt.sport] }
    pkt.src = src
    w.hops.push({
      kind: 'nat',
      namespace: 'host',
      iface,
      type: v.verdict,
      before,
      after: socketText(pkt.src, pkt.sport, pkt.proto),
    })
  }
}

/** Reply, PREROUTING: the masqueraded destination becomes the original source again. */
function undoSnat(w: Walk, pkt: Packet, iface: string): void {
  const s = w.flow.snat
  if (!s || pkt.dst !== s.to[0] || pkt.dport !== s.to[1]) return
  const before = socketText(pkt.dst, pkt.dport, pkt.proto)
  pkt.dst = s.orig[0]
  pkt.dport = s.orig[1]
  w.hops.push({
    kind: 'nat',
    namespace: 'host',
    iface,
    type: 'un-SNAT',
    before,
    after: socketText(pkt.dst, pkt.dport, pkt.proto),
  })
}

/**
 * Reply, POSTROUTING or local input: the container's address becomes the
 * published address the client spoke to.
 */
export function undoDnat(w: Walk, pkt: Packet, iface: string): void {
  const d = w.flow.dnat
  if (!w.reply || !d || pkt.src !== d.to[0] || pkt.sport !== d.to[1]) return
  const before = socketText(pkt.src, pkt.sport, pkt.proto)
  pkt.src = d.orig[0]
  pkt.sport = d.orig[1]
  w.hops.push({
    kind: 'nat',
    namespace: 'host',
    iface,
    type: 'un-DNAT',
    before,
    after: socketText(pkt.src, pkt.sport, pkt.proto),
  })
}
