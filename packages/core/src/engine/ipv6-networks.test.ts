/**
 * IPv6 on user-defined bridge networks, as both real engines did it
 * (`docker network create --ipv6 ...`, `docker run --ip6 ...` on 20.10.24
 * and 28.5.2, through the docker 28.2 CLI; the daemon's texts are compared).
 */
import { describe, expect, test } from 'vitest'
import type { EngineVersion, LabState } from '../model/state.js'
import { renderIpAddr, renderIpAddrJson } from '../views/ip-addr.js'
import { renderIpRoute6, renderIpRoute6Json } from '../views/ip-route6.js'
import { namespaceOfContainer } from '../views/lab-report.js'
import { runDocker } from './execute.js'
import { createLab } from './lab.js'
import { fromJSON, toJSON } from './serialize.js'

// biome-ignore lint/suspicious/noExplicitAny: inspect documents are read here as raw JSON
type Json = any

function labOf(engine: EngineVersion, ...lines: string[]): LabState {
  const lab = createLab({ engine })
  for (const line of lines) {
    const r = runDocker(lab, line)
    if (r.exitCode !== 0) throw new Error(`${line}: exit ${r.exitCode}: ${r.error}`)
  }
  return lab
}

function inspect(lab: LabState, what: string): Json {
  const r = runDocker(lab, `docker ${what}`)
  expect(r.exitCode, r.error).toBe(0)
  return JSON.parse(r.output)[0]
}

const SETUP = [
  'docker network create --ipv6 --subnet fd00:1::/64 a',
  'docker network create --ipv6 --subnet 10.201.0.0/24 --subnet fd00:2::/64 --gateway fd00:2::fe --ip-range fd00:2::100/120 b',
  'docker run -d --name c1 --network a busybox sleep 600',
  'docker run -d --name c2 --network b --ip6 fd00:2::55 busybox sleep 600',
  'docker run -d --name c3 --network b busybox sleep 600',
]

const containerAddrs = (lab: LabState, name: string) =>
  renderIpAddrJson(lab.namespaces[namespaceOfContainer(lab, name) ?? '']!).find((l) => l.ifname === 'eth0')
    ?.addr_info

