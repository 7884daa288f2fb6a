import { describe, expect, test } from 'vitest'
import type { HostDescription } from '../engine/host-description.js'
import { TYPICAL_HOST } from '../engine/host-description.js'
import { runScenario } from '../engine/run-scenario.js'
import { runIpCommand } from '../views/ip-command.js'
import { matrixCell, reachabilityMatrix } from './reachability.js'
import { trace } from './trace.js'

// probes-ipv6.sh, whose probes a real 20.10.24 and 28.5.2 answered so.
const LAB = [
  'docker network create --ipv6 --subnet 10.81.0.0/24 --subnet fd00:81::/64 front6',
  'docker network create --ipv6 --subnet 10.82.0.0/24 --subnet fd00:82::/64 back6',
  'docker network create --ipv6 --internal --subnet 10.83.0.0/24 --subnet fd00:83::/64 vault6',
  'docker network create --ipv6 -o com.docker.network.bridge.enable_icc=false --subnet 10.84.0.0/24 --subnet fd00:84::/64 quiet6',
  'docker run -d --name web --network front6 -p 18080:80 nginx',
  'docker run -d --name api --network front6 nginx',
  'docker run -d --name db --network back6 nginx',
  'docker run -d --name secret --network vault6 nginx',
  'docker run -d --name q1 --network quiet6 nginx',
  'docker run -d --name q2 --network quiet6 nginx',
  'docker run -d --name legacy -p 18081:80 nginx',
].join('\n')

describe.each([
  ['28', false],
  ['20.10', true],
] as const)('IPv6 traces (%s)', (engine, unfiltered) => {
  const { lab } = runScenario(LAB, { engine })
  const go = (from: string, to: string) =>
    trace(lab, { from, to, ...(to.startsWith('[') ? {} : { protocol: 'icmp' as const }) })

  test('same network, and from the host: delivered', () => {
    expect(go('api', '[fd00:81::2]:80/tcp').delivered).toBe(true)
    expect(go('api', 'fd00:81::2').delivered).toBe(true)
    expect(go('host', '[fd00:83::2]:80/tcp').delivered).toBe(true)
    expect(() => trace(lab, { from: 'api', to: 'fd00:81::2' })).toThrow('e.g. [fd00:81::2]:80/tcp')
  })

  test('isolation, ICC off and --internal hold in IPv6 only where Docker writes ip6tables', () => {
    const isolated = go('web', '[fd00:82::2]:80/tcp')
    const quiet = go('q2', '[fd00:84::2]:80/tcp')
    const internal = go('secret', '[fd00:81::2]:80/tcp')
    expect([isolated.delivered, quiet.delivered, internal.delivered]).toEqual([
      unfiltered,
      unfiltered,
      unfiltered,
    ])
    if (!unfiltered) {
      // 28: raw's direct-access DROP, the ICC DROP, and no IPv6 route out of an internal network
      expect(isolated.delivered ? '' : isolated.reasonCode).toBe('direct-access')
      expect(quiet.delivered ? '' : quiet.reasonCode).toBe('icc-disabled')
      expect(internal.delivered ? '' : internal.reasonCode).toBe('no-route')
    }
  })

  test('a container without IPv6 has no IPv6 route', () => {
    const r = go('legacy', '[fd00:81::2]:80/tcp')
    expect(r.delivered ? '' : r.reasonCode).toBe('no-route')
  })

  test('a port published on 0.0.0.0 answers on [::] through docker-proxy, to the IPv6 or the IPv4 address', () => {
    const v6 = go('host', '[::1]:18080/tcp')
    expect(v6.delivered).toBe(true)
    expect(v6.hops.find((h) => h.kind === 'docker-proxy')).toMatchObject({ target: '[fd00:81::2]:80' })
    const v4only = go('host', '[::1]:18081/tcp')
    expect(v4only.hops.find((h) => h.kind === 'docker-proxy')).toMatchObject({ target: '172.17.0.2:80' })
    expect(go('host', '[fd00:81::1]:18080/tcp').delivered).toBe(true)
    const nothing = go('host', '[::1]:18089/tcp')
    expect(nothing.delivered ? '' : nothing.reasonCode).toBe('port-not-published')
  })

  test('the IPv6 matrix answers as the traces do', () => {
    const m = reachabilityMatrix(lab, { family: 6, port: 80 })
    expect(m.endpoints.slice(-3)).toEqual(['host', 'lan', 'internet'])
    expect(matrixCell(m, 'api', 'web').reachable).toBe(true)
    expect(matrixCell(m, 'web', 'db').reachable).toBe(unfiltered)
    expect(matrixCell(m, 'q2', 'q1').reachable).toBe(unfiltered)
    expect(matrixCell(m, 'legacy', 'web').reachable).toBe(false)
    expect(matrixCell(m, 'host', 'secret').reachable).toBe(true)
  })
})

