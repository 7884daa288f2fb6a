import { describe, expect, test } from 'vitest'
import { runScenario } from '../engine/run-scenario.js'
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
    expect(m.endpoints).not.toContain('lan')
    expect(matrixCell(m, 'api', 'web').reachable).toBe(true)
    expect(matrixCell(m, 'web', 'db').reachable).toBe(unfiltered)
    expect(matrixCell(m, 'q2', 'q1').reachable).toBe(unfiltered)
    expect(matrixCell(m, 'legacy', 'web').reachable).toBe(false)
    expect(matrixCell(m, 'host', 'secret').reachable).toBe(true)
  })
})