describe.each(['20.10', '28'] as const)('IPv6 bridge networks on %s', (engine) => {
  test('IPAM.Config, EnableIPv6 and the containers of network inspect', () => {
    const lab = labOf(engine, ...SETUP)
    const a = inspect(lab, 'network inspect a')
    expect(a.EnableIPv6).toBe(true)
    const v4 = { Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }
    // 20.10: IPv4 first; 28: the subnet given first, the one picked after.
    expect(a.IPAM.Config).toEqual(
      engine === '28' ? [{ Subnet: 'fd00:1::/64' }, v4] : [v4, { Subnet: 'fd00:1::/64' }],
    )
    const b = inspect(lab, 'network inspect b')
    expect(b.IPAM.Config).toEqual([
      { Subnet: '10.201.0.0/24' },
      { Subnet: 'fd00:2::/64', IPRange: 'fd00:2::100/120', Gateway: 'fd00:2::fe' },
    ])
    const addresses = Object.values(b.Containers as Record<string, Json>).map((c) => [c.Name, c.IPv6Address])
    expect(addresses.sort()).toEqual([
      ['c2', 'fd00:2::55/64'],
      ['c3', 'fd00:2::100/64'],
    ])
  })

  test("docker inspect: each endpoint's GlobalIPv6Address, prefix, IPv6Gateway and IPAMConfig", () => {
    const lab = labOf(engine, ...SETUP)
    const c1 = inspect(lab, 'inspect c1').NetworkSettings.Networks.a
    expect([c1.IPv6Gateway, c1.GlobalIPv6Address, c1.GlobalIPv6PrefixLen]).toEqual([
      'fd00:1::1',
      'fd00:1::2',
      64,
    ])
    expect(c1.IPAMConfig).toBeNull()
    const c2 = inspect(lab, 'inspect c2').NetworkSettings.Networks.b
    expect([c2.IPv6Gateway, c2.GlobalIPv6Address]).toEqual(['fd00:2::fe', 'fd00:2::55'])
    expect(c2.IPAMConfig).toEqual({ IPv6Address: 'fd00:2::55' })
    // The top-level (default bridge) fields stay empty.
    expect(inspect(lab, 'inspect c1').NetworkSettings.GlobalIPv6Address).toBe('')
  })

  test('ip addr: the gateway on the bridge, the address (nodad) and EUI-64 link-local in the container', () => {
    const lab = labOf(engine, ...SETUP)
    const bridge = renderIpAddrJson(lab.namespaces.host!).find(
      (l) => l.ifname.startsWith('br-') && l.addr_info.some((a) => a.local === 'fd00:1::1'),
    )
    const v6 = bridge?.addr_info
      .filter((a) => a.family === 'inet6')
      .map((a) => [a.local, a.scope, 'nodad' in a])
    const mac = bridge?.address ?? ''
    const [o0 = '', o1, o2, o3, o4, o5] = mac.split(':')
    const eui = `fe80::${(((Number.parseInt(o0, 16) ^ 2) << 8) | Number.parseInt(o1 ?? '', 16)).toString(16)}:${o2}ff:fe${o3}:${Number.parseInt(`${o4}${o5}`, 16).toString(16)}`
    expect(v6).toEqual(
      engine === '28'
        ? [
            ['fd00:1::1', 'global', true],
            [eui, 'link', false],
          ]
        : [
            ['fd00:1::1', 'global', false],
            [eui, 'link', false],
            ['fe80::1', 'link', false],
          ],
    )
    const inner = containerAddrs(lab, 'c1')?.map((a) => [a.family, a.local, 'nodad' in a])
    expect(inner?.slice(0, 2)).toEqual([
      ['inet', '172.18.0.2', false],
      ['inet6', 'fd00:1::2', true],
    ])
    expect(inner?.[2]?.[1]).toMatch(/^fe80::/)
    expect(renderIpAddr(lab.namespaces[namespaceOfContainer(lab, 'c1') ?? '']!)).toContain(
      '    inet6 fd00:1::2/64 scope global nodad \n       valid_lft forever preferred_lft forever\n',
    )
  })

  test('a v6 --subnet without --ipv6 is kept in IPAM, but nothing gets IPv6 (EnableIPv6 false)', () => {
    const lab = labOf(
      engine,
      'docker network create --subnet fd00:3::/64 n',
      'docker run -d --name cn --network n busybox',
    )
    expect(inspect(lab, 'network inspect n').EnableIPv6).toBe(false)
    expect(inspect(lab, 'network inspect n').IPAM.Config).toContainEqual({ Subnet: 'fd00:3::/64' })
    expect(inspect(lab, 'inspect cn').NetworkSettings.Networks.n.GlobalIPv6Address).toBe('')
    expect(containerAddrs(lab, 'cn')?.map((a) => a.family)).toEqual(['inet'])
  })

  test('a /126 holds three addresses (no broadcast); then the pool is exhausted', () => {
    const lab = labOf(engine, 'docker network create --ipv6 --subnet fd00:18::/126 tiny')
    expect(runDocker(lab, 'docker run -d --name t1 --network tiny busybox').exitCode).toBe(0)
    expect(runDocker(lab, 'docker run -d --name t2 --network tiny busybox').exitCode).toBe(0)
    expect(inspect(lab, 'inspect t2').NetworkSettings.Networks.tiny.GlobalIPv6Address).toBe('fd00:18::3')
    const id = inspect(lab, 'network inspect tiny').Id
    expect(runDocker(lab, 'docker run -d --name t3 --network tiny busybox').error).toContain(
      `no available IPv6 addresses on this network's address pools: tiny (${id})`,
    )
  })

  test('an address is released on disconnect and taken again by the next', () => {
    const lab = labOf(engine, ...SETUP, 'docker network disconnect a c1', 'docker network connect a c3')
    expect(inspect(lab, 'inspect c3').NetworkSettings.Networks.a.GlobalIPv6Address).toBe('fd00:1::2')
  })

  test.each([
    [
      'docker network create --ipv6 --subnet fd00:4::/64 --gateway 10.0.0.1 x',
      'no matching subnet for gateway 10.0.0.1',
    ],
    [
      'docker network create --ipv6 --subnet fd00:5::/64 --gateway fd00:6::1 x',
      'no matching subnet for gateway fd00:6::1',
    ],
    [
      'docker network create --ipv6 --subnet fd00:8::/64 --ip-range fd00:9::/80 x',
      'no matching subnet for range fd00:9::/80',
    ],
    [
      'docker network create --ipv6 --subnet fd00:13::/64 --gateway fd00:13::zz x',
      'no matching subnet for gateway fd00:13::zz',
    ],
    [
      'docker network create --ipv6 --subnet fd00:10::/64 --subnet fd00:11::/64 x',
      "bridge driver doesn't support multiple subnets",
    ],
    [
      'docker network create --ipv6 --subnet fd00:16::/64 --gateway fd00:16:: x',
      'failed to allocate gateway (fd00:16::): Address already in use',
    ],
  ])('the same refusal on both engines: %s', (line, error) => {
    const lab = createLab({ engine })
    const r = runDocker(lab, line)
    expect(r.exitCode).toBe(1)
    expect(r.error).toContain(error)
    expect(lab.networks.map((n) => n.name)).toEqual(['bridge', 'host', 'none'])
  })
})