// macvlan-ipv6.sh: a dual-stack macvlan network on a bridge parent that holds fd00:97::1.
const PARENT_HOST: HostDescription = {
  ...TYPICAL_HOST,
  addr: [
    ...TYPICAL_HOST.addr,
    {
      ifindex: 3,
      ifname: 'nmparent0',
      flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
      mtu: 1500,
      operstate: 'UNKNOWN',
      link_type: 'ether',
      address: 'be:42:f9:0b:ff:e8',
      addr_info: [
        { family: 'inet', local: '10.97.0.1', prefixlen: 24, scope: 'global' },
        { family: 'inet6', local: 'fd00:97::1', prefixlen: 64, scope: 'global' },
      ],
    },
  ],
}
const MACVLAN_LAB = [
  'docker network create -d macvlan --ipv6 --subnet 10.97.0.0/24 --gateway 10.97.0.1 --subnet fd00:97::/64 --gateway fd00:97::1 -o parent=nmparent0 mv6',
  'docker run -d --name m1 --network mv6 nginx',
  'docker run -d --name m2 --network mv6 --ip6 fd00:97::50 nginx',
  'docker network create --ipv6 --subnet 10.81.0.0/24 --subnet fd00:81::/64 front6',
  'docker run -d --name web --network front6 nginx',
].join('\n')

describe.each(['28', '20.10'] as const)('IPv6 on macvlan (%s)', (engine) => {
  const { lab, results } = runScenario(MACVLAN_LAB, { engine, host: PARENT_HOST })
  const go = (from: string, to: string) =>
    trace(lab, { from, to, ...(to.startsWith('[') ? {} : { protocol: 'icmp' as const }) })

  test('children get their IPv6 address (lowest free, or --ip6), nodad, as on a bridge', () => {
    expect(results.every((r) => r.ok)).toBe(true)
    const mv6 = lab.networks.find((n) => n.name === 'mv6')
    expect(Object.values(mv6?.endpoints ?? {}).map((e) => e.ipv6)).toEqual(['fd00:97::2', 'fd00:97::50'])
    const m1 = lab.containers[Object.values(mv6?.endpoints ?? {})[0]?.containerId ?? '']
    const eth0 = lab.namespaces[m1?.sandbox ?? '']?.links.find((l) => l.ifname === 'eth0')
    expect(eth0?.addrs6).toEqual([{ local: 'fd00:97::2', prefixlen: 64, scope: 'global', nodad: true }])
    // as busybox's `ip -6 route` printed it in a macvlan child on both engines (its prefix,
    // fe80::/64, default via the network's IPv6 gateway, metric 1024)
    const ns = lab.namespaces[m1?.sandbox ?? '']
    expect(ns && runIpCommand(ns, ['-6', 'route']).stdout).toBe(
      'fd00:97::/64 dev eth0 proto kernel metric 256 pref medium\n' +
        'fe80::/64 dev eth0 proto kernel metric 256 pref medium\n' +
        'default via fd00:97::1 dev eth0 metric 1024 pref medium\n',
    )
  })

  test('children reach each other on the parent, past ip6tables', () => {
    const r = go('m1', '[fd00:97::50]:80/tcp')
    expect(r.delivered).toBe(true)
    expect(r.hops.find((h) => h.kind === 'subinterface')).toMatchObject({
      parent: 'nmparent0',
      mode: 'bridge',
    })
    expect(go('m2', 'fd00:97::2').delivered).toBe(true)
  })

  test('neither the host nor a child reaches the other through the parent', () => {
    const down = go('host', '[fd00:97::2]:80/tcp')
    expect(down.delivered ? '' : down.reason).toBe(
      'The host cannot reach [fd00:97::2]:80 through nmparent0: a host cannot talk to its own macvlan children through their parent interface.',
    )
    const up = go('m1', 'fd00:97::1')
    expect(up.delivered ? '' : up.reasonCode).toBe('macvlan-parent-isolation')
    // another network's address: out of the IPv6 default route, whose gateway is the parent
    const across = go('m1', '[fd00:81::2]:80/tcp')
    expect(across.delivered ? '' : across.reasonCode).toBe('macvlan-parent-isolation')
  })
})

