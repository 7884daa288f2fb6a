import { describe, expect, test } from 'vitest'
import { trace } from '../dataplane/trace.js'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { explainRule } from './explain.js'
import { explainRuleHop } from './rule-hop.js'

describe.each(['20.10', '28'] as const)('explainRuleHop on %s', (engine) => {
  const lab = createLab({ engine })
  for (const line of [
    'docker network create --subnet 10.88.0.0/24 app',
    'docker run -d --name web --network app -p 8080:80 nginx',
  ]) {
    expect(runDocker(lab, line).exitCode, line).toBe(0)
  }
  const result = trace(lab, { from: 'lan', to: 'host:8080/tcp' })

  test('the DNAT hop of a published port is told as the DNAT rule, naming the container', () => {
    const dnat = result.hops.find((h) => h.kind === 'rule' && h.target === 'DNAT')
    expect(dnat).toBeDefined()
    const why = dnat ? explainRuleHop(lab, dnat) : undefined
    expect(why).toContain('web')
    if (dnat?.kind !== 'rule') return
    const rule = lab.netfilter.nat.chains[dnat.chain]?.rules[dnat.position - 1]
    expect(rule?.jump).toBe('DNAT')
    expect(why).toBe(rule ? explainRule(lab, 'nat', dnat.chain, rule) : '')
  })

  test('every rule hop has a sentence, in either language; other hops have none', () => {
    for (const hop of result.hops) {
      const en = explainRuleHop(lab, hop)
      if (hop.kind !== 'rule') expect(en).toBeUndefined()
      else {
        expect(en?.length).toBeGreaterThan(10)
        expect(explainRuleHop(lab, hop, 'zh-CN')).not.toBe(en)
      }
    }
  })

  test('a hop whose rule is no longer there has no sentence', () => {
    const rule = result.hops.find((h) => h.kind === 'rule')
    if (rule?.kind !== 'rule') throw new Error('the trace matched no rule')
    expect(explainRuleHop(lab, { ...rule, position: 9999 })).toBeUndefined()
  })
})