describe('IPv6 refusals each engine words its own way', () => {
  const cases: [string, string | null, string | null][] = [
    // [line, 20.10's daemon text (null: accepted), 28's]
    [
      'docker network create --ipv6 --subnet fd00:7::5/64 x',
      null,
      'invalid network config:\ninvalid subnet fd00:7::5/64: it should be fd00:7::/64',
    ],
    [
      'docker network create --ipv6 --subnet fd00:12::/129 x',
      'Invalid subnet fd00:12::/129 : invalid CIDR address: fd00:12::/129',
      'invalid network config:\ninvalid subnet fd00:12::/129: invalid CIDR block notation',
    ],
    [
      'docker network create --ipv6 --subnet fd00:14::/120 --ip-range fd00:14::/112 x',
      null,
      'invalid network config:\ninvalid ip-range fd00:14::/112: CIDR block is bigger than its parent subnet fd00:14::/120',
    ],
    [
      'docker network create --ipv6 --subnet fd00:17::/64 --gateway fd00:17::1/64 x',
      'invalid gateway address fd00:17::1/64 in Ipam configuration',
      'invalid network config:\ninvalid gateway fd00:17::1/64: invalid address',
    ],
    [
      'docker network create --ipv6 --subnet 10.202.0.0/24 x',
      'could not find an available, non-overlapping IPv6 address pool among the defaults to assign to the network',
      null,
    ],
  ]
  test.each(cases)('%s', (line, old, current) => {
    for (const [engine, text] of [
      ['20.10', old],
      ['28', current],
    ] as const) {
      const r = runDocker(createLab({ engine }), line)
      if (text === null) expect(r.exitCode, `${engine}: ${r.error}`).toBe(0)
      else expect(r.error, engine).toBe(`Error response from daemon: ${text}\n`)
    }
  })

  test('an overlapping v6 subnet: the engine’s overlap text', () => {
    const lines = ['docker network create --ipv6 --subnet fd00:20::/64 ov1']
    for (const [engine, text] of [
      ['20.10', 'Pool overlaps with other one on this address space'],
      ['28', 'invalid pool request: Pool overlaps with other one on this address space'],
    ] as const) {
      const lab = labOf(engine, ...lines)
      expect(runDocker(lab, 'docker network create --ipv6 --subnet fd00:20::/80 ov3').error).toBe(
        `Error response from daemon: ${text}\n`,
      )
    }
  })

  test('28 with --ipv6 and an IPv4 subnet only: the v4 given, then a random ULA with its gateway', () => {
    const lab = labOf('28', 'docker network create --ipv6 --subnet 10.202.0.0/24 x')
    const [v4, v6] = inspect(lab, 'network inspect x').IPAM.Config
    expect(v4).toEqual({ Subnet: '10.202.0.0/24' })
    expect(v6.Subnet).toMatch(/^fd[0-9a-f]{2}:/)
    expect(v6.Gateway).toBe(v6.Subnet.replace('/64', '1'))
  })

  const SETUP_IP6 = ['docker network create --ipv6 --subnet fd00:20::/64 ov1', 'docker network create plain']
  test.each([
    [
      'docker run -d --name cx --network ov1 --ip6 fd00:99::5 busybox',
      "Invalid address fd00:99::5: It does not belong to any of this network's subnets",
      'invalid config for network ov1: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address fd00:99::5',
    ],
    [
      'docker run -d --name cx --network bridge --ip6 fd00:99::5 busybox',
      'user specified IP address is supported on user defined networks only',
      'invalid config for network bridge: invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* user specified IP address is supported only when connecting to networks with user configured subnets',
    ],
    [
      'docker run -d --name cx --network ov1 --ip6 zz busybox',
      'invalid IPv6 address: zz',
      'invalid config for network ov1: invalid endpoint settings:\n* invalid IPv6 address: zz\n* no configured subnet or ip-range contain the IP address zz',
    ],
    [
      'docker run -d --name cx --network ov1 --ip6 fd00:20::1 busybox',
      'Address already in use',
      'failed to set up container networking: Address already in use',
    ],
    [
      'docker run -d --name cx --network ov1 --ip6 fd00:20::0 busybox',
      'Address already in use',
      'failed to set up container networking: Address already in use',
    ],
  ])('%s', (line, old, current) => {
    for (const [engine, text] of [
      ['20.10', old],
      ['28', current],
    ] as const) {
      const r = runDocker(labOf(engine, ...SETUP_IP6), line)
      expect(r.exitCode, engine).toBe(125)
      expect(r.error, engine).toContain(`Error response from daemon: ${text}`)
    }
  })

  test('--ip6 that is not an address leaves no container on either engine; a refused start does on 20.10', () => {
    for (const engine of ['20.10', '28'] as const) {
      const lab = labOf(engine, ...SETUP_IP6)
      expect(runDocker(lab, 'docker run -d --name cx --network ov1 --ip6 zz busybox').output).toBe('')
      expect(runDocker(lab, 'docker ps -aq').output).toBe('')
    }
    const old = labOf('20.10', ...SETUP_IP6)
    expect(runDocker(old, 'docker run -d --name cx --network ov1 --ip6 fd00:99::5 busybox').output).toMatch(
      /^[0-9a-f]{64}\n$/,
    )
  })

  test('20.10 refuses a wrong family at create (--ip not IPv4, --ip6 not IPv6), leaving no container', () => {
    for (const [line, text] of [
      ['--ip fd00:20::9', 'invalid IPv4 address: fd00:20::9'],
      ['--ip6 10.0.0.9', 'invalid IPv6 address: 10.0.0.9'],
      ['--ip6 ::ffff:10.0.0.9', 'invalid IPv6 address: ::ffff:10.0.0.9'],
    ] as const) {
      const lab = labOf('20.10', ...SETUP_IP6)
      const r = runDocker(lab, `docker run -d --name cx --network ov1 ${line} busybox`)
      expect([r.exitCode, r.output, r.error]).toEqual([
        125,
        '',
        `docker: Error response from daemon: ${text}.\nSee 'docker run --help'.\n`,
      ])
      expect(runDocker(lab, 'docker ps -aq').output).toBe('')
    }
  })

  test.each(['20.10', '28'] as const)(
    '%s: a v6 subnet without --ipv6 holds nothing: another network may take it, with or without --ipv6',
    (engine) => {
      const lab = labOf(engine, 'docker network create --subnet 10.74.0.0/24 --subnet fd00:74::/64 flagless')
      expect(runDocker(lab, 'docker network create --subnet fd00:74::/64 flagless2').exitCode).toBe(0)
      expect(runDocker(lab, 'docker network create --ipv6 --subnet fd00:74::/64 dual').exitCode).toBe(0)
      // an IPv6 network's subnet is held
      expect(runDocker(lab, 'docker network create --ipv6 --subnet fd00:74::/80 again').error).toContain(
        'Pool overlaps with other one on this address space',
      )
    },
  )

  test('connect --ip6 to a network without an IPv6 subnet of the user', () => {
    for (const [engine, text] of [
      [
        '20.10',
        'user specified IP address is supported only when connecting to networks with user configured subnets',
      ],
      [
        '28',
        'invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets',
      ],
    ] as const) {
      const lab = labOf(
        engine,
        ...SETUP_IP6,
        'docker run -d --name c5 --network ov1 --ip6 fd00:20::77 busybox',
      )
      expect(runDocker(lab, 'docker network connect --ip6 fd00:21::5 plain c5').error).toBe(
        `Error response from daemon: ${text}\n`,
      )
    }
  })
})

