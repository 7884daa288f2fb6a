/**
 * The files Docker writes into a container, read through the built CLI
 * (`netmodes exec C cat /etc/...`), the inspect fields that record the
 * settings they come from, and `docker network|container prune`. The
 * expected texts are those Docker Engine 20.10.24 wrote
 * (conformance/recorded/20.10/etc-files.json, prune.json, config-only.json).
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { labSession, type Run } from './helpers.js'

const DEFAULTS =
  '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n'

let run: (...args: string[]) => Run
let linkId: string

beforeAll(() => {
  run = labSession({ engine: '20.10' }).run
  run('docker', 'network', 'create', '--subnet', '10.201.0.0/24', 'app')
  run(
    'docker',
    ...['run', '-d', '--name', 'db', '--dns', '198.51.100.53', '--dns-search', 'example.com'],
    ...['--dns-option', 'ndots:2', '--add-host', 'cache:10.9.0.5', '--hostname', 'web'],
    ...['--domainname', 'corp.example', '--sysctl', 'net.ipv4.ip_forward=1', 'busybox', 'sleep', '3600'],
  )
  linkId = run('docker', 'run', '-d', '--name', 'client', '--link', 'db:dbalias', 'busybox').stdout.trim()
  run('docker', 'run', '-d', '--name', 'api', '--network', 'app', 'busybox')
  run('docker', 'run', '-d', '--name', 'shared', '--network', 'container:db', 'busybox')
})

describe('netmodes exec C cat /etc/...', () => {
  test('--add-host, --hostname and --domainname in /etc/hosts; --dns* in resolv.conf', () => {
    expect(run('exec', 'db', 'cat', '/etc/hosts')).toEqual({
      code: 0,
      stdout: `${DEFAULTS}10.9.0.5\tcache\n172.17.0.2\tweb.corp.example web\n`,
      stderr: '',
    })
    expect(run('exec', 'db', 'cat', '/etc/resolv.conf').stdout).toBe(
      'search example.com\nnameserver 198.51.100.53\noptions ndots:2\n',
    )
    expect(run('exec', 'db', 'cat', '/etc/hostname').stdout).toBe('web\n')
  })
  test('a legacy link adds "alias hostname name" for the child on the default bridge', () => {
    expect(run('exec', 'client', 'cat', '/etc/hosts').stdout).toBe(
      `${DEFAULTS}172.17.0.2\tdbalias web db\n172.17.0.3\t${linkId.slice(0, 12)}\n`,
    )
  })
  test('a user-defined network: the embedded DNS server with ndots:0', () => {
    expect(run('exec', 'api', 'cat', '/etc/resolv.conf').stdout).toBe(
      'nameserver 127.0.0.11\noptions ndots:0\n',
    )
  })
  test('docker exec through `netmodes docker` too; container: mode sees the owner files', () => {
    expect(run('docker', 'exec', 'shared', 'cat', '/etc/hostname').stdout).toBe('web\n')
  })
  test('any other file is refused plainly, exit 2', () => {
    const r = run('exec', 'db', 'cat', '/etc/passwd')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /^netmodes: exec runs `cat` of \/etc\/hosts, \/etc\/resolv.conf, \/etc\/hostname only/,
    )
  })
})

describe('inspect fields', () => {
  test('HostConfig.Links, Dns, ExtraHosts and Sysctls are stored', () => {
    const r = run(
      'docker',
      'inspect',
      '-f',
      '{{json .HostConfig.Links}} {{json .HostConfig.Dns}} {{json .HostConfig.ExtraHosts}}',
      'client',
      'db',
    )
    expect(r.stdout).toBe('["/db:/client/dbalias"] [] null\nnull ["198.51.100.53"] ["cache:10.9.0.5"]\n')
    expect(
      run('docker', 'inspect', '-f', '{{json .HostConfig.Sysctls}} {{.Config.Domainname}}', 'db').stdout,
    ).toBe('{"net.ipv4.ip_forward":"1"} corp.example\n')
  })
  test('a link to a missing container is refused, nothing created', () => {
    const r = run('docker', 'run', '-d', '--name', 'bad', '--link', 'nosuch:x', 'busybox')
    expect(r.code).toBe(125)
    expect(r.stderr).toBe(
      "docker: Error response from daemon: could not get container for nosuch: No such container: nosuch.\nSee 'docker run --help'.\n",
    )
    expect(run('docker', 'inspect', 'bad').code).toBe(1)
  })
})

describe('prune', () => {
  test('network prune: the unused networks, then a blank line; config networks stay', () => {
    const lab = labSession({ engine: '20.10' })
    lab.run('docker', 'network', 'create', '--subnet', '10.203.0.0/24', 'unused')
    lab.run('docker', 'network', 'create', '--config-only', '--subnet', '10.203.5.0/24', 'cfg')
    expect(lab.run('docker', 'network', 'prune', '-f')).toEqual({
      code: 0,
      stdout: 'Deleted Networks:\nunused\n\n',
      stderr: '',
    })
    expect(lab.run('docker', 'network', 'inspect', '-f', '{{.Driver}} {{.ConfigOnly}}', 'cfg').stdout).toBe(
      'null true\n',
    )
  })
  test('container prune: stopped and created containers, newest first, and the space reclaimed', () => {
    const lab = labSession({ engine: '20.10' })
    const a = lab.run('docker', 'create', '--name', 'older', 'busybox').stdout.trim()
    const b = lab.run('docker', 'create', '--name', 'newer', 'busybox').stdout.trim()
    lab.run('docker', 'run', '-d', '--name', 'up', 'busybox')
    expect(lab.run('docker', 'container', 'prune', '-f').stdout).toBe(
      `Deleted Containers:\n${b}\n${a}\n\nTotal reclaimed space: 0B\n`,
    )
    expect(lab.run('docker', 'container', 'prune', '-f').stdout).toBe('Total reclaimed space: 0B\n')
  })
  test('without -f: the question, answered "no" (no input), nothing removed', () => {
    const lab = labSession({ engine: '20.10' })
    lab.run('docker', 'network', 'create', 'keep')
    expect(lab.run('docker', 'network', 'prune').stdout).toBe(
      'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ',
    )
    expect(lab.run('docker', 'network', 'inspect', '-f', '{{.Name}}', 'keep').stdout).toBe('keep\n')
  })
  test('a configuration network is never joined', () => {
    const lab = labSession({ engine: '20.10' })
    lab.run('docker', 'network', 'create', '--config-only', 'cfg')
    const r = lab.run('docker', 'run', '-d', '--name', 'joiner', '--network', 'cfg', 'busybox')
    expect(r.code).toBe(125)
    expect(r.stderr).toBe(
      'docker: Error response from daemon: cannot create endpoint on configuration-only network.\n',
    )
  })
})
