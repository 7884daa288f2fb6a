/** `netmodes demo`: every mode on one host, step by step. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { examples, netmodes, tempDir } from './helpers.js'

describe('netmodes demo', () => {
  test('each command with its operations, the lab summary and the mode table', () => {
    const r = netmodes(['demo'], { env: { COLUMNS: '160' } })
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^netmodes demo: every Docker network mode on one simulated host/)
    expect(r.stdout).toContain(
      '\n# A lab with every mode the article describes, side by side.\n$ docker network create --subnet 10.88.0.0/24 app\n  | ip link add br-',
    )
    expect(r.stdout).toMatch(/^ {2}\| ip link add veth[0-9a-f]{7} type veth peer name veth[0-9a-f]{7}$/m)
    expect(r.stdout).toMatch(/^ {2}\| ip -n \S+ link add vxlan0 type vxlan id 4097 dstport 4789/m)
    expect(r.stdout).toMatch(/\nThe lab now:\nNAME +MODE +INTERFACES +DEFAULT ROUTE +PUBLISHED\n/)
    for (const line of [
      /^web +app \(bridge\) +eth0 10\.88\.0\.2\/24 /m,
      /^sidecar +container:web +web's: eth0 10\.88\.0\.2\/24/m,
      /^monitor +host +the host's own interfaces/m,
      /^vault +none +lo only/m,
      /^printer +lan \(macvlan\)/m,
      /^sensor +vlan50 \(ipvlan\)/m,
      /^svc +backbone \(overlay\) +eth0 10\.0\.1\.2\/24; eth1 172\.18\.0\.3\/16/m,
    ])
      expect(r.stdout).toMatch(line)
    expect(r.stdout).toMatch(/\nThe modes side by side:\n\nMODE +HOW +ISOLATION/)
  })
  test('--no-explain: only the commands and what docker prints', () => {
    const r = netmodes(['demo', '--no-explain'])
    expect(r.stdout).not.toContain('  | ')
    expect(r.stdout).toContain('$ docker run -d --name web --network app -p 8080:80 nginx\n')
  })
  test('--lang zh-CN', () => {
    const r = netmodes(['demo', '--lang', 'zh-CN'])
    expect(r.stdout).toMatch(/^netmodes demo：在一台模拟的宿主机上运行所有 Docker 网络模式/)
    expect(r.stdout).toContain('\n各网络模式对比：\n')
  })
  test('--script is examples/mixed-lab.sh, then ipvlan and overlay', () => {
    const script = netmodes(['demo', '--script']).stdout
    expect(script.startsWith(readFileSync(join(examples, 'mixed-lab.sh'), 'utf8'))).toBe(true)
    expect(script).toContain('docker network create -d ipvlan ')
    expect(script).toContain('docker swarm init ')
  })
  test("--json is core's scenario report, as netmodes run --json prints for the same script", () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'demo.sh'), netmodes(['demo', '--script']).stdout)
    const demo = JSON.parse(netmodes(['demo', '--json']).stdout) as { steps: { ok: boolean }[] }
    expect(demo).toEqual(JSON.parse(netmodes(['run', join(dir, 'demo.sh'), '--json']).stdout))
    expect(demo.steps.length).toBe(14)
    expect(demo.steps.every((s) => s.ok)).toBe(true)
  })
  test('--save writes the lab file, and never overwrites one', () => {
    const dir = tempDir()
    const r = netmodes(['demo', '--save', '--no-explain'], { cwd: dir })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Saved the demo lab to .netmodes/lab.json.')
    const file = join(dir, '.netmodes', 'lab.json')
    const saved = readFileSync(file)
    expect(netmodes(['exec', 'web', 'ip', 'r'], { cwd: dir }).stdout).toContain(
      'default via 10.88.0.1 dev eth0',
    )
    const again = netmodes(['demo', '--save'], { cwd: dir })
    expect(again.code).toBe(2)
    expect(again.stdout).toBe('')
    expect(again.stderr).toContain('lab file .netmodes/lab.json already exists')
    expect(readFileSync(file).equals(saved)).toBe(true)
    expect(existsSync(join(dir, '.netmodes', 'lab.json'))).toBe(true)
  })
})