describe('what a failed IPv6 request leaves behind, as the engines do', () => {
  test("20.10: a network refused for IPv6 still moves the pools' cursor (the IPv4 pool was taken first)", () => {
    const lab = labOf('20.10')
    expect(runDocker(lab, 'docker network create --ipv6 v6ula').exitCode).toBe(1)
    expect(runDocker(lab, 'docker network create --ipv6 --subnet fd00:18::/126 next').exitCode).toBe(0)
    expect(inspect(lab, 'network inspect next').IPAM.Config[0]).toEqual({
      Subnet: '172.19.0.0/16',
      Gateway: '172.19.0.1',
    })
    // 28 picks the lowest free pool: no cursor to move.
    const current = labOf('28', 'docker network create --ipv6 --subnet fd00:1::/64 a')
    expect(runDocker(current, 'docker network create --ipv6 --subnet fd00:1::/80 clash').exitCode).toBe(1)
    runDocker(current, 'docker network create --ipv6 --subnet fd00:2::/64 b')
    expect(inspect(current, 'network inspect b').IPAM.Config[1].Subnet).toBe('172.19.0.0/16')
  })

  test.each(['20.10', '28'] as const)(
    '%s: connect --ip6 with an address in use fails, and the settings stay in the container',
    (engine) => {
      const lab = labOf(
        engine,
        'docker network create --ipv6 --subnet fd00:31::/64 --subnet 10.231.0.0/24 p',
        'docker network create q',
        'docker run -d --name c1 --network q busybox',
      )
      expect(runDocker(lab, 'docker network connect --ip6 fd00:31::1 p c1').error).toBe(
        'Error response from daemon: Address already in use\n',
      )
      const settings = inspect(lab, 'inspect c1').NetworkSettings.Networks.p
      expect(settings.IPAMConfig).toEqual({ IPv6Address: 'fd00:31::1' })
      expect([settings.EndpointID, settings.IPAddress, settings.GlobalIPv6Address]).toEqual(['', '', ''])
    },
  )

  test.each(['20.10', '28'] as const)(
    "%s: /etc/hosts has the container's IPv6 address after its IPv4 one",
    (engine) => {
      const lab = labOf(engine, ...SETUP)
      const hosts =
        lab.containers[Object.keys(lab.containers).find((id) => lab.containers[id]?.name === 'c2') ?? '']?.etc
          ?.hosts
      expect(hosts).toMatch(/10\.201\.0\.2\t[0-9a-f]{12}\nfd00:2::55\t[0-9a-f]{12}\n$/)
      runDocker(lab, 'docker network connect a c2')
      runDocker(lab, 'docker network disconnect b c2')
      const after = Object.values(lab.containers).find((c) => c.name === 'c2')?.etc?.hosts ?? ''
      // 20.10 drops every line of the container's names; 28 only the leaving endpoint's two.
      expect(after.includes('fd00:1::3')).toBe(engine === '28')
      expect(after.includes('fd00:2::55')).toBe(false)
    },
  )
})

