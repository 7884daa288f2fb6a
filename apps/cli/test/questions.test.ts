/**
 * `netmodes trace`, `netmodes matrix` and `netmodes explain` on a lab file,
 * as real processes.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, test } from 'vitest'

const bin = fileURLToPath(new URL('../dist/netmodes.js', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'netmodes-questions-'))
const lab = join(dir, 'lab.json')

function netmodes(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NETMODES_LAB: lab },
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

beforeAll(() => {
  for (const line of [
    'network create --subnet 10.88.0.0/24 app',
    'network create back',
    'run -d --name web --network app -p 8080:80 nginx',
    'run -d --name db --network back postgres',
  ]) {
    expect(netmodes('docker', ...line.split(' ')).code, line).toBe(0)
  }
})

describe('netmodes trace', () => {
  test('LAN to a published port: DNAT, the rules that acted, the reply; exit 0', () => {
    const r = netmodes('trace', 'lan', 'host:8080/tcp')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('-j DNAT --to-destination 10.88.0.2:80')
    expect(r.stdout).toContain('  => delivered\n')
    expect(r.stdout).toContain('  => the reply gets back\n')
  })
  test('across two user networks by address: dropped by isolation; exit 1', () => {
    const r = netmodes('trace', 'web', '172.18.0.2', '--port', '5432')
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/=> dropped: web cannot reach 172\.18\.0\.2: networks app and back are isolated/)
  })
  test('--json carries the verdict and the reason code', () => {
    const r = JSON.parse(netmodes('trace', 'db', 'web', '--json').stdout)
    expect(r.delivered).toBe(false)
    expect(r.reasonCode).toBe('name-not-resolved')
  })
  test('bad input: exit 2 with the rule broken', () => {
    const r = netmodes('trace', 'web', 'db', '--port', '70000')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--port "70000": must be a number from 1 to 65535')
  })
})

test('netmodes matrix: yes/no with a numbered reason for each no', () => {
  const r = netmodes('matrix', '--port', '80')
  expect(r.code).toBe(0)
  expect(r.stdout.split('\n')[0]).toMatch(/^from \\ to\s+web\s+db\s+host\s+lan\s+internet/)
  expect(r.stdout).toMatch(/no1 {2}web -> db: web cannot reach db: networks app and back are isolated/)
  const rows = JSON.parse(netmodes('matrix', '--port', '80', '--json').stdout) as {
    from: string
    to: string
    reachable: boolean
  }[]
  expect(rows.find((x) => x.from === 'lan' && x.to === 'web')?.reachable).toBe(false)
  expect(rows.find((x) => x.from === 'host' && x.to === 'web')?.reachable).toBe(true)
})

test('netmodes explain: the container, then every rule with why; in Chinese too', () => {
  const en = netmodes('explain', 'web')
  expect(en.stdout).toMatch(/web is in bridge mode on app: its eth0 is one end of a veth pair/)
  const zh = netmodes('explain', 'web', '--lang', 'zh-CN')
  expect(zh.stdout).toContain('veth pair')
  expect(zh.stdout).toContain('网桥')
  const rules = netmodes('explain', 'rules')
  expect(rules.stdout).toMatch(
    /-A DOCKER ! -i br-\w+ -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10\.88\.0\.2:80\n {4}# Port 8080\/tcp on every host address is published/,
  )
  expect(netmodes('explain', 'nosuch').code).toBe(2)
})

test('netmodes explain MODE and RULE', () => {
  expect(netmodes('explain', 'macvlan').stdout).toMatch(/^MODE: macvlan\n/)
  expect(netmodes('explain', 'host', '--lang', 'zh-CN').stdout).toMatch(/^模式: host\n/)
  const dnat = netmodes('explain', 'DNAT')
  expect(dnat.stdout).toMatch(
    /^-A DOCKER ! -i br-\w+ -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10\.88\.0\.2:80\n {4}# Port 8080\/tcp/,
  )
  expect(netmodes('explain', 'DOCKER-USER').stdout).toContain('# DOCKER-USER comes first in FORWARD')
  const none = netmodes('explain', 'NO-SUCH-CHAIN')
  expect(none.code).toBe(2)
  expect(none.stderr).toBe('netmodes: no rule of the lab matches "NO-SUCH-CHAIN"\n')
})
