/**
 * `netmodes docker ...`: a persistent lab in a file, Docker's own syntax,
 * docker's output and exit codes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ENGINE_20_10, labSession, netmodes, tempDir } from './helpers.js'

const ID = /^[0-9a-f]{64}\n$/

describe('the lab file', () => {
  test('is ./.netmodes/lab.json by default, created by the first command and kept between commands', () => {
    const lab = labSession({ engine: '20.10' })
    expect(existsSync(lab.labPath)).toBe(false)
    const create = lab.run('docker', 'network', 'create', '--subnet', '10.88.0.0/24', 'app')
    expect(create).toMatchObject({ code: 0, stderr: '' })
    expect(create.stdout).toMatch(ID)
    expect(existsSync(lab.labPath)).toBe(true)
    expect(
      lab.run('docker', 'run', '-d', '--name', 'web', '--network', 'app', '-p', '8080:80', 'nginx').code,
    ).toBe(0)
    const ps = lab.run('docker', 'ps')
    expect(ps.code).toBe(0)
    expect(ps.stdout).toMatch(
      /^CONTAINER ID {3}IMAGE {5}COMMAND {18}CREATED {8}STATUS {18}PORTS {2,}NAMES\n[0-9a-f]{12} {3}nginx /,
    )
    expect(ps.stdout).toContain('0.0.0.0:8080->80/tcp')
    const inspect = JSON.parse(lab.run('docker', 'network', 'inspect', 'app').stdout) as {
      Containers: Record<string, { Name: string; IPv4Address: string }>
    }[]
    expect(Object.values(inspect[0]?.Containers ?? {})).toMatchObject([
      { Name: 'web', IPv4Address: '10.88.0.2/24' },
    ])
    const ls = lab.run('docker', 'network', 'ls')
    expect(ls.stdout.split('\n').map((l) => l.split(/ {2,}/)[1])).toEqual([
      'NAME',
      'app',
      'bridge',
      'host',
      'none',
      undefined,
    ])
  })
  test('--lab FILE before `docker` names another lab', () => {
    const dir = tempDir()
    const file = join(dir, 'labs', 'one.json')
    expect(
      netmodes(['--lab', file, 'docker', 'network', 'create', 'one'], { cwd: dir, env: ENGINE_20_10 }).code,
    ).toBe(0)
    expect(existsSync(file)).toBe(true)
    expect(existsSync(join(dir, '.netmodes'))).toBe(false)
    expect(
      netmodes([`--lab=${file}`, 'docker', 'network', 'ls', '-q'], {
        cwd: dir,
        env: ENGINE_20_10,
      }).stdout.split('\n'),
    ).toHaveLength(5)
  })
  test('NETMODES_LAB names the lab when --lab is not given', () => {
    const dir = tempDir()
    const file = join(dir, 'env.json')
    netmodes(['docker', 'network', 'create', 'envnet'], { cwd: dir, env: { NETMODES_LAB: file } })
    expect(readFileSync(file, 'utf8')).toContain('"envnet"')
  })
  test("after `docker` every word is docker's, --lab included", () => {
    const r = netmodes(['docker', '--lab', 'x.json', 'ps'], { env: ENGINE_20_10 })
    expect(r).toEqual({ code: 125, stdout: '', stderr: "unknown flag: --lab\nSee 'docker --help'.\n" })
  })
  test('a command that changes nothing leaves the file as it was', () => {
    const lab = labSession({ engine: '20.10' })
    lab.run('docker', 'network', 'create', 'app')
    const before = readFileSync(lab.labPath)
    lab.run('docker', 'ps', '-a')
    lab.run('docker', 'network', 'inspect', 'app')
    expect(readFileSync(lab.labPath).equals(before)).toBe(true)
  })
})

describe("docker's errors, docker's exit codes, the lab unchanged", () => {
  test('a malformed subnet', () => {
    const lab = labSession({ engine: '20.10' })
    lab.run('docker', 'network', 'create', 'app')
    const before = readFileSync(lab.labPath)
    const r = lab.run('docker', 'network', 'create', '--subnet', '10.0.0.0/33', 'x')
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error response from daemon: Invalid subnet 10.0.0.0/33 : invalid CIDR address: 10.0.0.0/33\n',
    })
    expect(readFileSync(lab.labPath).equals(before)).toBe(true)
    expect(lab.run('docker', 'network', 'ls').stdout).not.toMatch(/ x /)
  })
  test('a port already published', () => {
    const lab = labSession({ engine: '20.10' })
    lab.run('docker', 'run', '-d', '--name', 'one', '-p', '8080:80', 'nginx')
    const r = lab.run('docker', 'run', '-d', '--name', 'two', '-p', '8080:80', 'nginx')
    expect(r.code).toBe(125)
    expect(r.stderr).toContain('Bind for 0.0.0.0:8080 failed: port is already allocated')
  })
  test('an unknown flag of a docker command (the CLI exits 125)', () => {
    const r = netmodes(['docker', 'run', '--bogus', 'nginx'], { env: ENGINE_20_10 })
    expect(r).toEqual({ code: 125, stdout: '', stderr: "unknown flag: --bogus\nSee 'docker run --help'.\n" })
  })
  test('a docker command netmodes does not simulate is said plainly', () => {
    const r = netmodes(['docker', 'pull', 'nginx'], { env: ENGINE_20_10 })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^netmodes: netmodes does not simulate `docker pull/)
  })
})

describe('the command line is handed to docker word for word', () => {
  test("quotes, spaces, $, # and ' survive", () => {
    const lab = labSession({ engine: '20.10' })
    const label = `note=it's "quoted" #1 $HOME \\ done`
    expect(lab.run('docker', 'network', 'create', '--label', label, 'app').code).toBe(0)
    const r = lab.run('docker', 'network', 'inspect', '--format', '{{json .Labels}}', 'app')
    expect(JSON.parse(r.stdout)).toEqual({ note: label.slice('note='.length) })
  })
})

describe('--explain', () => {
  test("prints the daemon's operations on stderr; stdout stays docker's", () => {
    const lab = labSession({ engine: '20.10' })
    lab.run('docker', 'network', 'create', '--subnet', '10.88.0.0/24', 'app')
    const r = netmodes(['--explain', 'docker', 'run', '-d', '--name', 'web', '--network', 'app', 'nginx'], {
      cwd: lab.dir,
    })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(ID)
    expect(r.stderr).toMatch(/^ {2}\| ip netns add [0-9a-f]{12}\n/)
    expect(r.stderr).toMatch(/^ {2}\| ip link add veth[0-9a-f]{7} type veth peer name veth[0-9a-f]{7}$/m)
    expect(r.stderr).toContain('  | ip -n ')
    expect(r.stderr).toMatch(/addr add 10\.88\.0\.2\/24 brd 10\.88\.0\.255 dev eth0$/m)
    for (const line of r.stderr.trimEnd().split('\n')) expect(line).toMatch(/^ {2}\| /)
  })
  test('NETMODES_EXPLAIN=1 does the same, for alias docker="netmodes docker"', () => {
    const r = netmodes(['docker', 'network', 'create', 'app'], { env: { NETMODES_EXPLAIN: '1' } })
    expect(r.stderr).toMatch(/^ {2}\| ip link add br-[0-9a-f]{12} type bridge$/m)
  })
})

describe('a lab file that is not a lab: message, exit 2, the file left byte for byte', () => {
  test.each([
    ['invalid JSON', '{"schema": 1,', /^netmodes: lab file .*bad\.json is not valid JSON: /],
    [
      'JSON that is not a lab',
      '{"hello": "world"}\n',
      /^netmodes: lab file .*bad\.json is not a netmodes lab \(schema 1\): schema: is missing\n/,
    ],
    [
      'a lab with parts missing',
      '{"schema":1,"namespaces":{},"networks":[],"netfilter":{}}',
      /^netmodes: lab file .*bad\.json is not a netmodes lab \(schema 1\): profile: is missing\n/,
    ],
  ])('%s', (_, content, message) => {
    const dir = tempDir()
    const file = join(dir, 'bad.json')
    writeFileSync(file, content)
    const r = netmodes(['--lab', file, 'docker', 'network', 'create', 'app'], { cwd: dir, env: ENGINE_20_10 })
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
    expect(readFileSync(file, 'utf8')).toBe(content)
    expect(existsSync(`${file}.tmp`)).toBe(false)
  })
  test('a lab path that is a directory', () => {
    const dir = tempDir()
    const r = netmodes(['--lab', dir, 'docker', 'ps'], { env: ENGINE_20_10 })
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`netmodes: lab file ${dir} is a directory, not a lab file\n`)
  })
})

describe('netmodes docker without arguments, or with only --help', () => {
  test.each([[[]], [['--help']], [['-h']]])("prints netmodes' help for docker: %j", (args) => {
    const r = netmodes(['docker', ...args], { env: ENGINE_20_10 })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^netmodes docker: Run a docker command on the persistent lab/)
  })
})

describe('docker exec CONTAINER ip ...', () => {
  test('is answered from the lab, like netmodes exec', () => {
    const lab = labSession({ engine: '20.10' })
    lab.run('docker', 'run', '-d', '--name', 'web', 'nginx')
    const viaDocker = lab.run('docker', 'exec', '-it', 'web', 'ip', 'addr')
    expect(viaDocker.code).toBe(0)
    expect(viaDocker.stdout).toContain('inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0')
    expect(viaDocker).toEqual(lab.run('exec', 'web', 'ip', 'addr'))
  })
})

test("docker port: an unpublished port is docker's error and exit 1, not silence", () => {
  const s = labSession({ engine: '20.10' })
  expect(s.run('docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'nginx').code).toBe(0)
  expect(s.run('docker', 'port', 'web', '80')).toEqual({
    code: 0,
    stdout: '0.0.0.0:8080\n:::8080\n',
    stderr: '',
  })
  expect(s.run('docker', 'port', 'web', '80/udp')).toEqual({
    code: 1,
    stdout: '',
    stderr: "Error: No public port '80/udp' published for web\n",
  })
  expect(s.run('docker', 'port', 'nosuch')).toEqual({
    code: 1,
    stdout: '',
    stderr: 'Error: No such container: nosuch\n',
  })
})

test('IPv6 on a bridge network is simulated; on ipvlan netmodes says plainly it is not (exit 1, lab file unchanged)', () => {
  const s = labSession()
  expect(s.run('docker', 'network', 'create', '--ipv6', '--subnet', 'fd00::/64', 'v6').code).toBe(0)
  const run = s.run('docker', 'run', '-d', '--name', 'web', '--network', 'v6', '--ip6', 'fd00::5', 'nginx')
  expect(run.code).toBe(0)
  expect(
    s.run('docker', 'inspect', '-f', '{{.NetworkSettings.Networks.v6.GlobalIPv6Address}}', 'web'),
  ).toEqual({
    code: 0,
    stdout: 'fd00::5\n',
    stderr: '',
  })
  expect(s.run('exec', 'web', 'ip', '-6', 'route')).toEqual({
    code: 0,
    stdout:
      'fd00::/64 dev eth0 proto kernel metric 256 pref medium\n' +
      'fe80::/64 dev eth0 proto kernel metric 256 pref medium\n' +
      'default via fd00::1 dev eth0 metric 1024 pref medium\n',
    stderr: '',
  })
  expect(s.run('exec', 'web', 'ip', '-4', 'addr', 'show', 'eth0').stdout).not.toContain('inet6')
  expect(s.run('exec', 'web', 'ip', '-6', 'addr', 'show', 'eth0').stdout).toContain(
    '    inet6 fd00::5/64 scope global nodad \n',
  )
  const before = readFileSync(s.labPath, 'utf8')
  expect(
    s.run(
      'docker',
      'network',
      'create',
      '-d',
      'ipvlan',
      '--ipv6',
      '--subnet',
      'fd01::/64',
      '-o',
      'parent=eth0',
      'mv6',
    ),
  ).toEqual({
    code: 1,
    stdout: '',
    stderr: 'netmodes: netmodes does not simulate IPv6 on ipvlan networks yet; the lab is unchanged\n',
  })
  expect(readFileSync(s.labPath, 'utf8')).toBe(before)
})
