/**
 * Machines on a LAN beside the host, as conformance/scenarios/lan-machines.sh
 * makes them (a bridge nmlan0 with the host's 10.77.0.1, nmpc1 routing
 * through the host, nmpc2 knowing only its segment), traced on both engine
 * profiles. Each verdict is what the real engines gave to the scenario's
 * probes (recorded/ENGINE/lan-machines.json, held at 100% by the scorer);
 * here each is held to its reason, where the engines differ and why.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { runScenario } from '../engine/run-scenario.js'
import type { EngineVersion } from '../model/state.js'
import { trace } from './trace.js'
import type { TraceResult } from './trace-types.js'

const scenario = readFileSync(
  new URL('../../../../conformance/scenarios/lan-machines.sh', import.meta.url),
  'utf8',
)
const setup = (upTo: string) => scenario.slice(0, scenario.indexOf(upTo)).replace(/^trace .*$/gm, '')
// The lab once the machine routes 127.0.0.1 to the host, and once its route_localnet is on.
const routed = setup('host ip netns exec nmpc1 sysctl')
const all = scenario.replace(/^trace .*$/gm, '')

const labOf = (text: string, engine: EngineVersion) => runScenario(text, { engine }).lab
const verdict = (t: TraceResult) =>
  !t.delivered ? t.reasonCode : t.reply.delivered ? 'delivered' : `reply lost: ${t.reply.reasonCode}`

describe.each(['20.10', '28'] as const)('LAN machines on %s', (engine) => {
  const lab = labOf(all, engine)
  const run = (from: string, to: string) =>
    trace(lab, { from, to, protocol: to.includes(':') ? 'tcp' : 'icmp' })

  test('a machine is an endpoint by its namespace name, or by its address', () => {
    const t = run('host', 'nmpc1')
    expect(t.hops[0]).toMatchObject({
      kind: 'resolve',
      method: 'machine',
      address: '10.77.0.10',
      device: 'eth0',
    })
    expect(verdict(t)).toBe('delivered')
    expect(verdict(run('10.77.0.20', '10.77.0.1'))).toBe('delivered')
    expect(t.hops.at(-1)).toMatchObject({ kind: 'deliver', namespace: '/run/netns/nmpc1' })
  })

  test("two machines on a bridge that is not Docker's: br_netfilter sends their frames through FORWARD, whose policy Docker set to DROP", () => {
    const t = run('nmpc1', '10.77.0.20')
    expect(t).toMatchObject({ delivered: false, reasonCode: 'foreign-bridge' })
    expect(t.delivered || t.reason).toMatch(
      /nmlan0 is not a Docker bridge.*iptables -I DOCKER-USER -i nmlan0 -o nmlan0 -j ACCEPT/,
    )
  })

  test('a published port from the LAN: DNAT on the host address; published on 127.0.0.1 it is not there', () => {
    expect(verdict(run('nmpc1', '10.77.0.1:8080/tcp'))).toBe('delivered')
    expect(verdict(run('nmpc1', '10.77.0.1:9090/tcp'))).toBe('published-on-localhost')
  })

  test('containers to the LAN: masqueraded, or with their own address when masquerading is off', () => {
    const masq = run('web', 'nmpc2')
    expect(verdict(masq)).toBe('delivered')
    expect(masq.hops.some((h) => h.kind === 'nat')).toBe(true)
    // nmpc2 has no route back to 10.78.1.0/24: the request arrives, the echo reply goes nowhere.
    const lost = run('nm', 'nmpc2')
    expect(verdict(lost)).toBe('reply lost: no-route')
    expect(lost.hops.some((h) => h.kind === 'nat')).toBe(false)
  })

  test('a port another network published, from a container, through the host addresses and docker-proxy', () => {
    for (const to of ['10.78.3.1:8080/tcp', '10.77.0.1:8080/tcp', '10.78.0.1:8080/tcp']) {
      const t = run('o1', to)
      expect(verdict(t), to).toBe('delivered')
      expect(
        t.hops.some((h) => h.kind === 'docker-proxy'),
        to,
      ).toBe(true)
    }
  })
})

describe('where the engines differ (moby#45610 and the raw table of 28)', () => {
  const on = (text: string, engine: EngineVersion, from: string, to: string) =>
    verdict(trace(labOf(text, engine), { from, to, protocol: to.includes(':') ? 'tcp' : 'icmp' }))

  test("straight to a container's address, routed through the host: 20.10 forwards it to the published port, 28 drops it in raw", () => {
    expect(on(all, '20.10', 'nmpc1', 'web:80/tcp')).toBe('delivered')
    expect(on(all, '28', 'nmpc1', 'web:80/tcp')).toBe('direct-access')
  })

  test('a machine that routes 127.0.0.1 to the host: 20.10 DNATs it to the container, whose answer from 127.0.0.1 is a martian to the machine until its route_localnet is on; 28 drops it in raw', () => {
    const martian = trace(labOf(routed, '20.10'), { from: 'nmpc1', to: '127.0.0.1:9090/tcp' })
    expect(verdict(martian)).toBe('reply lost: martian')
    expect(martian.delivered && !martian.reply.delivered && martian.reply.reason).toMatch(
      /nmpc1 drops a packet from 127\.0\.0\.1 that came in on eth0.*route_localnet/,
    )
    expect(on(all, '20.10', 'nmpc1', '127.0.0.1:9090/tcp')).toBe('delivered')
    expect(on(routed, '28', 'nmpc1', '127.0.0.1:9090/tcp')).toBe('remote-loopback')
    expect(on(all, '28', 'nmpc1', '127.0.0.1:9090/tcp')).toBe('remote-loopback')
  })

  test("masquerading off, a machine with a route back: 20.10 lets the reply in; 28's raw rule for the container's address drops it", () => {
    expect(on(all, '20.10', 'nm', 'nmpc1')).toBe('delivered')
    expect(on(all, '28', 'nm', 'nmpc1')).toBe('reply lost: direct-access')
  })

  test("an --internal network and the host's other addresses: 20.10 gives its containers a default route to the host, 28 none", () => {
    expect(on(all, '20.10', 'in1', '10.77.0.1')).toBe('delivered')
    expect(on(all, '28', 'in1', '10.77.0.1')).toBe('internal-network')
    for (const engine of ['20.10', '28'] as const) {
      expect(on(all, engine, 'in1', '10.78.2.1'), engine).toBe('delivered')
      expect(on(all, engine, 'in1', 'nmpc1'), engine).toBe('internal-network')
    }
  })
})
