import { describe, expect, test } from 'vitest'
import { runIp6tablesSave } from '../../views/iptables-save-command.js'
import { runDocker } from '../execute.js'
import { createLab } from '../lab.js'

const inspect = (lab: ReturnType<typeof createLab>, what: string) =>
  JSON.parse(runDocker(lab, `docker ${what}`).output)[0]

// What 20.10.24 and 28.5.2 did with `dockerd --ipv6 --fixed-cidr-v6=fd00:99::/64` (daemon-ipv6.sh).
describe('the default bridge with --ipv6 --fixed-cidr-v6', () => {
  test('20.10: IPAM lists IPv4 then IPv6, containers take their MAC under the prefix', () => {
    const lab = createLab({ engine: '20.10', daemon: { ipv6: true, 'fixed-cidr-v6': 'fd00:99::/64' } })
    expect(runDocker(lab, 'docker run -d --name d1 busybox sleep 1d').exitCode).toBe(0)
    const bridge = inspect(lab, 'network inspect bridge')
    expect(bridge.EnableIPv6).toBe(true)
    expect(bridge.IPAM.Config).toEqual([{ Subnet: '172.17.0.0/16' }, { Subnet: 'fd00:99::/64' }])
    const ep = inspect(lab, 'inspect d1').NetworkSettings.Networks.bridge
    expect([ep.GlobalIPv6Address, ep.IPv6Gateway]).toEqual(['fd00:99::242:ac11:2', 'fd00:99::1'])
    // 20.10 writes no ip6tables
    expect(runIp6tablesSave(lab, []).stdout).toBe('')
  })

  test("28: the IPv6 entry first with its range, addresses in order, docker0's ip6tables rules", () => {
    const lab = createLab({ engine: '28', daemon: { ipv6: true, 'fixed-cidr-v6': 'fd00:99::/64' } })
    expect(runDocker(lab, 'docker run -d --name d1 -p 18090:80 busybox sleep 1d').exitCode).toBe(0)
    expect(inspect(lab, 'network inspect bridge').IPAM.Config).toEqual([
      { Subnet: 'fd00:99::/64', IPRange: 'fd00:99::/64' },
      { Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' },
    ])
    expect(inspect(lab, 'inspect d1').NetworkSettings.Networks.bridge.GlobalIPv6Address).toBe('fd00:99::2')
    const v6 = runIp6tablesSave(lab, []).stdout
    expect(v6).toContain('-A POSTROUTING -s fd00:99::/64 ! -o docker0 -j MASQUERADE')
    expect(v6).toContain(
      '-A DOCKER ! -s fe80::/10 ! -i docker0 -p tcp -m tcp --dport 18090 -j DNAT --to-destination [fd00:99::2]:80',
    )
  })

  test('28 with --ip6tables=false: docker0 has IPv6, ip6tables holds no Docker chain', () => {
    const lab = createLab({
      engine: '28',
      daemon: { ipv6: true, 'fixed-cidr-v6': 'fd00:99::/64', ip6tables: false },
    })
    expect(inspect(lab, 'network inspect bridge').EnableIPv6).toBe(true)
    expect(runIp6tablesSave(lab, ['-t', 'filter']).stdout).not.toContain('DOCKER')
  })
})

describe('--ipv6 without --fixed-cidr-v6', () => {
  test('20.10 refuses to start', () => {
    expect(() => createLab({ engine: '20.10', daemon: { ipv6: true } })).toThrow(
      'IPv6 is enabled for the default bridge, but no subnet is configured. Specify an IPv6 subnet using --fixed-cidr-v6',
    )
  })

  test('28 gives docker0 a random ULA /64, shown with its gateway after the IPv4 entry', () => {
    const lab = createLab({ engine: '28', daemon: { ipv6: true } })
    const [v4, v6] = inspect(lab, 'network inspect bridge').IPAM.Config
    expect(v4).toEqual({ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' })
    expect(v6.Subnet).toMatch(/^fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}::\/64$/)
    expect(v6.Gateway).toBe(v6.Subnet.replace('::/64', '::1'))
  })
})

test('20.10: --ip6tables needs --experimental', () => {
  expect(() => createLab({ engine: '20.10', daemon: { ip6tables: true } })).toThrow(
    'ip6tables rules are only available if experimental features are enabled',
  )
})

test('20.10: a --fixed-cidr-v6 without --ipv6 is listed in IPAM, IPv6 stays off; 28 ignores it', () => {
  const old = createLab({ engine: '20.10', daemon: { 'fixed-cidr-v6': 'fd00:99::/64' } })
  expect(inspect(old, 'network inspect bridge').IPAM.Config).toEqual([
    { Subnet: '172.17.0.0/16' },
    { Subnet: 'fd00:99::/64' },
  ])
  expect(inspect(old, 'network inspect bridge').EnableIPv6).toBe(false)
  const now = createLab({ engine: '28', daemon: { 'fixed-cidr-v6': 'fd00:99::/64' } })
  expect(inspect(now, 'network inspect bridge').IPAM.Config).toEqual([
    { Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' },
  ])
})

// daemon-ipv6-pools.sh: `--default-address-pool base=fd00:a0::/56,size=64` beside an IPv4 pool.
describe('IPv6 default-address-pools', () => {
  const daemon = {
    ipv6: true,
    'fixed-cidr-v6': 'fd00:99::/64',
    'default-address-pools': [
      { base: '10.123.0.0/16', size: 24 },
      { base: 'fd00:a0::/56', size: 64 },
    ],
  }
  const subnets = (lab: ReturnType<typeof createLab>, name: string) =>
    inspect(lab, `network inspect ${name}`).IPAM.Config.map((c: { Subnet: string; Gateway?: string }) =>
      c.Gateway ? `${c.Subnet} ${c.Gateway}` : c.Subnet,
    )

  test('28: /64s in order, a freed one handed out again', () => {
    const lab = createLab({ engine: '28', daemon })
    for (const line of ['--ipv6 n1', '--ipv6 n2', 'n3'])
      expect(runDocker(lab, `docker network create ${line}`).exitCode).toBe(0)
    runDocker(lab, 'docker network rm n2')
    expect(runDocker(lab, 'docker network create --ipv6 n4').exitCode).toBe(0)
    expect(subnets(lab, 'n1')).toEqual(['10.123.1.0/24 10.123.1.1', 'fd00:a0::/64 fd00:a0::1'])
    expect(subnets(lab, 'n4')).toEqual(['10.123.2.0/24 10.123.2.1', 'fd00:a0:0:1::/64 fd00:a0:0:1::1'])
  })

  test('20.10: the first /64 only (its gateway written with the prefix), then refused', () => {
    const lab = createLab({ engine: '20.10', daemon })
    expect(runDocker(lab, 'docker network create --ipv6 n1').exitCode).toBe(0)
    const refused = runDocker(lab, 'docker network create --ipv6 n2')
    expect(refused.exitCode).toBe(1)
    expect(refused.error).toContain('could not find an available, non-overlapping IPv6 address pool')
    expect(runDocker(lab, 'docker network create n3').exitCode).toBe(0)
    expect(subnets(lab, 'n1')).toEqual(['10.123.1.0/24 10.123.1.1', 'fd00:a0::/64 fd00:a0::1/64'])
    // the refusal left the IPv4 cursor where it was
    expect(subnets(lab, 'n3')).toEqual(['10.123.2.0/24 10.123.2.1'])
  })
})

// dockerd's own last line for each, seen with `dockerd --ipv6 --fixed-cidr-v6=VALUE` on 20.10.24 and 28.5.2.
describe('a --fixed-cidr-v6 dockerd cannot use', () => {
  const start = (engine: '20.10' | '28', value: string) => () =>
    createLab({ engine, daemon: { ipv6: true, 'fixed-cidr-v6': value } })
  test.each([
    ['20.10', 'zz', 'Error initializing network controller: invalid CIDR address: zz'],
    ['20.10', 'fd00::/129', 'Error initializing network controller: invalid CIDR address: fd00::/129'],
    ['28', 'zz', `invalid fixed-cidr-v6: invalid fixed-cidr-v6: netip.ParsePrefix("zz"): no '/'`],
    [
      '28',
      'zz/64',
      'invalid fixed-cidr-v6: invalid fixed-cidr-v6: netip.ParsePrefix("zz/64"): ParseAddr("zz"): unable to parse IP',
    ],
    [
      '28',
      'fd00::/129',
      'invalid fixed-cidr-v6: invalid fixed-cidr-v6: netip.ParsePrefix("fd00::/129"): prefix length out of range',
    ],
    [
      '28',
      'fd00::/064',
      'invalid fixed-cidr-v6: invalid fixed-cidr-v6: netip.ParsePrefix("fd00::/064"): bad bits after slash: "064"',
    ],
    [
      '28',
      '10.99.0.0/24',
      "invalid fixed-cidr-v6: invalid fixed-cidr-v6: '10.99.0.0/24' is not a valid IPv6 subnet",
    ],
  ] as const)('%s refuses %s', (engine, value, text) => {
    expect(start(engine, value)).toThrow(text)
  })

  test("20.10 starts with an IPv4 CIDR there (docker0 gets it as a second IPv4 address): netmodes' limit", () => {
    expect(start('20.10', '10.99.0.0/24')).toThrow('netmodes does not model')
  })

  test.each(['20.10', '28'] as const)('%s starts with host bits and a prefix longer than /80', (engine) => {
    const lab = start(engine, 'fd00:99::5/96')()
    const v6 = inspect(lab, 'network inspect bridge').IPAM.Config.find((c: { Subnet: string }) =>
      c.Subnet.includes(':'),
    )
    expect(v6.Subnet).toBe('fd00:99::/96')
  })
})
