/**
 * `netmodes trace`, `netmodes matrix` and `netmodes explain` on a lab file,
 * as real processes.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runScenario, toJSON } from '@netmodes/core'
import { beforeAll, describe, expect, test } from 'vitest'
import { netmodes as run } from './helpers.js'

const bin = fileURLToPath(new URL('../dist/netmodes.js', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'netmodes-questions-'))
const lab = join(dir, 'lab.json')

function netmodes(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      LANG: 'C.UTF-8',
      LC_ALL: '',
      LC_MESSAGES: '',
      NETMODES_LAB: lab,
      NETMODES_ENGINE: '20.10',
    },
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
  test('--lang zh-CN: the hops, the verdict and the reason in Chinese; the same exit code', () => {
    const r = netmodes('trace', 'web', '172.18.0.2', '--port', '5432', '--lang', 'zh-CN')
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('[宿主机]')
    expect(r.stdout).toMatch(/=> 被丢弃：web 无法访问 172\.18\.0\.2：网络 app 与 back 相互隔离/)
    const m = netmodes('matrix', '--lang', 'zh-CN')
    expect(m.stdout).toContain('ping（ICMP echo）')
    expect(m.stdout).toMatch(/无法访问/)
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
  expect(r.stdout).toMatch(/no1 {3}web -> db: web cannot reach db: networks app and back are isolated/)
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
  expect(dnat.stdout).toMatch(/^DNAT \(nat table, DOCKER chain\): one rule per published port/)
  expect(dnat.stdout).toMatch(
    /\nIn the lab:\n-A DOCKER ! -i br-\w+ -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10\.88\.0\.2:80\n {4}# Port 8080\/tcp/,
  )
  expect(netmodes('explain', 'DOCKER-USER').stdout).toContain('# DOCKER-USER comes first in FORWARD')
  const none = netmodes('explain', 'NO-SUCH-CHAIN')
  expect(none.code).toBe(2)
  expect(none.stderr).toBe('netmodes: no rule of the lab matches "NO-SUCH-CHAIN"\n')
})

describe('the lab file of trace, matrix and explain (either position of --lab)', () => {
  const bare = (args: string[], env: Record<string, string> = {}) => run(args, { env })
  test('netmodes --lab FILE trace|matrix|explain reads FILE, as trace --lab FILE does', () => {
    for (const args of [
      ['--lab', lab, 'trace', 'lan', 'host:8080/tcp'],
      ['trace', '--lab', lab, 'lan', 'host:8080/tcp'],
      [`--lab=${lab}`, 'trace', 'lan', 'host:8080/tcp'],
    ]) {
      const r = bare(args)
      expect(r.stderr, args.join(' ')).toBe('')
      expect(r.code, args.join(' ')).toBe(0)
      expect(r.stdout).toContain('-j DNAT --to-destination 10.88.0.2:80')
    }
    expect(bare(['--lab', lab, 'matrix']).stdout).toMatch(/^from \\ to\s+web\s+db\s+host/)
    expect(bare(['--lab', lab, 'explain', 'web']).stdout).toMatch(/^web\n {2}web is in bridge mode on app/)
  })
  test("the command's own --lab wins over the global one", () => {
    const r = bare(['--lab', join(dir, 'none.json'), 'trace', '--lab', lab, 'lan', 'host:8080/tcp'])
    expect(r.code).toBe(0)
  })
  test('a missing lab file named by --lab, in either position, is exit 2 with its path', () => {
    const missing = join(dir, 'nonexistent.json')
    for (const args of [
      ['--lab', missing, 'trace', 'lan', 'web'],
      ['trace', '--lab', missing, 'lan', 'web'],
      ['--lab', missing, 'matrix'],
      ['--lab', missing, 'explain', 'web'],
      ['--lab', missing, 'explain', 'bridge'],
    ]) {
      const r = bare(args, { NETMODES_LAB: lab })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toBe(
        `netmodes: no lab file at ${missing}: \`netmodes docker ...\` creates one (or \`netmodes demo --save\`)\n`,
      )
    }
  })
  test('--lab before a command that reads no lab is refused, not ignored', () => {
    const r = bare(['--lab', lab, 'modes'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('netmodes: netmodes modes reads no lab file: --lab does nothing here\n')
  })
})

describe('explain needs no lab for a mode, a rule type or the modes table', () => {
  test.each([
    [['explain', 'bridge'], /^MODE: bridge\nHOW: --network bridge/],
    [['explain', 'macvlan', '--lang', 'zh-CN'], /^模式: macvlan\n/],
    [['explain', 'DNAT'], /^DNAT \(nat table, DOCKER chain\)[^\n]*\n$/],
    [['explain', 'docker-user'], /^DOCKER-USER \(filter table\)/],
    [['explain', 'MASQUERADE', '--lang', 'zh-CN'], /^MASQUERADE（nat 表的 POSTROUTING 链）/],
    [['explain', 'modes'], /^Docker network modes side by side \(Docker Engine 20\.10\)\n\nMODE {2,}HOW/],
  ])('netmodes %j in a directory without a lab', (args, expected) => {
    const r = run(args)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(expected)
  })
  test('a container (or the whole lab) still needs one: exit 2', () => {
    for (const args of [['explain', 'web'], ['explain'], ['explain', 'rules']]) {
      const r = run(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^netmodes: no lab file at \.netmodes\/lab\.json/)
    }
  })
})

describe('netmodes matrix without --port pings, and its table stays aligned and fits', () => {
  test('no port: ICMP, never "port 0"', () => {
    const r = netmodes('matrix')
    expect(r.code).toBe(0)
    expect(r.stdout).not.toMatch(/\b0\/tcp/)
    expect(r.stdout).toContain('Probe: ping (ICMP echo)')
    const rows = JSON.parse(netmodes('matrix', '--json').stdout) as {
      from: string
      to: string
      reachable: boolean
    }[]
    expect(rows.find((x) => x.from === 'web' && x.to === 'host')?.reachable).toBe(true)
    const tcp = netmodes('matrix', '--proto', 'tcp')
    expect(tcp.code).toBe(2)
    expect(tcp.stderr).toBe('netmodes: --proto tcp needs --port N (without a port the matrix pings)\n')
  })
  test('trace --proto tcp without a port is refused too', () => {
    const r = netmodes('trace', 'web', 'db', '--proto', 'tcp')
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('netmodes: --proto tcp needs a port: --port N, or TO:PORT\n')
  })

  const big = join(dir, 'big.json')
  beforeAll(() => {
    const lines = ['network create --subnet 10.77.0.0/24 one', 'network create --subnet 10.78.0.0/24 two']
    for (let i = 0; i < 22; i++) lines.push(`run -d --name c${i} --network ${i % 2 ? 'one' : 'two'} nginx`)
    for (const line of lines) expect(run(['--lab', big, 'docker', ...line.split(' ')]).code, line).toBe(0)
  })
  const table = (out: string) => out.slice(0, out.indexOf('\n\nProbe:')).split('\n\n')
  test('past ten footnotes (no10, no100) every column stays aligned', () => {
    const r = run(['--lab', big, 'matrix', '--port', '80'], { env: { COLUMNS: '400' } })
    expect(r.code).toBe(0)
    const blocks = table(r.stdout)
    expect(blocks).toHaveLength(1)
    const lines = (blocks[0] ?? '').split('\n')
    expect(r.stdout).toMatch(/\bno1\d\d\b/)
    // Each column starts where its header starts, on every row.
    const header = lines[0] ?? ''
    const starts = [...header.matchAll(/\S+/g)].slice(3).map((m) => m.index)
    for (const line of lines.slice(1)) {
      for (const start of starts) expect(line.slice((start ?? 0) - 2, start), line).toBe('  ')
      expect(line.slice(starts[0] ?? 0)).toMatch(/^\S/)
    }
    expect(r.stdout).toMatch(/\nno1 {4}c0 -> c1: c0 cannot reach c1/)
    expect(r.stdout).toMatch(/\nno10 {3}/)
  })
  test('24+ endpoints in 80 columns: cut into column groups, no line wider than the terminal', () => {
    const r = run(['--lab', big, 'matrix'], { env: { COLUMNS: '80' } })
    expect(r.code).toBe(0)
    const blocks = table(r.stdout)
    expect(blocks.length).toBeGreaterThan(1)
    for (const line of blocks.join('\n').split('\n')) expect(line.length, line).toBeLessThanOrEqual(80)
    // In a pipe, each reason is one line (for grep).
    // Docker 28 (the default) drops it first in raw: the address is not on the bridge it came in on.
    expect(r.stdout).toMatch(
      /\nno1 {4}c0 -> c1: [^\n]+ \(-A PREROUTING -d 10\.77\.0\.\d+\/32 ! -i br-\w+ -j DROP\)\.\n/,
    )
    for (const block of blocks) {
      const lines = block.split('\n')
      expect(lines[0]).toMatch(/^from \\ to /)
      expect(lines.map((l) => l.split(' ')[0])).toEqual([
        'from',
        ...Array.from({ length: 22 }, (_, i) => `c${i}`),
        'host',
        'lan',
        'internet',
      ])
    }
    expect(r.stdout).not.toContain('\u001b[')
  })
})

describe('IPv6 (netmodes trace / matrix --ipv6)', () => {
  const v6dir = mkdtempSync(join(tmpdir(), 'netmodes-ipv6-'))
  const labs = { '20.10': join(v6dir, 'old.json'), '28': join(v6dir, 'new.json') }
  const on = (engine: '20.10' | '28', ...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NETMODES_LAB: labs[engine], NETMODES_ENGINE: engine },
    })
    return { code: r.status, stdout: r.stdout, stderr: r.stderr }
  }
  beforeAll(() => {
    for (const engine of ['20.10', '28'] as const) {
      // `netmodes host` only shows the host: the uplink's IPv6 address comes from a scenario's host line.
      const { lab: start } = runScenario('host ip -6 addr add 2001:db8:1::15/64 dev eth0', { engine })
      writeFileSync(labs[engine], toJSON(start))
      for (const line of [
        'network create --ipv6 --subnet 10.81.0.0/24 --subnet fd00:81::/64 front6',
        'network create --ipv6 --subnet fd00:82::/64 back6',
        'run -d --name web --network front6 -p 18080:80 nginx',
        'run -d --name db --network back6 nginx',
      ])
        expect(on(engine, 'docker', ...line.split(' ')).code, line).toBe(0)
    }
  })
  test('28 isolates the two networks in IPv6, 20.10 does not', () => {
    const now = on('28', 'trace', 'web', '[fd00:82::2]:80/tcp')
    expect(now.code).toBe(1)
    expect(now.stdout).toContain('-A PREROUTING -d fd00:82::2/128 ! -i br-')
    expect(on('20.10', 'trace', 'web', '[fd00:82::2]:80/tcp').code).toBe(0)
  })
  test('matrix --ipv6: containers by their IPv6 addresses, the host, the LAN and the internet', () => {
    for (const engine of ['28', '20.10'] as const) {
      const r = on(engine, 'matrix', '--ipv6')
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/^from \\ to\s+web\s+db\s+host\s+lan\s+internet\n/)
      // web's row: 28 masquerades it out (reachable), 20.10 loses the reply (its ULA has no way back)
      const web = r.stdout.split('\n').find((l) => l.startsWith('web '))
      const [lan = '', internet = ''] = web?.trim().split(/\s+/).slice(-2) ?? []
      expect([lan, internet], engine).toEqual(
        engine === '28' ? ['yes', 'yes'] : [lan, internet].map(() => expect.stringMatching(/^no\d+$/)),
      )
      if (engine === '20.10')
        expect(r.stdout).toContain(`${lan}  web -> lan: The request arrives, but the reply is lost`)
    }
  })
  test('trace --ipv6 web lan: 28 by MASQUERADE, 20.10 loses the reply, in the words of each', () => {
    const now = on('28', 'trace', '--ipv6', 'web', 'lan')
    expect(now.code).toBe(0)
    expect(now.stdout).toMatch(/-A POSTROUTING -s fd00:81::\/64 ! -o br-[0-9a-f]{12} -j MASQUERADE/)
    expect(now.stdout).toContain('MASQUERADE: fd00:81::2 becomes 2001:db8:1::15')
    const old = on('20.10', 'trace', '--ipv6', 'web', 'lan', '--lang', 'zh-CN')
    expect(old.code).toBe(0)
    expect(old.stdout).toContain('不写任何 ip6tables 规则')
    expect(old.stdout).not.toContain('MASQUERADE:')
  })
})
