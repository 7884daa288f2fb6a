/**
 * `netmodes diff` as a real process: what a change does to a lab, with
 * diff(1)'s exit codes, and bad input refused with one line.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { netmodes, tempDir } from './helpers.js'

const dir = tempDir()
const lab = join(dir, 'lab.sh')
writeFileSync(
  lab,
  [
    '# two tiers',
    'docker network create app',
    'docker network create db',
    'docker run -d --name web --network app -p 8080:80 nginx',
    'docker run -d --name api --network app busybox',
    'docker run -d --name pg --network db busybox',
    'docker network connect db api',
    '',
  ].join('\n'),
)

describe('netmodes diff', () => {
  test('one scenario against itself: no difference, exit 0', () => {
    const r = netmodes(['diff', lab, lab])
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^No difference/)
    expect(r.code).toBe(0)
  })

  test('a network made internal: its rules as diff -u, its route out gone, the cells that flip with the reason', () => {
    const r = netmodes(['diff', lab, '--to-network', 'db --internal'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`--- ${lab}\n+++ ${lab} (changed)\n@@ `)
    expect(r.stdout).toMatch(/\n\+-A DOCKER-ISOLATION-STAGE-1 ! -s 172\.19\.0\.0\/16 -o br-\w+ -j DROP\n/)
    expect(r.stdout).toContain('  pg:\n    - default via 172.19.0.1 dev eth0\n')
    expect(r.stdout).toContain(
      '  pg → internet\n    - reachable\n    + blocked: pg cannot reach the internet machine: network db is internal and gives no route out.\n',
    )
  })

  test('--to-engine 20.10 --json: the engines, and the MACs 20.10 derives where 28 draws them', () => {
    const r = netmodes(['diff', lab, '--to-engine', '20.10', '--json'])
    expect(r.code).toBe(1)
    const d = JSON.parse(r.stdout)
    expect(d.engine).toEqual({ before: '28', after: '20.10' })
    const web = d.containers.changed.find((c: { name: string }) => c.name === 'web')
    expect(web.changes.find((c: { field: string }) => c.field === 'app MAC').after).toBe('02:42:ac:12:00:02')
    expect(d.iptables).toContain('\n-*raw\n')
  })

  test('--to-dockerd with --port: ICC off cuts the default bridge only, and the question asked is the one answered', () => {
    const bridge = join(dir, 'bridge.sh')
    writeFileSync(bridge, 'docker run -d --name b1 nginx\ndocker run -d --name b2 nginx\n')
    const r = netmodes(['diff', bridge, '--to-dockerd', '--icc=false', '--port', '80', '--lang', 'zh-CN'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('守护进程设置:\n  ~ icc: （未设置） → false')
    expect(r.stdout).toContain('连通性（tcp/80）')
    expect(r.stdout).not.toContain('连通性（ping）')
    expect(r.stdout).toContain('  b1 → b2\n    - 可达\n    + 不通：')
  })

  test('a command that fails only in the changed lab is said first, with what Docker said', () => {
    const r = netmodes(['diff', lab, '--to-network', 'app --subnet 10.300.0.0/24'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /^Commands that fail only in .*\(changed\), so what differs below follows from them:\n {2}\$ docker network create app --subnet 10\.300\.0\.0\/24\n {4}Error response from daemon: invalid network config:\n/,
    )
  })

  test('two lab files, as they are', () => {
    const a = join(dir, 'a.json')
    const b = join(dir, 'b.json')
    expect(netmodes(['--lab', a, 'docker', 'network', 'create', 'app']).code).toBe(0)
    expect(netmodes(['--lab', b, 'docker', 'network', 'create', 'app']).code).toBe(0)
    expect(
      netmodes(['--lab', b, 'docker', 'run', '-d', '--name', 'web', '--network', 'app', 'nginx']).code,
    ).toBe(0)
    const r = netmodes(['diff', a, b])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('Containers:\n  + web\n')
    expect(netmodes(['diff', a, a]).code).toBe(0)
  })

  test.each([
    [
      ['diff', lab],
      'nothing to compare: give a second scenario, or --to-engine, --to-daemon, --to-dockerd or --to-network',
    ],
    [
      ['diff', lab, '--to-network', 'nope --internal'],
      'no "docker network create ... nope" line in the scenario to change',
    ],
    [
      ['diff', lab, '--to-network', 'db'],
      '--to-network takes "NAME FLAGS", as in --to-network "db --internal"',
    ],
    [['diff', lab, '--to-dockerd', '--bogus'], 'dockerd: unknown flag: --bogus'],
    [['diff', lab, '--to-engine', '28', '--port', '0'], '--port "0": must be a number from 1 to 65535'],
    [['diff', join(dir, 'missing.sh'), lab], `cannot read ${join(dir, 'missing.sh')}: ENOENT`],
  ])('%j is refused with one line, exit 2', (args, message) => {
    const r = netmodes(args)
    expect(r.stderr).toBe(`netmodes: ${message}\n`)
    expect(r.stdout).toBe('')
    expect(r.code).toBe(2)
  })

  test('a scenario line that cannot run names its file and line', () => {
    const bad = join(dir, 'bad.sh')
    writeFileSync(bad, 'docker network create app\nfoo bar\n')
    const r = netmodes(['diff', lab, bad])
    expect(r.stderr).toBe(
      `netmodes: ${bad}:2: unknown statement "foo bar" (expected "docker ...", "trace ...", "listen ...", "dockerd ...", "host ip ..." or a # comment)\n`,
    )
    expect(r.code).toBe(2)
  })
})
