import { describe, expect, test } from 'vitest'
import { renderRuleSpec } from './rule-text.js'

// Each expected line was printed by iptables-save v1.8.9 (nf_tables) on a host running Docker 20.10.24.
describe('renderRuleSpec prints rules as iptables-save does', () => {
  test('DNAT of a published port', () => {
    expect(
      renderRuleSpec({
        inIface: 'docker0',
        notIn: true,
        proto: 'tcp',
        dport: 8080,
        jump: 'DNAT',
        toDestination: '172.17.0.2:80',
      }),
    ).toBe('! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80')
  })
  test('host addresses get /32; negations come before the flag', () => {
    expect(
      renderRuleSpec({
        dst: '172.17.0.2',
        inIface: 'docker0',
        notIn: true,
        outIface: 'docker0',
        proto: 'udp',
        dport: 90,
        jump: 'ACCEPT',
      }),
    ).toBe('-d 172.17.0.2/32 ! -i docker0 -o docker0 -p udp -m udp --dport 90 -j ACCEPT')
  })
  test('addrtype and conntrack matches', () => {
    expect(renderRuleSpec({ dst: '127.0.0.0/8', notDst: true, dstType: 'LOCAL', jump: 'DOCKER' })).toBe(
      '! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
    )
    expect(renderRuleSpec({ outIface: 'docker0', ctstate: 'RELATED,ESTABLISHED', jump: 'ACCEPT' })).toBe(
      '-o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    )
  })
  test('internal network drops', () => {
    expect(renderRuleSpec({ outIface: 'br-x', src: '172.18.0.0/16', notSrc: true, jump: 'DROP' })).toBe(
      '! -s 172.18.0.0/16 -o br-x -j DROP',
    )
  })
})
