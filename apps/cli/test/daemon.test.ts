/**
 * `--daemon FILE` and a scenario's `dockerd` line as a real process: the
 * daemon.json a lab's Docker daemon starts with.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { labSession, netmodes, tempDir } from './helpers.js'

const subnetOf = (inspectJson: string) =>
  (JSON.parse(inspectJson) as { IPAM: { Config: { Subnet: string }[] } }[])[0]?.IPAM.Config[0]?.Subnet

describe('netmodes run --daemon FILE', () => {
  test('docker0 and the pools come from daemon.json; settings that touch nothing are accepted', () => {
    const dir = tempDir()
    writeFileSync(
      join(dir, 'daemon.json'),
      JSON.stringify({
        bip: '10.99.0.1/24',
        'default-address-pools': [{ base: '10.123.0.0/16', size: 24 }],
        'log-driver': 'journald',
      }),
    )
    writeFileSync(join(dir, 's.sh'), 'docker network create app\ndocker network inspect bridge app\n')
    const r = netmodes(['run', '--daemon', 'daemon.json', 's.sh', '--json'], { cwd: dir })
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout) as {
      networks: { Name: string; IPAM: { Config: { Subnet: string }[] | null } }[]
    }
    const subnets = Object.fromEntries(report.networks.map((n) => [n.Name, n.IPAM.Config?.[0]?.Subnet]))
    expect(subnets).toMatchObject({ bridge: '10.99.0.0/24', app: '10.123.0.0/24' })
  })

  test('a setting both in the file and on the scenario’s dockerd line stops the daemon, naming the line', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'daemon.json'), '{"mtu": 1400}')
    writeFileSync(join(dir, 's.sh'), '# lab\ndockerd --mtu=1300\ndocker network ls\n')
    expect(netmodes(['run', '--daemon', 'daemon.json', 's.sh'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'netmodes: s.sh:2: the following directives are specified both as a flag and in the configuration file: mtu: (from flag: 1300, from file: 1400)\n',
    })
  })

  test.each([
    ['{"bip": "10.99.0.1/24",}', /^netmodes: daemon\.json: .*JSON/],
    [
      '{"bipp": "10.99.0.1/24"}',
      /^netmodes: daemon\.json: the following directives don't match any configuration option: bipp\n$/,
    ],
    ['{"dns": ["10.0.0.2"]}', /^netmodes: daemon\.json: netmodes does not model "dns" yet/],
  ])('a bad daemon.json (%s) is a clear error, exit 2, nothing run', (text, message) => {
    const dir = tempDir()
    writeFileSync(join(dir, 'daemon.json'), text)
    writeFileSync(join(dir, 's.sh'), 'docker network create app\n')
    const r = netmodes(['run', '--daemon', 'daemon.json', 's.sh'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
  })
})

describe('netmodes --daemon FILE docker ...: the lab file keeps its daemon', () => {
  test('the first command starts the lab’s daemon with it; later commands follow it; another is refused', () => {
    const lab = labSession()
    writeFileSync(join(lab.dir, 'daemon.json'), '{"bip": "10.99.0.1/24", "icc": false}')
    writeFileSync(join(lab.dir, 'other.json'), '{"bip": "10.98.0.1/24"}')
    const first = lab.run('--daemon', 'daemon.json', 'docker', 'network', 'inspect', 'bridge')
    expect(first.code).toBe(0)
    expect(subnetOf(first.stdout)).toBe('10.99.0.0/24')
    expect(lab.run('docker', 'run', '-d', '--name', 'web', 'nginx').code).toBe(0)
    expect(lab.run('host', 'iptables-save', '-t', 'filter').stdout).toContain('-i docker0 -o docker0 -j DROP')
    const before = readFileSync(lab.labPath, 'utf8')
    const refused = lab.run('--daemon', 'other.json', 'docker', 'ps')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/a lab keeps the daemon it was created with/)
    expect(readFileSync(lab.labPath, 'utf8')).toBe(before)
  })

  test('a command that starts no daemon refuses a global --daemon', () => {
    const r = netmodes(['--daemon', 'daemon.json', 'modes'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^netmodes: netmodes modes starts no daemon: --daemon does nothing here/)
  })
})
