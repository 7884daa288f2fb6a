import { describe, expect, test } from 'vitest'
import { runScenario } from '../engine/run-scenario.js'
import { explainNeedsLab, explainTopic } from './explain-topic.js'

const { lab } = runScenario(
  'docker network create app\ndocker run -d --name web --network app -p 8080:80 nginx\ndocker run -d --name bridge --network app nginx',
)

describe('explainTopic', () => {
  test('modes, rule types and the table need no lab; containers and rules do', () => {
    expect(['bridge', 'DNAT', 'docker-user', 'modes'].map(explainNeedsLab)).toEqual([
      false,
      false,
      false,
      false,
    ])
    expect([undefined, 'web', 'rules'].map(explainNeedsLab)).toEqual([true, true, true])
    expect(() => explainTopic(undefined, 'web', 'en')).toThrow('explaining "web" needs a lab')
  })

  test('a rule type lists the lab rules of that chain or jumping to it', () => {
    const e = explainTopic(lab, 'dnat', 'en')
    expect(e.kind).toBe('rule-type')
    if (e.kind !== 'rule-type') return
    expect(e.rules?.length).toBeGreaterThan(0)
    expect(e.rules?.every((r) => r.chain === 'DNAT' || / -j DNAT( |$)/.test(r.text))).toBe(true)
  })

  test('a container named like a mode is the container', () => {
    const e = explainTopic(lab, 'bridge', 'en')
    expect(e.kind).toBe('containers')
    if (e.kind === 'containers') expect(Object.keys(e.containers)).toEqual(['bridge'])
    expect(explainTopic(undefined, 'bridge', 'en').kind).toBe('mode')
  })

  test('no topic: every rule, then every container', () => {
    const e = explainTopic(lab, undefined, 'zh-CN')
    expect(e.kind).toBe('containers')
    if (e.kind !== 'containers') return
    expect(Object.keys(e.containers)).toEqual(['web', 'bridge'])
    expect(e.rules?.some((r) => r.chain === 'DOCKER')).toBe(true)
  })

  test('what the lab lacks is NOT_FOUND', () => {
    expect(() => explainTopic(lab, 'nosuch', 'en')).toThrow('no container named nosuch in the lab')
    expect(() => explainTopic(lab, 'NOSUCH-CHAIN', 'en')).toThrow('no rule of the lab matches "NOSUCH-CHAIN"')
  })
})
