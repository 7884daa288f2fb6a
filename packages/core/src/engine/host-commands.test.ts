import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import type { Link } from '../model/namespace.js'
import type { LabState } from '../model/state.js'
import { runHostCommand } from './host-commands.js'
import { createLab } from './lab.js'
import { runScenario } from './run-scenario.js'
import { toJSON } from './serialize.js'

const recorded = (engine: string, name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../conformance/recorded/${engine}/${name}.json`, import.meta.url), 'utf8'),
  )
const scenario = (name: string) =>
  readFileSync(new URL(`../../../../conformance/scenarios/${name}.sh`, import.meta.url), 'utf8')

const link = (lab: LabState, name: string, ns = 'host') =>
  lab.namespaces[ns]?.links.find((l) => l.ifname === name)

describe('host statements', () => {
  test('a LAN segment: a bridge with an address, up, and its connected route; a machine in a namespace wired to it', () => {
    const lab = createLab()
    const lines = [
      'ip link add lan0 type bridge && ip addr add 192.168.50.1/24 dev lan0 && ip link set lan0 up',
      'ip netns add pc1',
      'ip link add veth-pc1 type veth peer name eth0 netns pc1',
      'ip link set veth-pc1 master lan0 && ip link set veth-pc1 up',
      'ip netns exec pc1 ip addr add 192.168.50.10/24 dev eth0',
      'ip netns exec pc1 ip link set eth0 up && ip -n pc1 link set lo up',
      'ip netns exec pc1 ip route add default via 192.168.50.1',
      'ip route add 10.8.0.0/16 via 192.168.50.10',
    ]
    for (const line of lines) expect(runHostCommand(lab, line), line).toMatchObject({ ok: true, exitCode: 0 })
    expect(link(lab, 'lan0')).toMatchObject({
      kind: 'bridge',
      operstate: 'UP',
      addrs: [{ local: '192.168.50.1', prefixlen: 24 }],
    })
    expect(link(lab, 'veth-pc1')).toMatchObject({ master: 'lan0', operstate: 'UP' })
    const pc1 = lab.namespaces['/run/netns/pc1']
    expect(pc1?.links.map((l: Link) => `${l.ifname} ${l.operstate}`)).toEqual(['lo UNKNOWN', 'eth0 UP'])
    expect(pc1?.routes.map((r) => `${r.dst} ${r.gateway ?? ''} ${r.dev}`)).toEqual([
      'default 192.168.50.1 eth0',
      '192.168.50.0/24  eth0',
    ])
    expect(lab.namespaces.host?.routes.find((r) => r.dst === '10.8.0.0/16')).toEqual({
      dst: '10.8.0.0/16',
      dev: 'lan0',
      gateway: '192.168.50.10',
    })
  })

  test.each([
    ['ip link add docker0 type bridge', 'RTNETLINK answers: File exists\n', 2],
    ['ip addr add 10.9.0.1/24 dev nope', 'Cannot find device "nope"\n', 1],
    ['ip route add 10.10.0.0/16 via 10.11.0.1', 'Error: Nexthop has invalid gateway.\n', 2],
    ['ip netns exec nope ip link', 'Cannot open network namespace "nope": No such file or directory\n', 1],
    [
      'ip link add v0 type veth peer name eth0 netns nope',
      'Error: argument "nope" is wrong: Invalid "netns" value\n\n',
      255,
    ],
    ['ip foo', 'Object "foo" is unknown, try "ip help".\n', 255],
  ])("%s: iproute2 6.1's answer, and the host as it was", (line, error, exitCode) => {
    const lab = createLab()
    const before = toJSON(lab)
    expect(runHostCommand(lab, line)).toMatchObject({ ok: false, error, exitCode })
    expect(toJSON(lab)).toBe(before)
  })

  test('&& runs up to the first failure, as the shell does: the commands before it stay', () => {
    const lab = createLab()
    const r = runHostCommand(
      lab,
      'ip link add lan0 type bridge && ip addr add 10.1.0.1/24 dev nope && ip link set lan0 up',
    )
    expect(r).toMatchObject({ ok: false, error: 'Cannot find device "nope"\n' })
    expect(link(lab, 'lan0')).toMatchObject({ operstate: 'DOWN' })
  })

  test('what is not modelled is said, never guessed', () => {
    const lab = createLab()
    const before = toJSON(lab)
    expect(runHostCommand(lab, 'sysctl -w net.ipv4.ip_forward=0')).toMatchObject({
      ok: false,
      exitCode: 2,
      error: 'netmodes: sysctl net.ipv4.ip_forward is not modelled (net.ipv4.conf.IFACE.route_localnet is)\n',
    })
    expect(runHostCommand(lab, 'nft list ruleset')).toMatchObject({
      ok: false,
      exitCode: 2,
      error: expect.stringMatching(/^netmodes: `nft` on the host is not modelled/),
    })
    expect(toJSON(lab)).toBe(before)
  })

  // procps-ng 4.0.2's answers, seen in a scratch namespace on Debian 12.
  describe('sysctl', () => {
    const machine = ['ip netns add pc1', 'ip link add pc1-eth type veth peer name eth0 netns pc1']
    const withMachine = () => {
      const lab = createLab()
      for (const line of machine) expect(runHostCommand(lab, line).ok).toBe(true)
      return lab
    }

    test('-w sets a key in the namespace it runs in, and says so; reading it gives it back', () => {
      const lab = withMachine()
      const set = runHostCommand(lab, 'ip netns exec pc1 sysctl -w net.ipv4.conf.eth0.route_localnet=1')
      expect(set).toMatchObject({ ok: true, output: 'net.ipv4.conf.eth0.route_localnet = 1\n' })
      expect(set.operations).toEqual([
        { tool: 'ip', args: ['netns', 'exec', 'pc1', 'sysctl', '-w', 'net.ipv4.conf.eth0.route_localnet=1'] },
      ])
      expect(lab.namespaces['/run/netns/pc1']?.sysctls).toEqual({ 'net.ipv4.conf.eth0.route_localnet': '1' })
      // The host's own setting is another namespace's: untouched, the kernel's default.
      expect(runHostCommand(lab, 'sysctl net.ipv4.conf.all.route_localnet').output).toBe(
        'net.ipv4.conf.all.route_localnet = 0\n',
      )
      expect(
        runHostCommand(lab, 'ip netns exec pc1 sysctl -n net.ipv4.conf.eth0.route_localnet').output,
      ).toBe('1\n')
      // A bare KEY=VALUE writes too; -q says nothing.
      expect(runHostCommand(lab, 'sysctl -q net.ipv4.conf.all.route_localnet=1')).toMatchObject({
        ok: true,
        output: '',
      })
      expect(lab.namespaces.host?.sysctls).toEqual({ 'net.ipv4.conf.all.route_localnet': '1' })
    })

    test.each([
      [
        'ip netns exec pc1 sysctl -w net.ipv4.conf.nosuch.route_localnet=1',
        'sysctl: cannot stat /proc/sys/net/ipv4/conf/nosuch/route_localnet: No such file or directory\n',
        1,
      ],
      [
        'ip netns exec pc1 sysctl -w net.ipv4.conf.eth0.route_localnet=abc',
        'sysctl: setting key "net.ipv4.conf.eth0.route_localnet": Invalid argument\n',
        1,
      ],
      [
        'ip netns exec pc1 sysctl -w net.ipv4.conf.eth0.route_localnet',
        'sysctl: command line(0): invalid syntax, continuing...\n',
        1,
      ],
    ])('%s: its answer, and nothing changes', (line, error, exitCode) => {
      const lab = withMachine()
      const before = toJSON(lab)
      expect(runHostCommand(lab, line)).toMatchObject({ ok: false, error, exitCode })
      expect(toJSON(lab)).toBe(before)
    })

    test("a device's settings go with it: a later device of its name starts from the default", () => {
      const lab = createLab()
      runHostCommand(lab, 'ip link add lan0 type bridge && sysctl -w net.ipv4.conf.lan0.route_localnet=1')
      runHostCommand(lab, 'ip link del lan0 && ip link add lan0 type bridge')
      expect(runHostCommand(lab, 'sysctl -n net.ipv4.conf.lan0.route_localnet').output).toBe('0\n')
    })
  })

  test('a new namespace has lo down and no address, until lo comes up (then 127.0.0.1/8)', () => {
    const lab = createLab()
    runHostCommand(lab, 'ip netns add pc1')
    expect(link(lab, 'lo', '/run/netns/pc1')).toMatchObject({ operstate: 'DOWN', addrs: [] })
    runHostCommand(lab, 'ip -n pc1 link set lo up')
    expect(link(lab, 'lo', '/run/netns/pc1')?.addrs).toEqual([
      { local: '127.0.0.1', prefixlen: 8, scope: 'host' },
    ])
  })

  test("ip's views print the namespace they look at and change nothing: a machine's, as in a real one", () => {
    const lab = createLab()
    for (const line of [
      'ip netns add pc1',
      'ip link add pc1-eth type veth peer name eth0 netns pc1',
      'ip -n pc1 addr add 10.77.0.10/24 dev eth0 && ip -n pc1 link set eth0 up && ip -n pc1 route add default via 10.77.0.1',
    ])
      expect(runHostCommand(lab, line).ok).toBe(true)
    const before = toJSON(lab)
    const addr = runHostCommand(lab, 'ip -n pc1 addr')
    // A fresh namespace's lo, down and without an address, as iproute2 6.1 printed it in one.
    expect(addr.output).toMatch(
      /^1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN group default qlen 1000\n {4}link\/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n2: eth0@if\d+: /,
    )
    expect(addr.output).toContain('inet 10.77.0.10/24 scope global eth0')
    expect(runHostCommand(lab, 'ip netns exec pc1 ip route show').output).toBe(
      'default via 10.77.0.1 dev eth0 \n10.77.0.0/24 dev eth0 proto kernel scope link src 10.77.0.10 \n',
    )
    expect(runHostCommand(lab, 'ip -n pc1 addr show dev nope')).toMatchObject({
      ok: false,
      exitCode: 1,
      error: 'Device "nope" does not exist.\n',
    })
    expect(toJSON(lab)).toBe(before)
  })

  test('a shell loop is said to be not modelled', () => {
    expect(
      runHostCommand(createLab(), 'for i in 1 2; do ip link add nmparent$i type bridge || exit 1; done'),
    ).toMatchObject({
      ok: false,
      exitCode: 2,
      error: expect.stringMatching(/^netmodes: `for` on the host is not modelled/),
    })
  })

  // host-routes.sh recorded on both real engines: its host lines, run by the simulator itself, make the
  // links and routes the recorder's host had, and Docker's subnet choice steps around them as it did there.
  test.each(['20.10', '28'] as const)(
    'host-routes.sh on %s: the host the recorder made, and the subnets Docker chose',
    (engine) => {
      const rec = recorded(engine, 'host-routes')
      const { lab, outcomes } = runScenario(scenario('host-routes'), { engine })
      expect(outcomes.filter((o) => o.kind === 'host').every((o) => o.result.ok)).toBe(true)
      const made = ['nmparent0', 'nmparent1']
      type AddrEntry = {
        ifname: string
        flags: string[]
        operstate: string
        mtu: number
        addr_info: { family: string; local: string; prefixlen: number }[]
      }
      const real = (rec.namespaces.host.addr as AddrEntry[])
        .filter((l) => made.includes(l.ifname))
        .map((l) => ({
          ifname: l.ifname,
          flags: l.flags,
          operstate: l.operstate,
          mtu: l.mtu,
          addrs: l.addr_info.filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}`),
        }))
      const ours = made.map((name) => {
        const l = link(lab, name) as Link
        return {
          ifname: l.ifname,
          flags: l.flags,
          operstate: l.operstate,
          mtu: l.mtu,
          addrs: l.addrs.map((a) => `${a.local}/${a.prefixlen}`),
        }
      })
      expect(ours).toEqual(real)
      type RouteEntry = { dst: string; gateway?: string; dev: string; protocol?: string; scope?: string }
      const userRoutes = (routes: RouteEntry[]) =>
        routes
          .filter((r) => made.includes(r.dev))
          .map((r) => `${r.dst} ${r.gateway ?? '-'} ${r.dev} ${r.protocol ?? '-'} ${r.scope ?? '-'}`)
          .sort()
      expect(userRoutes(lab.namespaces.host?.routes as RouteEntry[])).toEqual(
        userRoutes(rec.namespaces.host.route),
      )
      const subnets = (networks: { Name: string; IPAM: { Config: { Subnet: string }[] | null } }[]) =>
        Object.fromEntries(
          networks.map((n) => [n.Name, (n.IPAM.Config ?? []).map((c) => c.Subnet).join(',')]),
        )
      const simulated = runScenario(scenario('host-routes'), { engine }).report.networks as never
      expect(subnets(simulated)).toEqual(subnets(rec.networks))
    },
  )

  // Every conformance scenario whose `host` lines set up the host: run by the simulator, they make the
  // links the recorder's host had (flags, state, MTU, IPv4 and global IPv6 addresses), on both engines.
  // macvlan.sh makes its spare parents with a shell loop, which is not modelled (and said so).
  const withHostLines = ['host-routes', 'ipvlan', 'macvlan-ipv6', 'probes']
  test.each(
    withHostLines.flatMap((name) => (['20.10', '28'] as const).map((engine) => [name, engine] as const)),
  )('%s on %s: the links its host lines make are the recorded ones', (name, engine) => {
    const rec = recorded(engine, name)
    const hostLines = scenario(name)
      .split('\n')
      .filter((l) => l.startsWith('host '))
    const lab = createLab({ engine })
    const made = new Set<string>()
    for (const line of hostLines) {
      const before = new Set(lab.namespaces.host?.links.map((l) => l.ifname))
      expect(runHostCommand(lab, line.slice('host '.length)), line).toMatchObject({ ok: true })
      for (const l of lab.namespaces.host?.links ?? []) if (!before.has(l.ifname)) made.add(l.ifname)
    }
    expect(made.size).toBeGreaterThan(0)
    type AddrEntry = {
      ifname: string
      flags: string[]
      operstate: string
      mtu: number
      addr_info: { family: string; local: string; prefixlen: number; scope: string }[]
    }
    const real = (rec.namespaces.host.addr as AddrEntry[])
      .filter((l) => made.has(l.ifname))
      .map((l) => ({
        ifname: l.ifname,
        flags: l.flags,
        operstate: l.operstate,
        mtu: l.mtu,
        addrs: l.addr_info.filter((a) => a.scope === 'global').map((a) => `${a.local}/${a.prefixlen}`),
      }))
    const ours = [...made].map((ifname) => {
      const l = link(lab, ifname) as Link
      return {
        ifname,
        flags: l.flags,
        operstate: l.operstate,
        mtu: l.mtu,
        addrs: [...l.addrs, ...(l.addrs6 ?? [])]
          .filter((a) => a.scope === 'global')
          .map((a) => `${a.local}/${a.prefixlen}`),
      }
    })
    expect(ours).toEqual(real)
  })
})