// daemon-ipv6-no-proxy.sh: --userland-proxy=false on a dual-stack daemon.
const NO_PROXY_LAB = [
  'dockerd --userland-proxy=false --ipv6 --fixed-cidr-v6=fd00:99::/64',
  'docker network create --ipv6 --subnet 10.94.0.0/24 --subnet fd00:94::/64 app6',
  'docker run -d --name web --network app6 -p 18080:80 nginx',
  'docker run -d --name client --network app6 nginx',
  'docker run -d --name d1 -p 18090:80 nginx',
  'docker run -d --name d2 nginx',
].join('\n')

describe.each([
  ['28', true],
  ['20.10', false],
] as const)('IPv6 without docker-proxy (%s)', (engine, dnat) => {
  const { lab } = runScenario(NO_PROXY_LAB, { engine })
  const go = (from: string, to: string) => trace(lab, { from, to })

  test('a port on 0.0.0.0 of a dual-stack container is bound on [::] too, proxy or not', () => {
    expect(lab.hostPorts['tcp/18080']?.map((a) => `${a.hostIp} ${a.containerIp}`)).toEqual([
      '0.0.0.0 10.94.0.2',
      ':: fd00:94::2',
    ])
  })

  test('the bridges’ IPv6 gateways answer through ip6tables’ DNAT where the daemon writes it', () => {
    for (const [from, to] of [
      ['host', '[fd00:94::1]:18080/tcp'],
      ['client', '[fd00:94::1]:18080/tcp'],
      ['d2', '[fd00:99::1]:18090/tcp'],
    ] as const) {
      const r = go(from, to)
      expect(r.delivered, `${from} -> ${to}`).toBe(dnat)
      if (r.delivered) expect(r.hops.find((h) => h.kind === 'nat')).toMatchObject({ type: 'DNAT' })
      else expect(r.reasonParams).toMatchObject({ code: 'ipv6-port-not-mapped', why: 'no-ip6tables' })
    }
  })

  test('[::1] is never answered: 28 DNATs it but from ::1, 20.10 has nothing there', () => {
    const r = go('host', '[::1]:18080/tcp')
    expect(r.delivered ? '' : r.reasonParams).toMatchObject({
      code: 'ipv6-port-not-mapped',
      why: dnat ? 'loopback' : 'no-ip6tables',
    })
    expect(r.delivered ? '' : r.reason).toContain('--userland-proxy=false')
  })
})

