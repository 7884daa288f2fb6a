import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { parseIPv4 } from '../ipam/ipv4.js'
import { findNetwork } from '../model/lookup.js'
import { applyNetfilterOp, createNetfilter } from '../netfilter/tables.js'
import { evaluateChain } from './netfilter-eval.js'
import type { PacketContext } from './rule-index.js'

const ip = (text: string) => parseIPv4(text) as number

function packet(overrides: Partial<PacketContext>): PacketContext {
  return {
    inIface: '',
    outIface: '',
    src: ip('172.17.0.2'),
    dst: ip('172.18.0.2'),
    proto: 'tcp',
    dport: 80,
    ctstate: 'NEW',
    srcLocal: false,
    dstLocal: false,
    ...overrides,
  }
}

describe('evaluateChain', () => {
  test('jumps, RETURNs and the policy, as ipt_do_table walks them', () => {
    const nf = createNetfilter()
    applyNetfilterOp(nf, { op: 'policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' })
    applyNetfilterOp(nf, { op: 'new-chain', table: 'filter', chain: 'USER' })
    applyNetfilterOp(nf, {
      op: 'append',
      table: 'filter',
      chain: 'USER',
      rule: { proto: 'udp', jump: 'ACCEPT' },
    })
    applyNetfilterOp(nf, { op: 'append', table: 'filter', chain: 'USER', rule: { jump: 'RETURN' } })
    applyNetfilterOp(nf, { op: 'append', table: 'filter', chain: 'FORWARD', rule: { jump: 'USER' } })
    const tcp = evaluateChain(nf, 'filter', 'FORWARD', packet({}))
    expect(tcp.verdict).toBe('DROP')
    expect(tcp.policy).toBe('DROP')
    expect(tcp.matched.map((m) => m.text)).toEqual(['-A FORWARD -j USER', '-A USER -j RETURN'])
    const udp = evaluateChain(nf, 'filter', 'FORWARD', packet({ proto: 'udp' }))
    expect(udp.verdict).toBe('ACCEPT')
    expect(udp.decidedBy).toMatchObject({ chain: 'USER', position: 1, text: '-A USER -p udp -j ACCEPT' })
  })

  test("Docker's FORWARD drops a new flow between two bridge networks in DOCKER-ISOLATION-STAGE-2", () => {
    const lab = createLab({ engine: '20.10' })
    runDocker(lab, 'docker network create app')
    const app = findNetwork(lab, 'app')?.device as string
    const v = evaluateChain(lab.netfilter, 'filter', 'FORWARD', packet({ inIface: 'docker0', outIface: app }))
    expect(v.verdict).toBe('DROP')
    expect(v.matched.map((m) => m.text)).toEqual([
      '-A FORWARD -j DOCKER-USER',
      '-A DOCKER-USER -j RETURN',
      '-A FORWARD -j DOCKER-ISOLATION-STAGE-1',
      '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2',
      `-A DOCKER-ISOLATION-STAGE-2 -o ${app} -j DROP`,
    ])
  })

  test('an established reply passes on the conntrack rule', () => {
    const lab = createLab({ engine: '20.10' })
    const v = evaluateChain(
      lab.netfilter,
      'filter',
      'FORWARD',
      packet({ inIface: 'eth0', outIface: 'docker0', ctstate: 'ESTABLISHED' }),
    )
    expect(v.decidedBy?.text).toBe(
      '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    )
  })

  test('nat PREROUTING DNATs a published port for a local destination only', () => {
    const lab = createLab({ engine: '20.10' })
    runDocker(lab, 'docker run -d --name web -p 8080:80 nginx')
    const toHost = packet({ inIface: 'eth0', dst: ip('10.0.2.15'), dport: 8080, dstLocal: true })
    expect(evaluateChain(lab.netfilter, 'nat', 'PREROUTING', toHost).decidedBy?.text).toBe(
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    )
    const elsewhere = evaluateChain(lab.netfilter, 'nat', 'PREROUTING', { ...toHost, dstLocal: false })
    expect(elsewhere.verdict).toBe('ACCEPT')
    expect(elsewhere.matched).toEqual([])
  })
})
