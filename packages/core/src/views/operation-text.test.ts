import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { operationText } from './operation-text.js'

describe('operations as data', () => {
  test('a docker run logs argv the UI can read without parsing text', () => {
    const lab = createLab({ engine: '28' })
    const { operations } = runDocker(lab, 'docker run -d --name web -p 8080:80 nginx')
    const veth = operations.find((op) => op.tool === 'ip' && op.args.includes('veth'))
    expect(veth?.args.slice(0, 3)).toEqual(['link', 'add', expect.stringMatching(/^veth/)])
    const dnat = operations.find((op) => op.tool === 'iptables' && op.args.includes('DNAT'))
    expect(dnat?.args.slice(0, 4)).toEqual(['-t', 'nat', '-A', 'DOCKER'])
    expect(dnat?.args.at(-1)).toBe('172.17.0.2:80')
    const proxy = operations.find((op) => op.background)
    expect(proxy?.tool).toMatch(/docker-proxy$/)
    expect(proxy?.args).toContain('-host-port')
  })

  test('a sandbox is addressed as ip -n NAME', () => {
    const lab = createLab({ engine: '20.10' })
    const { operations } = runDocker(lab, 'docker run -d --name web nginx')
    const up = operations.find((op) => op.args.includes('eth0') && op.args.at(-1) === 'up')
    expect(up?.args[0]).toBe('-n')
    expect(operationText(up ?? { tool: '', args: [] })).toMatch(/^ip -n [0-9a-f]{12} link set eth0 up$/)
  })

  test('text: bare words stay bare, others are quoted as a shell needs them', () => {
    expect(
      operationText({ tool: 'iptables', args: ['-t', 'nat', '!', '-o', 'docker0', '-j', 'MASQUERADE'] }),
    ).toBe('iptables -t nat ! -o docker0 -j MASQUERADE')
    expect(operationText({ tool: 'ip', args: ['link', 'set', "it's", 'a b'] })).toBe(
      `ip link set 'it'\\''s' 'a b'`,
    )
    expect(operationText({ tool: '/usr/bin/docker-proxy', args: ['-proto', 'tcp'], background: true })).toBe(
      '/usr/bin/docker-proxy -proto tcp &',
    )
    expect(operationText({ tool: 'kill', args: ['docker-proxy'], about: 'tcp 0.0.0.0:80' })).toBe(
      'kill docker-proxy (tcp 0.0.0.0:80)',
    )
  })
})
