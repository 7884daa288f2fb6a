/**
 * `netmodes exec CONTAINER ip ...` and `netmodes host ...`: the views from
 * inside a namespace of the lab file.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { ENGINE_20_10, labSession, netmodes, type Run, tempDir } from './helpers.js'

let run: (...args: string[]) => Run
let webId: string

beforeAll(() => {
  const lab = labSession({ engine: '20.10' })
  run = lab.run
  run('docker', 'network', 'create', '--subnet', '10.88.0.0/24', 'app')
  webId = run(
    'docker',
    'run',
    '-d',
    '--name',
    'web',
    '--network',
    'app',
    '-p',
    '8080:80',
    'nginx',
  ).stdout.trim()
  run('docker', 'run', '-d', '--name', 'sidecar', '--network', 'container:web', 'busybox', 'sleep', '3600')
  run('docker', 'run', '-d', '--name', 'monitor', '--network', 'host', 'prom/node-exporter')
  run('docker', 'run', '-d', '--name', 'vault', '--network', 'none', 'busybox', 'sleep', '3600')
  run('docker', 'create', '--name', 'idle', 'busybox')
})

describe('netmodes exec', () => {
  test('ip addr inside a bridge container: lo and eth0, the peer of a host veth', () => {
    const r = run('exec', 'web', 'ip', 'addr')
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 /)
    expect(r.stdout).toMatch(/^\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 /m)
    expect(r.stdout).toContain('    inet 10.88.0.2/24 brd 10.88.0.255 scope global eth0\n')
  })
  test('ip route: the default route through the bridge', () => {
    expect(run('exec', 'web', 'ip', 'route').stdout).toBe(
      'default via 10.88.0.1 dev eth0 \n10.88.0.0/24 dev eth0 proto kernel scope link src 10.88.0.2 \n',
    )
  })
  test('abbreviations and show: ip a, ip r, ip link show eth0', () => {
    expect(run('exec', 'web', 'ip', 'a')).toEqual(run('exec', 'web', 'ip', 'address', 'show'))
    expect(run('exec', 'web', 'ip', 'r')).toEqual(run('exec', 'web', 'ip', 'route', 'show'))
    const link = run('exec', 'web', 'ip', 'link', 'show', 'eth0').stdout
    expect(link).toMatch(
      /^\d+: eth0@if\d+: .* mode DEFAULT group default \n {4}link\/ether 02:42:0a:58:00:02 /,
    )
    expect(link.split('\n')).toHaveLength(3)
  })
  test('ip -j addr, ip -j route, ip -j link: JSON as iproute2 prints it', () => {
    const addr = JSON.parse(run('exec', 'web', 'ip', '-j', 'addr').stdout) as { ifname: string }[]
    expect(addr.map((l) => l.ifname)).toEqual(['lo', 'eth0'])
    const route = JSON.parse(run('exec', 'web', 'ip', '-j', 'route').stdout) as { dst: string }[]
    expect(route.map((r) => r.dst)).toEqual(['default', '10.88.0.0/24'])
    const link = JSON.parse(run('exec', 'web', 'ip', '-json', 'link').stdout) as Record<string, unknown>[]
    expect(Object.keys(link[1] ?? {})).toEqual([
      'ifindex',
      'link_index',
      'ifname',
      'flags',
      'mtu',
      'qdisc',
      'operstate',
      'linkmode',
      'group',
      'link_type',
      'address',
      'broadcast',
      'link_netnsid',
    ])
  })
  test("container:web mode sees web's namespace, by name or by id prefix", () => {
    expect(run('exec', 'sidecar', 'ip', 'addr')).toEqual(run('exec', 'web', 'ip', 'addr'))
    expect(run('exec', webId.slice(0, 6), 'ip', 'addr')).toEqual(run('exec', 'web', 'ip', 'addr'))
  })
  test("host mode sees the host's namespace", () => {
    expect(run('exec', 'monitor', 'ip', 'addr')).toEqual(run('host', 'ip', 'addr'))
  })
  test('none mode: only lo', () => {
    expect(run('exec', 'vault', 'ip', 'addr').stdout).toMatch(/^1: lo: [^\n]*\n( {4}[^\n]*\n)*$/)
  })
  test("a missing container: docker 20.10's words, exit 1", () => {
    expect(run('exec', 'nope', 'ip', 'addr')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error: No such container: nope\n',
    })
  })
  test('a container that is not running', () => {
    const id = JSON.parse(run('docker', 'inspect', 'idle').stdout)[0].Id as string
    expect(run('exec', 'idle', 'ip', 'addr')).toEqual({
      code: 1,
      stdout: '',
      stderr: `Error response from daemon: Container ${id} is not running\n`,
    })
  })
  test("ip's own errors", () => {
    expect(run('exec', 'web', 'ip', 'foo')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Object "foo" is unknown, try "ip help".\n',
    })
    expect(run('exec', 'web', 'ip', '-z', 'addr')).toEqual({
      code: 255,
      stdout: '',
      stderr: 'Option "-z" is unknown, try "ip -help".\n',
    })
    expect(run('exec', 'web', 'ip', 'addr', 'show', 'eth9')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Device "eth9" does not exist.\n',
    })
  })
  test('what is not modelled is said, with exit 2', () => {
    const r = run('exec', 'web', 'ps', 'aux')
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      'netmodes: exec runs `ip addr|route|link` and `cat /etc/hosts|resolv.conf|hostname`, not `ps aux`\n',
    )
    expect(run('exec', 'web', 'ip', 'neigh').stderr).toContain('`ip neighbor` is not modelled')
  })
  test('--lab after exec, before the container', () => {
    const dir = tempDir()
    const file = join(dir, 'lab.json')
    netmodes(['--lab', file, 'docker', 'run', '-d', '--name', 'solo', 'busybox'], {
      cwd: dir,
      env: ENGINE_20_10,
    })
    expect(
      netmodes(['exec', '--lab', file, 'solo', 'ip', 'r'], { cwd: dir, env: ENGINE_20_10 }).stdout,
    ).toContain('default via 172.17.0.1 dev eth0')
  })
})

describe('netmodes host', () => {
  test('ip addr: the uplink, docker0, the user-defined bridge, the host ends of the veth pairs', () => {
    const r = run('host', 'ip', 'addr')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0')
    expect(r.stdout).toMatch(/inet 10\.88\.0\.1\/24 brd 10\.88\.0\.255 scope global br-[0-9a-f]{12}/)
    expect(r.stdout).toMatch(/^\d+: veth[0-9a-f]{7}@if\d+: .* master br-[0-9a-f]{12} /m)
  })
  test('ip route: a route per bridge subnet', () => {
    expect(run('host', 'ip', 'route').stdout).toMatch(
      /^10\.88\.0\.0\/24 dev br-[0-9a-f]{12} proto kernel scope link src 10\.88\.0\.1 $/m,
    )
  })
  test('ip -j link is JSON', () => {
    const links = JSON.parse(run('host', 'ip', '-j', 'link').stdout) as { ifname: string }[]
    expect(links.map((l) => l.ifname)).toContain('docker0')
  })
  test('iptables-save -t nat: the DNAT of the published port', () => {
    const r = run('host', 'iptables-save', '-t', 'nat')
    expect(r.stdout).toMatch(/^\*nat\n/)
    expect(r.stdout).toMatch(
      /-A DOCKER ! -i br-[0-9a-f]{12} -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10\.88\.0\.2:80/,
    )
    expect(r.stdout).not.toContain('*filter')
  })
  test('iptables-save alone: nat, then filter', () => {
    const r = run('host', 'iptables-save')
    expect(r.stdout.indexOf('*nat')).toBe(0)
    expect(r.stdout).toContain('\nCOMMIT\n*filter\n')
    expect(r.stdout).toEqual(
      run('host', 'iptables-save', '-t', 'nat').stdout +
        run('host', 'iptables-save', '--table=filter').stdout,
    )
  })
  test('iptables-save -t raw is not modelled on 20.10, which writes none', () => {
    const r = run('host', 'iptables-save', '-t', 'raw')
    expect(r.code).toBe(2)
    expect(r.stderr).toBe("netmodes: table 'raw' is not modelled: Docker 20.10 programs nat, filter\n")
  })
  test('on 28 (the default) iptables-save shows raw too: the direct-access DROP of each container', () => {
    const lab = labSession()
    expect(lab.run('docker', 'run', '-d', '--name', 'web', 'nginx').code).toBe(0)
    const raw = lab.run('host', 'iptables-save', '-t', 'raw')
    expect(raw.code).toBe(0)
    expect(raw.stdout).toMatch(/^\*raw\n/)
    expect(raw.stdout).toContain('-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP\n')
    expect(lab.run('host', 'iptables-save').stdout.indexOf('*raw')).toBe(0)
  })
})

describe('a lab file that is missing or damaged', () => {
  test('missing: exec and host say so, exit 2', () => {
    const dir = tempDir()
    for (const args of [
      ['exec', 'web', 'ip', 'addr'],
      ['host', 'ip', 'addr'],
    ]) {
      const r = netmodes(args, { cwd: dir, env: ENGINE_20_10 })
      expect(r.code).toBe(2)
      expect(r.stderr).toBe(
        'netmodes: no lab file at .netmodes/lab.json: `netmodes docker ...` creates one (or `netmodes demo --save`)\n',
      )
    }
  })
  test('not a lab: exit 2', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'x.json'), '[]')
    const r = netmodes(['host', '--lab', join(dir, 'x.json'), 'ip', 'addr'], { env: ENGINE_20_10 })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('is not a netmodes lab (schema 1)')
  })
})