describe.each(['20.10', '28'] as const)('ip -6 route and ip -4/-6 addr on %s', (engine) => {
  test("the container's routes: its prefix, fe80::/64, the default via the IPv6 gateway (seen on both)", () => {
    const lab = labOf(engine, ...SETUP)
    const ns = lab.namespaces[namespaceOfContainer(lab, 'c2') ?? '']!
    expect(renderIpRoute6(ns)).toBe(
      'fd00:2::/64 dev eth0 proto kernel metric 256 pref medium\n' +
        'fe80::/64 dev eth0 proto kernel metric 256 pref medium\n' +
        'default via fd00:2::fe dev eth0 metric 1024 pref medium\n',
    )
    expect(renderIpRoute6Json(ns).at(-1)).toEqual({
      dst: 'default',
      gateway: 'fd00:2::fe',
      dev: 'eth0',
      metric: 1024,
      flags: [],
      pref: 'medium',
    })
    // The default route leaves with the gateway endpoint.
    runDocker(lab, 'docker network connect bridge c2')
    runDocker(lab, 'docker network disconnect b c2')
    expect(renderIpRoute6(lab.namespaces[namespaceOfContainer(lab, 'c2') ?? '']!)).toBe('')
  })

  test("the host's: each IPv6 bridge's prefix and link-local, in address order", () => {
    const lab = labOf(engine, ...SETUP)
    const lines = renderIpRoute6(lab.namespaces.host!).split('\n').filter(Boolean)
    expect(lines.map((l) => l.split(' dev ')[0])).toEqual([
      'fd00:1::/64',
      'fd00:2::/64',
      'fe80::/64',
      'fe80::/64',
    ])
    expect(lines[0]).toMatch(/^fd00:1::\/64 dev br-[0-9a-f]{12} proto kernel metric 256 pref medium$/)
  })

  test('-4 shows only IPv4 and the links that have it; -6 only IPv6', () => {
    const lab = labOf(engine, ...SETUP)
    const ns = lab.namespaces[namespaceOfContainer(lab, 'c1') ?? '']!
    expect(renderIpAddr(ns, { family: 'inet' })).not.toContain('inet6')
    const v6 = renderIpAddrJson(ns, { family: 'inet6' })
    expect(v6.map((l) => l.ifname)).toEqual(['eth0'])
    expect(v6[0]?.addr_info.every((a) => a.family === 'inet6')).toBe(true)
  })
})

