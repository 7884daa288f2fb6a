import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { findContainer } from '../model/lookup.js'
import { rulesConcerning } from './rules-concerning.js'

function labWithWeb(engine: '20.10' | '28') {
  const lab = createLab({ engine })
  for (const line of [
    'docker network create --subnet 10.88.0.0/24 app',
    'docker run -d --name web --network app -p 8080:80 nginx',
    'docker run -d --name db busybox',
  ]) {
    expect(runDocker(lab, line).exitCode, line).toBe(0)
  }
  return lab
}

describe.each(['20.10', '28'] as const)('rulesConcerning on %s', (engine) => {
  const lab = labWithWeb(engine)
  const web = findContainer(lab, 'web')
  const webIp = Object.values(lab.networks.find((n) => n.name === 'app')?.endpoints ?? {}).find(
    (e) => e.containerId === web?.id,
  )?.ipv4

  test("a container's address finds its DNAT, each rule with a sentence", () => {
    expect(webIp).toBe('10.88.0.2')
    const rules = rulesConcerning(lab, { addresses: [webIp ?? ''] })
    const dnat = rules.find((r) => r.table === 'nat' && r.text.includes('DNAT'))
    expect(dnat?.text).toContain('--to-destination 10.88.0.2:80')
    expect(dnat?.why).toContain('web')
    for (const r of rules) expect(r.why.length).toBeGreaterThan(10)
  })

  test("a bridge's name finds its rules and none of another bridge's", () => {
    const rules = rulesConcerning(lab, { ifnames: ['docker0'] })
    expect(rules.some((r) => r.text.includes('MASQUERADE') && r.text.includes('172.17.0.0/16'))).toBe(true)
    expect(rules.every((r) => !/-[io] br-/.test(r.text))).toBe(true)
  })

  test('an object iptables never names has no rules', () => {
    expect(rulesConcerning(lab, { ifnames: ['eth9'], addresses: ['192.0.2.77'] })).toEqual([])
  })

  test('in Chinese the sentences change, not the rules', () => {
    const en = rulesConcerning(lab, { ifnames: ['docker0'] })
    const zh = rulesConcerning(lab, { ifnames: ['docker0'] }, 'zh-CN')
    expect(zh.map((r) => r.text)).toEqual(en.map((r) => r.text))
    expect(zh.map((r) => r.why)).not.toEqual(en.map((r) => r.why))
  })
})
