import { describe, expect, test } from 'vitest'
import { runScenario } from '../engine/run-scenario.js'
import { describeHop } from './describe-hop.js'
import { matrixCell, reachabilityMatrix } from './reachability.js'
import { trace } from './trace.js'
import type { TraceResult } from './trace-types.js'

// What ipv6-firewall.sh recorded of each engine's tables for these networks: 28 MASQUERADEs
// fd00:81::/64 and fd00:83::/64 but not the enable_ip_masquerade=false one, and accepts what
// comes in on each bridge; 20.10 writes no ip6tables (FORWARD's policy ACCEPT).
const UPLINK6 = 'host ip -6 addr add 2001:db8:1::15/64 dev eth0'
const LAB = [
  UPLINK6,
  'docker network create --ipv6 --subnet 10.81.0.0/24 --subnet fd00:81::/64 front6',
  'docker network create --ipv6 --internal --subnet 10.83.0.0/24 --subnet fd00:83::/64 vault6',
  'docker network create --ipv6 -o com.docker.network.bridge.enable_ip_masquerade=false --subnet 10.84.0.0/24 --subnet fd00:84::/64 nomasq6',
  'docker run -d --name web --network front6 nginx',
  'docker run -d --name secret --network vault6 nginx',
  'docker run -d --name plain --network nomasq6 nginx',
  'docker run -d --name side --network container:web nginx',
  'docker run -d --name hn --network host nginx',
  'docker run -d --name nn --network none nginx',
  'docker run -d --name legacy nginx',
].join('\n')

const verdict = (r: TraceResult) =>
  !r.delivered ? r.reasonCode : r.reply.delivered ? 'answered' : `reply: ${r.reply.reasonCode}`