// A host whose uplink has a global IPv6 address (documentation prefix, RFC 3849).
const DUAL_UPLINK: HostDescription = {
  ...TYPICAL_HOST,
  addr: TYPICAL_HOST.addr.map((link) =>
    link.ifname === 'eth0'
      ? {
          ...link,
          addr_info: [
            ...(link.addr_info ?? []),
            { family: 'inet6', local: '2001:db8:1::15', prefixlen: 64, scope: 'global' },
          ],
        }
      : link,
  ),
}
const OUTSIDE_LAB = [
  'docker network create --ipv6 --subnet 10.81.0.0/24 --subnet fd00:81::/64 front6',
  'docker run -d --name web --network front6 -p 18080:80 nginx',
  'docker run -d --name legacy -p 18081:80 nginx',
].join('\n')

describe.each([
  ['28', 'DNAT'],
  ['20.10', 'docker-proxy'],
] as const)('IPv6 from the LAN and the internet (%s)', (engine, via) => {
  const { lab } = runScenario(OUTSIDE_LAB, { engine, host: DUAL_UPLINK })
  const go = (from: string, to: string) => trace(lab, { from, to })

  test('a port published on :: answers at the uplink’s IPv6 address: 28 by ip6tables DNAT, 20.10 by docker-proxy', () => {
    for (const from of ['lan', 'internet']) {
      const r = go(from, '[2001:db8:1::15]:18080/tcp')
      expect(r.delivered, from).toBe(true)
      const kinds = r.hops.map((h) => h.kind)
      if (via === 'DNAT') {
        expect(r.hops.find((h) => h.kind === 'nat')).toMatchObject({ type: 'DNAT', after: '[fd00:81::2]:80' })
        expect(kinds).not.toContain('docker-proxy')
      } else {
        expect(r.hops.find((h) => h.kind === 'docker-proxy')).toMatchObject({ target: '[fd00:81::2]:80' })
        expect(kinds).not.toContain('nat')
      }
      // no NAT66 of the source on either engine
      expect(r.hops.some((h) => h.kind === 'nat' && h.type !== 'DNAT')).toBe(false)
    }
  })

  test('an IPv4-only container published on :: is reached through docker-proxy on both', () => {
    const r = go('lan', '[2001:db8:1::15]:18081/tcp')
    expect(r.hops.find((h) => h.kind === 'docker-proxy')).toMatchObject({ target: '172.17.0.2:80' })
    expect(r.delivered).toBe(true)
    const none = go('lan', '[2001:db8:1::15]:18089/tcp')
    expect(none.delivered ? '' : none.reasonCode).toBe('port-not-published')
  })

  test("a container's IPv6 address is not reachable from outside: Docker announces no route to its subnet", () => {
    const lan = go('lan', '[fd00:81::2]:80/tcp')
    expect(lan.delivered ? '' : lan.reasonParams).toMatchObject({ code: 'no-route', why: 'private-address' })
    const internet = go('internet', '[fd00:81::2]:80/tcp')
    expect(internet.delivered ? '' : internet.reasonParams).toMatchObject({
      code: 'no-route',
      why: 'not-routed-on-internet',
    })
  })

  test('without an IPv6 address on the uplink, nothing of the host is reachable in IPv6 from outside', () => {
    const plain = runScenario(OUTSIDE_LAB, { engine }).lab
    const r = trace(plain, { from: 'lan', to: '[fd00:81::1]:18080/tcp' })
    expect(r.delivered ? '' : r.reasonCode).toBe('no-route')
  })
})

test.each([
  ['28', true],
  ['20.10', false],
] as const)('%s without docker-proxy: from the LAN only ip6tables DNAT serves [::]', (engine, served) => {
  const { lab } = runScenario(`dockerd --userland-proxy=false\n${OUTSIDE_LAB}`, { engine, host: DUAL_UPLINK })
  const r = trace(lab, { from: 'lan', to: '[2001:db8:1::15]:18080/tcp' })
  expect(r.delivered).toBe(served)
  if (!r.delivered)
    expect(r.reasonParams).toMatchObject({ code: 'ipv6-port-not-mapped', why: 'no-ip6tables' })
})
