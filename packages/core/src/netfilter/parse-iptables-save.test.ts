import { expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { renderIptablesSave } from './iptables-save.js'
import { parseIptablesSave } from './parse-iptables-save.js'

test('parsing what iptables-save printed gives back the same tables', () => {
  const lab = createLab({ engine: '20.10' })
  for (const line of [
    'docker network create --internal secret',
    'docker network create -o com.docker.network.bridge.enable_icc=false noicc',
    'docker run -d --name web -p 8080:80 -p 127.0.0.1:9090:90/udp nginx',
    'docker run -d --name db --network secret postgres',
  ]) {
    runDocker(lab, line)
  }
  const text = renderIptablesSave(lab.netfilter, 'nat') + renderIptablesSave(lab.netfilter, 'filter')
  const parsed = parseIptablesSave(text)
  expect(renderIptablesSave(parsed, 'nat')).toBe(renderIptablesSave(lab.netfilter, 'nat'))
  expect(renderIptablesSave(parsed, 'filter')).toBe(renderIptablesSave(lab.netfilter, 'filter'))
  expect(parsed).toEqual(lab.netfilter)
})

test('a rule outside Docker grammar is kept and marked', () => {
  const nf = parseIptablesSave(
    '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m multiport --dports 22,80 -j ACCEPT\nCOMMIT\n',
  )
  expect(nf.filter.chains.INPUT?.rules[0]?.unparsed).toBe('-p tcp -m multiport --dports 22,80 -j ACCEPT')
})

test('a Docker 28 dump: raw is read back when it has a section, and absent when it has none', () => {
  const lab = createLab({ profile: { version: '28' } })
  expect(parseIptablesSave(renderIptablesSave(lab.netfilter, 'filter')).raw).toBeUndefined()
  for (const line of [
    'docker network create app',
    'docker run -d --name web --network app -p 127.0.0.1:8080:80 nginx',
  ]) {
    expect(runDocker(lab, line).ok).toBe(true)
  }
  const text = (['nat', 'filter', 'raw'] as const).map((t) => renderIptablesSave(lab.netfilter, t)).join('')
  const parsed = parseIptablesSave(text)
  expect(renderIptablesSave(parsed, 'raw')).toBe(renderIptablesSave(lab.netfilter, 'raw'))
  expect(parsed.raw?.chains.PREROUTING?.rules).toEqual([
    {
      dst: '172.18.0.2',
      inIface: lab.networks.find((n) => n.name === 'app')?.device,
      notIn: true,
      jump: 'DROP',
    },
    { dst: '127.0.0.1', inIface: 'lo', notIn: true, proto: 'tcp', dport: 8080, jump: 'DROP' },
  ])
  expect(parsed).toEqual(lab.netfilter)
  // A table netmodes does not model is skipped, not mixed into the one before it.
  expect(parseIptablesSave(`${text}*security\n:INPUT ACCEPT [0:0]\n-A INPUT -j DROP\nCOMMIT\n`)).toEqual(
    lab.netfilter,
  )
})