describe.each(['28', '20.10'] as const)('IPv6 to the LAN and the internet (%s)', (engine) => {
  const { lab, results } = runScenario(LAB, { engine })
  const go = (from: string, to: string, lang?: 'zh-CN') =>
    trace(lab, {
      from,
      to,
      family: 6,
      ...(to.startsWith('[') ? {} : { protocol: 'icmp' as const }),
      ...(lang ? { lang } : {}),
    })
  const masquerades = engine === '28'

  test('the scenario runs', () => {
    expect(results.every((r) => r.ok)).toBe(true)
  })

  test('a container on a dual-stack network: 28 MASQUERADEs it to the uplink’s address, 20.10 sends its ULA', () => {
    for (const to of ['lan', 'internet', '[2001:db8:1::99]:80/tcp', '[2001:db8:ffff::99]:443/tcp']) {
      const r = go('web', to)
      expect(r.delivered, to).toBe(true)
      const nat = r.hops.find((h) => h.kind === 'nat')
      if (masquerades) {
        expect(verdict(r), to).toBe('answered')
        const rule = r.hops.find((h) => h.kind === 'rule' && h.table === 'nat')
        expect(rule?.kind === 'rule' && rule.text).toMatch(
          /^-A POSTROUTING -s fd00:81::\/64 ! -o br-[0-9a-f]{12} -j MASQUERADE$/,
        )
        expect(nat).toMatchObject({ type: 'MASQUERADE', before: 'fd00:81::2', after: '2001:db8:1::15' })
        expect(r.delivered && r.reply.hops.find((h) => h.kind === 'nat')).toMatchObject({
          type: 'un-SNAT',
          after: 'fd00:81::2',
        })
        expect(r.hops.find((h) => h.kind === 'rule' && h.table === 'filter')).toMatchObject({
          chain: 'DOCKER-FORWARD',
        })
      } else {
        expect(verdict(r), to).toBe('reply: ipv6-no-route-back')
        expect(nat).toBeUndefined()
        expect(r.hops.map((h) => describeHop(h))).toContain(
          '[host] nat POSTROUTING: no rule decides, policy ACCEPT',
        )
        expect(r.delivered && !r.reply.delivered && r.reply.reasonParams).toMatchObject({
          why: 'no-ip6tables',
          source: 'fd00:81::2',
          network: 'front6',
          where: to.includes('ffff') || to === 'internet' ? 'internet' : 'lan',
        })
      }
    }
  })

  test('the hop says plainly why the reply is lost, in en and zh-CN', () => {
    const r = go('plain', 'lan')
    const zh = go('plain', 'lan', 'zh-CN')
    expect(verdict(r)).toBe('reply: ipv6-no-route-back')
    if (r.delivered && !r.reply.delivered && zh.delivered && !zh.reply.delivered) {
      expect(r.reply.reasonParams).toMatchObject({ why: masquerades ? 'masquerade-off' : 'no-ip6tables' })
      expect(r.reply.reason).toContain(
        "plain's packet left the host with its own address fd00:84::2 (network nomasq6, fd00:84::/64), a subnet Docker announces to no one, and nothing on the LAN has a route back to it",
      )
      expect(zh.reply.reason).toMatch(/^请求能到达，但回包丢失：/)
      expect(zh.reply.reason).toContain('fd00:84::2（网络 nomasq6，fd00:84::/64）')
      expect(zh.reply.reason).toContain(masquerades ? '关闭了地址伪装' : '不写任何 ip6tables 规则')
    }
  })

  test('--internal: 28 gives no IPv6 route out, 20.10 lets the ULA out and loses the reply', () => {
    const r = go('secret', 'lan')
    expect(verdict(r)).toBe(masquerades ? 'internal-network' : 'reply: ipv6-no-route-back')
  })

  test('host mode sends as the host, container mode as its target, none and IPv4-only have no IPv6 route', () => {
    for (const to of ['lan', 'internet']) {
      const hn = go('hn', to)
      expect(verdict(hn), to).toBe('answered')
      expect(hn.hops.map((h) => h.kind)).not.toContain('nat')
      expect(verdict(go('host', to))).toBe('answered')
      expect(verdict(go('side', to))).toBe(verdict(go('web', to)))
      expect(verdict(go('nn', to))).toBe('no-interface')
      expect(verdict(go('legacy', to))).toBe('no-route')
    }
    // and a host-mode container reaches a container's IPv6 address as the host does
    expect(go('hn', '[fd00:81::2]:80/tcp').delivered).toBe(true)
  })

  test('the IPv6 matrix has the LAN and internet rows and columns, each cell as trace answers it', () => {
    const m = reachabilityMatrix(lab, { family: 6 })
    expect(m.endpoints.slice(-3)).toEqual(['host', 'lan', 'internet'])
    for (const from of m.endpoints)
      for (const to of ['lan', 'internet']) {
        const cell = matrixCell(m, from, to)
        const r = go(from, to)
        expect(
          cell.reachable
            ? 'answered'
            : cell.direction === 'reply'
              ? `reply: ${cell.reasonCode}`
              : cell.reasonCode,
          `${from} -> ${to}`,
        ).toBe(verdict(r))
        if (!cell.reachable) {
          const why = r.delivered ? (!r.reply.delivered ? r.reply.reason : '') : r.reason
          expect(cell.reason, `${from} -> ${to}`).toBe(why)
        }
      }
    expect(matrixCell(m, 'web', 'lan').reachable).toBe(masquerades)
    expect(matrixCell(m, 'lan', 'web')).toMatchObject({ reachable: false, reasonCode: 'no-route' })
    expect(matrixCell(m, 'lan', 'internet').reachable).toBe(true)
    // a host-mode container's column is the host's
    expect(matrixCell(m, 'web', 'hn').reachable).toBe(matrixCell(m, 'web', 'host').reachable)
  })
})

describe.each([
  ['28', 'masquerade-off'],
  ['20.10', 'no-ip6tables'],
] as const)('the default bridge in IPv6 with --ip-masq=false (%s)', (engine, why) => {
  const { lab } = runScenario(
    [
      'dockerd --ipv6 --fixed-cidr-v6=fd00:99::/64 --ip-masq=false',
      UPLINK6,
      'docker run -d --name d1 nginx',
    ].join('\n'),
    { engine },
  )
  test('no MASQUERADE: the ULA leaves and the reply is lost', () => {
    const r = trace(lab, { from: 'd1', to: 'lan', family: 6, protocol: 'icmp' })
    expect(verdict(r)).toBe('reply: ipv6-no-route-back')
    expect(r.delivered && !r.reply.delivered && r.reply.reasonParams).toMatchObject({
      why,
      network: 'bridge',
    })
  })
})

