/**
 * `netmodes run` as a real process: argv in, stdout/stderr/exit code out,
 * against the built binary.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { netmodes as run, tempDir } from './helpers.js'

const bin = fileURLToPath(new URL('../dist/netmodes.js', import.meta.url))
const examples = fileURLToPath(new URL('../../../examples/', import.meta.url))

function netmodes(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

interface Report {
  steps: { command: string; ok: boolean; output?: string; error?: string }[]
  networks: { Name: string; Containers: Record<string, { Name: string; IPv4Address: string }> }[]
  containers: { Name: string; NetworkSettings: { Networks: Record<string, { IPAddress: string }> } }[]
  namespaces: Record<string, { addr: { ifname: string }[]; route: unknown[] }>
  iptables: { nat: string; filter: string }
}

// swarm.sh is a lab of several hosts: its own tests below.
const singleHost = readdirSync(examples).filter((f) => f.endsWith('.sh') && f !== 'swarm.sh')

describe.each(singleHost)('netmodes run examples/%s', (file) => {
  test('--json prints one document with every step and the final state', () => {
    const r = netmodes('run', join(examples, file), '--json')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout) as Report
    expect(report.steps.length).toBeGreaterThan(0)
    expect(report.networks.map((n) => n.Name)).toEqual(expect.arrayContaining(['bridge', 'host', 'none']))
    expect(report.iptables.nat).toContain('*nat\n')
    expect(report.iptables.filter).toContain(':FORWARD DROP [0:0]')
    expect(report.namespaces.host?.addr.map((l) => l.ifname)).toContain('docker0')
  })
  test('text mode echoes each command and prints docker output', () => {
    const r = netmodes('run', join(examples, file))
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^\$ docker /)
  })
})

describe('what each example builds', () => {
  const run = (file: string) => JSON.parse(netmodes('run', join(examples, file), '--json').stdout) as Report
  test('bridge: web is on docker0 and app; its published port follows the gateway network (app < bridge)', () => {
    const report = run('bridge.sh')
    const web = report.containers.find((c) => c.Name === '/web')
    expect(web?.NetworkSettings.Networks.bridge?.IPAddress).toBe('172.17.0.2')
    expect(web?.NetworkSettings.Networks.app?.IPAddress).toBe('10.88.0.2')
    expect(report.iptables.nat).toMatch(
      /-A DOCKER ! -i br-[0-9a-f]{12} -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10\.88\.0\.2:80/,
    )
    expect(report.containers.find((c) => c.Name === '/api')?.NetworkSettings.Networks.app?.IPAddress).toBe(
      '10.88.0.10',
    )
  })
  test('container mode: the sidecar sees the same namespace as web; the bad line is refused', () => {
    const report = run('container.sh')
    expect(report.namespaces.sidecar).toEqual(report.namespaces.web)
    const bad = report.steps.find((s) => s.command.includes('--name bad'))
    expect(bad?.ok).toBe(false)
    // Docker 28's wording (the default engine); 20.10 ends the sentence and says "See 'docker run --help'."
    expect(bad?.error).toBe(
      "docker: Error response from daemon: conflicting options: port publishing and the container type network mode\n\nRun 'docker run --help' for more information\n",
    )
  })
  test('none mode: only lo', () => {
    expect(run('none.sh').namespaces.vault?.addr.map((l) => l.ifname)).toEqual(['lo'])
  })
  test('host mode: the container sees the host namespace and the ports are discarded with a warning', () => {
    const report = run('host.sh')
    expect(report.namespaces.monitor).toEqual(report.namespaces.host)
    expect(report.steps[0]?.error).toBe(
      'WARNING: Published ports are discarded when using host network mode\n',
    )
  })
  test('overlay: refused before swarm; afterwards eth0 (MTU 1450) on the overlay and eth1 on docker_gwbridge', () => {
    const report = run('overlay.sh')
    expect(report.steps[0]?.ok).toBe(false)
    const svc = report.namespaces.svc as unknown as { addr: { ifname: string; mtu: number }[] }
    expect(svc.addr.map((l) => [l.ifname, l.mtu])).toEqual([
      ['lo', 65536],
      ['eth0', 1450],
      ['eth1', 1500],
    ])
  })
})

describe('bad input: a clear message on stderr, exit code 2', () => {
  test('a missing scenario file', () => {
    const r = netmodes('run', '/nonexistent/lab.sh')
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('netmodes: cannot read scenario /nonexistent/lab.sh: ENOENT\n')
  })
  test('an unknown statement names its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netmodes-'))
    writeFileSync(join(dir, 'bad.sh'), '# ok\nkubectl get pods\n')
    const r = netmodes('run', join(dir, 'bad.sh'))
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      `netmodes: ${join(dir, 'bad.sh')}:2: unknown statement "kubectl get pods" (expected "docker ...", "trace ...", "listen ...", "dockerd ...", "host ip ..." or a # comment)\n`,
    )
  })
  test('a host file that is not ip -j output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netmodes-'))
    writeFileSync(join(dir, 'host.json'), '{"addr": 1}')
    const r = netmodes('run', join(examples, 'none.sh'), '--host', join(dir, 'host.json'))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('must be {"addr": <ip -j addr>, "route": <ip -j route>}')
  })
})

test('--host: Docker avoids a subnet the host has a route on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netmodes-'))
  const host = {
    addr: [
      {
        ifindex: 1,
        ifname: 'lo',
        link_type: 'loopback',
        addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8 }],
      },
      {
        ifindex: 2,
        ifname: 'eth0',
        link_type: 'ether',
        addr_info: [{ family: 'inet', local: '172.17.5.10', prefixlen: 24 }],
      },
    ],
    route: [{ dst: '172.17.5.0/24', dev: 'eth0', protocol: 'kernel', scope: 'link', prefsrc: '172.17.5.10' }],
  }
  writeFileSync(join(dir, 'host.json'), JSON.stringify(host))
  writeFileSync(join(dir, 'lab.sh'), 'docker run -d --name aa busybox\n')
  const report = JSON.parse(
    netmodes('run', join(dir, 'lab.sh'), '--host', join(dir, 'host.json'), '--json').stdout,
  ) as Report
  expect(report.containers[0]?.NetworkSettings.Networks.bridge?.IPAddress).toBe('172.18.0.2')
})

test('netmodes run: docker exec -d and listen lines open sockets; a port nothing listens on is refused', () => {
  const dir = tempDir()
  const file = join(dir, 'listen.sh')
  writeFileSync(
    file,
    [
      'docker network create app',
      'docker run -d --name srv --network app busybox sleep 1d',
      'docker run -d --name peer --network app busybox sleep 1d',
      'docker exec -d srv nc -ll -p 80 -e echo ok',
      'listen srv 53/udp',
      'trace peer -> srv:80/tcp',
      'trace peer -> srv:81/tcp',
      'trace peer -> srv:54/udp',
      '',
    ].join('\n'),
  )
  const r = run(['run', file])
  expect(r.code).toBe(0)
  const body = r.stdout.slice(0, r.stdout.indexOf('\n\nThe lab now:'))
  expect(
    body
      .replace(/^[0-9a-f]{64}$/gm, '<id>')
      .split('\n')
      .slice(6),
  ).toEqual([
    '$ docker exec -d srv nc -ll -p 80 -e echo ok',
    '$ listen srv 53/udp',
    '$ trace peer -> srv:80/tcp',
    '  => delivered',
    '  => the reply gets back',
    '$ trace peer -> srv:81/tcp',
    '  => dropped: srv refuses port 81/tcp: nothing listens there (listening: tcp/80, udp/53), so its kernel answers the SYN with a TCP RST (connection refused).',
    '$ trace peer -> srv:54/udp',
    '  => dropped: srv refuses port 54/udp: nothing listens there (listening: tcp/80, udp/53), so its kernel answers with ICMP port unreachable (the datagram goes unanswered).',
  ])
})

describe('netmodes run prints each trace verdict where the trace line stands', () => {
  const dir = tempDir()
  const file = join(dir, 'traces.sh')
  writeFileSync(
    file,
    [
      'docker network create --subnet 10.88.0.0/24 app',
      'docker run -d --name web --network app -p 8080:80 nginx',
      'trace lan -> host:8080/tcp',
      'trace lan -> web',
      'docker run -d --name db --network app postgres',
      'trace db -> web:80/tcp',
      '',
    ].join('\n'),
  )
  test('delivered (and the reply), or dropped with the reason, between the commands; plain in a pipe', () => {
    const r = run(['run', file])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const body = r.stdout.slice(0, r.stdout.indexOf('\n\nThe lab now:'))
    expect(body.replace(/^[0-9a-f]{64}$/gm, '<id>').split('\n')).toEqual([
      '$ docker network create --subnet 10.88.0.0/24 app',
      '<id>',
      '$ docker run -d --name web --network app -p 8080:80 nginx',
      '<id>',
      '$ trace lan -> host:8080/tcp',
      '  => delivered',
      '  => the reply gets back',
      '$ trace lan -> web',
      expect.stringMatching(/^ {2}=> dropped: No route: /),
      '$ docker run -d --name db --network app postgres',
      '<id>',
      '$ trace db -> web:80/tcp',
      '  => delivered',
      '  => the reply gets back',
    ])
  })
  test('coloured only when colours are on (FORCE_COLOR for a pipe)', () => {
    const r = run(['run', file], { env: { FORCE_COLOR: '1' } })
    expect(r.stdout).toContain('  => \u001b[32mdelivered\u001b[39m\n')
    expect(r.stdout).toContain('  => \u001b[31mdropped\u001b[39m: ')
    expect(run(['run', file], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[')
  })
})

describe('netmodes run of a scenario of several hosts (examples/swarm.sh)', () => {
  test('each line runs on its node; --explain shows the trace crossing the nodes in VXLAN', () => {
    const r = netmodes('run', join(examples, 'swarm.sh'), '--engine', '20.10', '--explain')
    expect([r.code, r.stderr]).toEqual([0, ''])
    // The join's operations (--explain) stand between its command and what it prints.
    expect(r.stdout).toMatch(
      /\$ docker --node node2 swarm join --token WORKER_TOKEN 203\.0\.113\.11:2377\n( {2}\| .*\n)+This node joined a swarm as a worker\.\n/,
    )
    expect(r.stdout).toMatch(
      /\[node1 1-[0-9a-z]{10}\] vxlan0: encapsulates the frame for 10\.210\.0\.4 \([0-9a-f:]{17}\) in VXLAN id 4097: UDP 203\.0\.113\.11 > 203\.0\.113\.12:4789/,
    )
    expect(r.stdout).toContain('[node1 host] eth0: the packet for 203.0.113.12 goes to node2')
    expect(r.stdout).toMatch(/\[node2 [0-9a-f]{12}\] delivered to 10\.210\.0\.4:80\/tcp on eth0/)
    expect(r.stdout).toContain('  => delivered\n  => the reply gets back\n')
    expect(r.stdout).toContain('\nnode2 (203.0.113.12) now:\n')
  })
  test("--json has each step with its node and each node's lab", () => {
    const r = netmodes('run', join(examples, 'swarm.sh'), '--json')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout) as {
      steps: { node: string; ok: boolean }[]
      traces: { delivered: boolean }[]
      nodes: Record<string, { address: string; containers: { Name: string }[] }>
    }
    expect(report.steps.map((s) => [s.node, s.ok])).toEqual([
      ['node1', true],
      ['node2', true],
      ['node1', true],
      ['node1', true],
      ['node2', true],
    ])
    expect(report.traces.map((t) => t.delivered)).toEqual([true])
    expect(report.nodes.node2?.address).toBe('203.0.113.12')
    expect(report.nodes.node2?.containers.map((c) => c.Name)).toEqual(['/b1'])
  })
  test('--host describes one host: refused for several, with exit 2 and nothing run', () => {
    const r = netmodes('run', join(examples, 'swarm.sh'), '--host', join(examples, 'swarm.sh'))
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(
      'is a scenario of several hosts ("nodes ..."): --host and --daemon describe one host',
    )
  })
})
