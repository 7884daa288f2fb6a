/**
 * When two containers behave alike in every trace: a trace reads of a
 * container only its namespace (interfaces, the networks behind them,
 * routes), the listeners known there, and the iptables rules that name one
 * of its addresses. Two namespaces whose signatures are equal give traces
 * that differ only in names and addresses, so the reachability matrix
 * traces one pair per pair of groups.
 */

import { appendAll } from '../collections/append-all.js'
import type { Container } from '../model/docker.js'
import type { Netfilter, Rule } from '../model/netfilter.js'
import type { LabState } from '../model/state.js'
import type { ListenerBook } from './_listeners.js'
import { knownListeners, listenerStatus } from './_listeners.js'
import type { TraceProtocol } from './trace-types.js'

/** The rules that name one address, as text with the address blanked, per address. */
export type AddressRules = Map<string, string[]>

function bareAddress(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  if (!text.includes('/')) return text
  return text.endsWith('/32') ? text.slice(0, -3) : undefined
}

/**
 * A rule's fields with one address blanked out, as one string: equal for
 * two rules that differ only in that address.
 */
function shape(rule: Rule, address: string): string {
  const blank = (a: string | undefined) => (a === address || a === `${address}/32` ? '*' : (a ?? ''))
  const target = rule.toDestination?.startsWith(`${address}:`)
    ? `*${rule.toDestination.slice(address.length)}`
    : blank(rule.toDestination)
  return [
    blank(rule.src),
    rule.notSrc ? '!' : '',
    blank(rule.dst),
    rule.notDst ? '!' : '',
    rule.inIface ?? '',
    rule.notIn ? '!' : '',
    rule.outIface ?? '',
    rule.notOut ? '!' : '',
    rule.proto ?? '',
    rule.dport ?? '',
    rule.dstType ?? '',
    rule.srcType ?? '',
    rule.ctstate ?? '',
    rule.jump,
    target,
    rule.toSource ?? '',
  ].join(' ')
}

/** Whether a rule can match the probe or its reply (same protocol, and its port if it names one). */
function couldMatch(rule: Rule, protocol: TraceProtocol, ports: number[]): boolean {
  if (rule.proto !== undefined && rule.proto !== protocol) return false
  return rule.dport === undefined || ports.includes(rule.dport)
}

// The per-address rules Docker writes for a published port; other rules naming an address make it unique.
const DOCKER_TARGETS = new Set(['ACCEPT', 'DNAT', 'MASQUERADE'])

/**
 * Collects, for every address a rule names (`-s`/`-d` host, DNAT target),
 * the rules that could match a probe, with the address blanked out.
 *
 * @example
 * addressRules(lab.netfilter, 'tcp', [80, 40000]).get('172.17.0.2')
 * // one line per rule naming it, the address blanked: 'filter DOCKER * ...'
 */
export function addressRules(nf: Netfilter, protocol: TraceProtocol, ports: number[]): AddressRules {
  const out: AddressRules = new Map()
  for (const table of ['nat', 'filter'] as const) {
    for (const [chain, { rules }] of Object.entries(nf[table].chains)) {
      for (const rule of rules) {
        const named = new Set(
          [bareAddress(rule.src), bareAddress(rule.dst), rule.toDestination?.split(':')[0]].filter(
            (a): a is string => a !== undefined,
          ),
        )
        if (named.size === 0 || !couldMatch(rule, protocol, ports)) continue
        for (const address of named) {
          let text = `${table} ${chain} ${shape(rule, address)}`
          if (!DOCKER_TARGETS.has(rule.jump)) text += ` @${address}`
          const list = out.get(address)
          if (list) list.push(text)
          else out.set(address, [text])
        }
      }
    }
  }
  return out
}

/**
 * The signature of a container's namespace for a probe: equal signatures,
 * equal traces (up to names and addresses).
 *
 * @example
 * namespaceSignature(lab, owner, nsId, { book, protocol: 'tcp', port: 80, rules })
 */
export function namespaceSignature(
  lab: LabState,
  owner: Container,
  nsId: string,
  probe: { book: ListenerBook; protocol: TraceProtocol; port: number; rules: AddressRules },
): string {
  if (nsId === 'host') return 'host-mode'
  const ns = lab.namespaces[nsId]
  const parts: string[] = []
  const addresses: string[] = []
  for (const [networkId, endpointId] of Object.entries(owner.endpoints)) {
    const ep = lab.networks.find((n) => n.id === networkId)?.endpoints[endpointId]
    parts.push(`ep ${networkId} ${ep?.ifname ?? ''}`)
    if (ep?.ipv4) addresses.push(ep.ipv4)
  }
  for (const link of ns?.links ?? []) {
    parts.push(`link ${link.ifname} ${link.kind} ${link.info?.mode ?? ''}`)
  }
  for (const r of ns?.routes ?? []) parts.push(`route ${r.dst} ${r.gateway ?? ''} ${r.dev}`)
  const known = knownListeners(lab, probe.book, nsId)
  parts.push(`listen ${listenerStatus(known, probe.protocol, probe.port)} ${[...known].sort().join(',')}`)
  for (const a of addresses)
    appendAll(
      parts,
      (probe.rules.get(a) ?? []).map((t) => `rule ${t}`),
    )
  return parts.join('\n')
}