test('28 with --ip6tables=false writes no MASQUERADE either', () => {
  const { lab } = runScenario(
    [
      'dockerd --ip6tables=false',
      UPLINK6,
      'docker network create --ipv6 --subnet fd00:81::/64 front6',
      'docker run -d --name web --network front6 nginx',
    ].join('\n'),
    { engine: '28' },
  )
  const r = trace(lab, { from: 'web', to: 'lan', family: 6, protocol: 'icmp' })
  expect(r.delivered && !r.reply.delivered && r.reply.reasonParams).toMatchObject({ why: 'no-ip6tables' })
})

describe.each(['28', '20.10'] as const)('IPv6 outside, other hosts (%s)', (engine) => {
  const net = [
    'docker network create --ipv6 --subnet 10.81.0.0/24 --subnet fd00:81::/64 front6',
    'docker run -d --name web --network front6 nginx',
  ]
  test('without an IPv6 address on the uplink there is no IPv6 outside: the host has no route', () => {
    const { lab } = runScenario(net.join('\n'), { engine })
    const r = trace(lab, { from: 'web', to: 'lan', family: 6, protocol: 'icmp' })
    expect(r.delivered ? '' : r.reasonParams).toMatchObject({ code: 'no-route', where: 'host' })
    expect(r.delivered ? '' : r.reason).toBe('The host has no route to the address of the LAN machine.')
    const m = reachabilityMatrix(lab, { family: 6 })
    expect(matrixCell(m, 'web', 'internet')).toMatchObject({ reachable: false, reasonCode: 'no-route' })
  })

  test('a host with only a ULA on its uplink: the LAN answers, the internet routes nothing back', () => {
    const { lab } = runScenario(['host ip -6 addr add fd00:1::15/64 dev eth0', ...net].join('\n'), { engine })
    const lan = trace(lab, { from: 'host', to: 'lan', family: 6, protocol: 'icmp' })
    expect(verdict(lan)).toBe('answered')
    const out = trace(lab, { from: 'host', to: 'internet', family: 6, protocol: 'icmp' })
    expect(out.delivered && !out.reply.delivered && out.reply.reasonParams).toMatchObject({
      why: 'ula',
      source: 'fd00:1::15',
    })
    // a container: 28 masquerades it to that ULA, which the internet routes nothing back to either
    const web = trace(lab, { from: 'web', to: 'internet', family: 6, protocol: 'icmp' })
    const lost = web.delivered && !web.reply.delivered ? web.reply.reasonParams : undefined
    expect(lost).toMatchObject(
      engine === '28' ? { why: 'ula', source: 'fd00:1::15' } : { why: 'no-ip6tables', source: 'fd00:81::2' },
    )
    expect(lost && 'network' in lost).toBe(engine === '20.10')
    expect(verdict(trace(lab, { from: 'web', to: 'lan', family: 6, protocol: 'icmp' }))).toBe(
      engine === '28' ? 'answered' : 'reply: ipv6-no-route-back',
    )
  })

  test('family 6 wants an IPv6 destination', () => {
    const { lab } = runScenario(net.join('\n'), { engine })
    expect(() => trace(lab, { from: 'web', to: '10.0.2.99', family: 6, protocol: 'icmp' })).toThrow(
      '10.0.2.99 is an IPv4 address: an IPv6 trace goes to an IPv6 one',
    )
    runScenario('docker run -d --name legacy nginx', { engine, lab })
    expect(() => trace(lab, { from: 'web', to: 'legacy', family: 6, protocol: 'icmp' })).toThrow(
      'container legacy has no IPv6 address',
    )
  })
})
