import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import type { Rule } from '../model/netfilter.js'
import { applyNetfilterOp, createNetfilter } from '../netfilter/tables.js'
import type { PacketContext } from './rule-index.js'
import { chainIndex, compileRule, firstMatch, ruleMatches } from './rule-index.js'

const IFACES = ['docker0', 'br-1', 'br-2', 'eth0', 'br+']
const ADDRS = ['172.17.0.2', '172.17.0.3', '172.18.0.2', '10.0.2.15', '127.0.0.1']
const NETS = ['172.17.0.0/16', '172.18.0.0/16', '172.17.0.2', '172.18.0.2/32', '127.0.0.0/8', '10.0.0.0/8']
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })

const rule: fc.Arbitrary<Rule> = fc
  .record({
    src: opt(fc.constantFrom(...NETS)),
    dst: opt(fc.constantFrom(...NETS)),
    inIface: opt(fc.constantFrom(...IFACES)),
    outIface: opt(fc.constantFrom(...IFACES)),
    notSrc: fc.boolean(),
    notDst: fc.boolean(),
    notIn: fc.boolean(),
    notOut: fc.boolean(),
    proto: opt(fc.constantFrom('tcp' as const, 'udp' as const)),
    dport: opt(fc.constantFrom(80, 8080, 53)),
    dstType: opt(fc.constant('LOCAL' as const)),
    ctstate: opt(fc.constantFrom('RELATED,ESTABLISHED', 'NEW')),
    jump: fc.constantFrom('ACCEPT', 'DROP', 'RETURN', 'DOCKER'),
  })
  // Drop absent keys: a rule never holds `undefined` (exactOptionalPropertyTypes).
  .map(
    (r) =>
      Object.fromEntries(
        Object.entries(r).filter(([, v]) => v !== undefined && v !== false),
      ) as unknown as Rule,
  )

const packet: fc.Arbitrary<PacketContext> = fc.record({
  inIface: fc.constantFrom('', 'docker0', 'br-1', 'br-2', 'eth0', 'br-x'),
  outIface: fc.constantFrom('', 'docker0', 'br-1', 'eth0'),
  src: fc.constantFrom(...ADDRS).map((a) => a.split('.').reduce((n, o) => n * 256 + Number(o), 0)),
  dst: fc.constantFrom(...ADDRS).map((a) => a.split('.').reduce((n, o) => n * 256 + Number(o), 0)),
  proto: fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const),
  dport: fc.constantFrom(80, 8080, 53, 0),
  ctstate: fc.constantFrom('NEW' as const, 'ESTABLISHED' as const),
  srcLocal: fc.boolean(),
  dstLocal: fc.boolean(),
})

function linear(rules: Rule[], p: PacketContext, from: number): number {
  for (let i = from; i < rules.length; i++) if (ruleMatches(compileRule(rules[i] as Rule), p)) return i
  return -1
}

describe('firstMatch', () => {
  test.prop([fc.array(rule, { maxLength: 60 }), packet, fc.nat(70)])(
    'returns the rule a linear scan returns',
    (rules, p, from) => {
      expect(firstMatch(chainIndex(rules), p, from)).toBe(linear(rules, p, from))
    },
  )

  test('matches what Docker writes: a DNAT per published port, keyed by protocol and host port', () => {
    const rules: Rule[] = [
      { inIface: 'docker0', jump: 'RETURN' },
      ...Array.from(
        { length: 1000 },
        (_, i): Rule => ({
          inIface: 'docker0',
          notIn: true,
          proto: 'tcp',
          dport: 10000 + i,
          jump: 'DNAT',
          toDestination: `172.17.${i >> 8}.${i & 255}:80`,
        }),
      ),
    ]
    const p: PacketContext = {
      inIface: 'eth0',
      outIface: '',
      src: 0x0a000263,
      dst: 0x0a00020f,
      proto: 'tcp',
      dport: 10500,
      ctstate: 'NEW',
      srcLocal: false,
      dstLocal: true,
    }
    expect(firstMatch(chainIndex(rules), p, 0)).toBe(501)
    expect(firstMatch(chainIndex(rules), { ...p, inIface: 'docker0' }, 0)).toBe(0)
    expect(firstMatch(chainIndex(rules), { ...p, dport: 9999 }, 0)).toBe(-1)
  })

  test('the cached index follows the chain as iptables changes it', () => {
    const nf = createNetfilter()
    const forward = nf.filter.chains.FORWARD?.rules as Rule[]
    const p: PacketContext = {
      inIface: 'docker0',
      outIface: 'eth0',
      src: 0xac110002,
      dst: 0x08080808,
      proto: 'tcp',
      dport: 443,
      ctstate: 'NEW',
      srcLocal: false,
      dstLocal: false,
    }
    const accept: Rule = { inIface: 'docker0', outIface: 'docker0', notOut: true, jump: 'ACCEPT' }
    const drop: Rule = { jump: 'DROP' }
    expect(firstMatch(chainIndex(forward), p, 0)).toBe(-1)
    applyNetfilterOp(nf, { op: 'append', table: 'filter', chain: 'FORWARD', rule: accept })
    expect(firstMatch(chainIndex(forward), p, 0)).toBe(0)
    applyNetfilterOp(nf, { op: 'insert', table: 'filter', chain: 'FORWARD', rule: drop })
    expect(firstMatch(chainIndex(forward), p, 0)).toBe(0)
    expect(chainIndex(forward).compiled[0]?.rule).toBe(drop)
    applyNetfilterOp(nf, { op: 'delete', table: 'filter', chain: 'FORWARD', rule: drop })
    expect(chainIndex(forward).compiled[0]?.rule).toBe(accept)
  })
})