test('--ip6 without --network: the 20.10 CLI drops it, the 28.2 CLI sends it for the default bridge, which refuses it', () => {
  expect(
    runDocker(createLab({ engine: '20.10' }), 'docker run -d --name d1 --ip6 fd00::5 busybox').exitCode,
  ).toBe(0)
  const r = runDocker(createLab({ engine: '28' }), 'docker run -d --name d1 --ip6 fd00::5 busybox')
  expect(r.exitCode).toBe(125)
  expect(r.error).toContain(
    'invalid config for network bridge: invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* user specified IP address is supported only when connecting to networks with user configured subnets',
  )
})

test.each(['20.10', '28'] as const)(
  '%s: a lab with IPv6 networks and endpoints saves and loads as it was',
  (engine) => {
    const ula = ['docker network create --ipv6 v6ula', 'docker run -d --name u1 --network v6ula busybox']
    const lab = labOf(engine, ...SETUP, ...(engine === '28' ? ula : []))
    const text = toJSON(lab)
    const loaded = fromJSON(text)
    expect(toJSON(loaded)).toBe(text)
    expect(loaded.networks.find((n) => n.name === 'b')?.pool6?.allocated).toEqual([
      'fd00:2::',
      'fd00:2::fe',
      'fd00:2::55',
      'fd00:2::100',
    ])
    // And a damaged one is refused with the field's path.
    const damaged = JSON.parse(text)
    damaged.networks.find((n: { name: string }) => n.name === 'b').pool6.allocated.push('not-an-address')
    expect(() => fromJSON(JSON.stringify(damaged))).toThrow(/pool6\.allocated\[4\]: must be an IPv6 address/)
  },
)
