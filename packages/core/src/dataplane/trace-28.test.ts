/**
 * Traces on a Docker 28 lab: the raw table's direct-access DROPs act before
 * nat and filter, and what 20.10 allowed between containers still works.
 */
import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import type { CreateLabOptions } from '../engine/lab.js'
import { createLab } from '../engine/lab.js'
import { parseIPv4 } from '../ipam/ipv4.js'
import type { LabState } from '../model/state.js'
import { createWalk } from './_walk.js'
import type { Arrival } from './_walk-context.js'
import { describeHop } from './describe-hop.js'
import { renderReason } from './reasons.js'
import { trace } from './trace.js'
import type { Hop, TraceResult } from './trace-types.js'

const V28: CreateLabOptions = { profile: { version: '28' } }

function lab(lines: string[], options: CreateLabOptions = V28): LabState {
  const l = createLab(options)
  for (const line of lines) {
    const r = runDocker(l, line)
    expect(r.ok, `${line}: ${r.error}`).toBe(true)
  }
  return l
}

function delivered(result: TraceResult) {
  if (!result.delivered) throw new Error(`expected delivery, got ${result.reasonCode}: ${result.reason}`)
  if (!result.reply.delivered) throw new Error(`reply lost: ${result.reply.reason}`)
  return result
}

const rules = (hops: Hop[]) => hops.flatMap((h) => (h.kind === 'rule' ? [`${h.table} ${h.text}`] : []))

/**
 * A neighbour on the host's LAN that routes a destination through the host
 * (what the raw rules are for: ENGINE-28.md 1.4): the packet arrives on eth0
 * with the host's MAC. The simulated LAN's router never does this, so the
 * walk is started on eth0 directly.
 */
function fromLanNeighbour(l: LabState, dst: string, proto: 'tcp' | 'udp', dport: number) {
  const host = l.namespaces.host
  const eth0 = host?.links.find((k) => k.ifname === 'eth0')
  if (!host || !eth0) throw new Error('no eth0')
  const hops: Hop[] = []
  const w = createWalk({
    lab: l,
    hops,
    reply: false,
    flow: {},
    book: new Map(),
    roles: { from: 'lan', to: dst },
  })
  const pkt = {
    src: parseIPv4('10.0.2.99') as number,
    dst: parseIPv4(dst) as number,
    proto,
    sport: 40000,
    dport,
  }
  const arrival: Arrival = w.enter(host, eth0, pkt)
  return { arrival, hops }
}

describe('Docker 28 raw PREROUTING: direct access', () => {
  const l = lab([
    'docker run -d --name web -p 8080:80 nginx',
    'docker run -d --name admin -p 127.0.0.1:9090:90 nginx',
  ])
  test('a packet for a container address that does not come in through its bridge is dropped in raw', () => {
    const { arrival, hops } = fromLanNeighbour(l, '172.17.0.2', 'tcp', 80)
    expect(arrival.kind).toBe('dropped')
    if (arrival.kind !== 'dropped') return
    expect(arrival.params).toMatchObject({
      code: 'direct-access',
      address: '172.17.0.2',
      network: 'bridge',
      bridge: 'docker0',
      inIface: 'eth0',
    })
    // raw decides first: no conntrack, no nat, no filter hop before the drop.
    expect(hops.map((h) => h.kind)).toEqual(['rule'])
    expect(rules(hops)).toEqual(['raw -A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP'])
    expect(describeHop(hops[0] as Hop)).toContain('raw PREROUTING')
    expect(renderReason(arrival.params)).toMatchInlineSnapshot(
      `"The LAN machine cannot reach 172.17.0.2: 172.17.0.2 is a container address on network bridge, and Docker drops packets for it that do not come in through its bridge docker0 (this one came in on eth0), before any NAT or forwarding (-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP)."`,
    )
  })
  test('20.10 has no raw rules: a LAN neighbour reaches the published container port directly', () => {
    // The hole 28 closes: 20.10's filter DOCKER ACCEPT matches whatever interface the packet came in on.
    const old = lab(['docker run -d --name web -p 8080:80 nginx'], { engine: '20.10' })
    const direct = fromLanNeighbour(old, '172.17.0.2', 'tcp', 80)
    expect(direct.hops.some((h) => h.kind === 'rule' && h.table === 'raw')).toBe(false)
    expect(direct.arrival.kind).toBe('delivered')
    // A port it does not publish falls off DOCKER and FORWARD's policy drops it.
    const other = fromLanNeighbour(old, '172.17.0.2', 'tcp', 81)
    expect(other.arrival.kind === 'dropped' && other.arrival.params).toMatchObject({
      code: 'filtered',
      chain: 'FORWARD',
      policy: 'DROP',
    })
  })
  test('a port published on 127.0.0.1, reached from eth0, is dropped in raw (moby#45610)', () => {
    const { arrival, hops } = fromLanNeighbour(l, '127.0.0.1', 'tcp', 9090)
    expect(arrival.kind === 'dropped' && arrival.params).toMatchObject({
      code: 'remote-loopback',
      address: '127.0.0.1',
      port: 9090,
      protocol: 'tcp',
      inIface: 'eth0',
    })
    expect(rules(hops)).toEqual([
      'raw -A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 9090 -j DROP',
    ])
    if (arrival.kind === 'dropped')
      expect(renderReason(arrival.params)).toMatchInlineSnapshot(
        `"The LAN machine cannot reach 127.0.0.1: port 9090/tcp is published on 127.0.0.1, a loopback address, and Docker drops packets for it that do not come in on lo (this one came in on eth0), so only the host itself reaches it (-A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 9090 -j DROP)."`,
      )
  })
  test('the host itself still reaches that port on 127.0.0.1', () => {
    const r = trace(l, { from: 'host', to: '127.0.0.1:9090/tcp' })
    expect(r.delivered).toBe(true)
  })
  test('a published port is still reached from the LAN: raw sees the host address, before DNAT', () => {
    const r = delivered(trace(l, { from: 'lan', to: 'host:8080/tcp' }))
    const seen = rules(r.hops)
    expect(seen.some((t) => t.startsWith('raw '))).toBe(false)
    expect(seen).toContain(
      'filter -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
    )
    // raw is consulted (its policy decides) before conntrack and nat.
    const kinds = r.hops.map((h) =>
      h.kind === 'policy' || h.kind === 'rule' ? `${h.kind}:${h.table}` : h.kind,
    )
    expect(kinds.indexOf('policy:raw')).toBeLessThan(kinds.indexOf('conntrack'))
  })
})

describe('Docker 28: what 20.10 allowed between containers still works', () => {
  const l = lab([
    'docker network create app',
    'docker network create other',
    'docker run -d --name api --network app nginx',
    'docker run -d --name api2 --network app nginx',
    'docker run -d --name far --network other nginx',
    'docker run -d --name web nginx',
    'docker network create -o com.docker.network.bridge.enable_icc=false quiet',
    'docker run -d --name q1 --network quiet busybox',
    'docker run -d --name q2 --network quiet busybox',
  ])
  test('containers on one network reach each other (bridged, in through their own bridge)', () => {
    const r = delivered(trace(l, { from: 'api', to: 'api2', port: 80 }))
    const app = l.networks.find((n) => n.name === 'app')?.device
    expect(rules(r.hops)).toContain(`filter -A DOCKER-FORWARD -i ${app} -j ACCEPT`)
    expect(delivered(trace(l, { from: 'api2', to: 'api', protocol: 'icmp' })).delivered).toBe(true)
  })
  test('containers on the default bridge reach the outside', () => {
    delivered(trace(l, { from: 'web', to: 'internet', port: 443 }))
  })
  test('two bridge networks stay isolated: raw drops the packet that came in on the other bridge', () => {
    const r = trace(l, { from: 'api', to: 'far', port: 80, resolve: 'address' })
    expect(r.delivered).toBe(false)
    if (r.delivered) return
    const far = l.networks.find((n) => n.name === 'other')?.device
    expect(r.reasonParams).toMatchObject({ code: 'direct-access', network: 'other', bridge: far })
    expect(r.droppedAt).toMatchObject({ kind: 'rule', table: 'raw', chain: 'PREROUTING' })
  })
  test('the default bridge and a user network stay isolated both ways', () => {
    for (const [from, to] of [
      ['web', 'api'],
      ['api', 'web'],
    ] as const) {
      const r = trace(l, { from, to, port: 80, resolve: 'address' })
      expect(r.delivered ? 'delivered' : r.reasonCode, `${from} -> ${to}`).toBe('direct-access')
    }
  })
  test('a published port is reached through the host address from a container of another network', () => {
    const p = lab([
      'docker network create app',
      'docker run -d --name api --network app nginx',
      'docker run -d --name web -p 8080:80 nginx',
    ])
    // The host address, not the container's, is what raw sees: nothing stops it there.
    delivered(trace(p, { from: 'api', to: 'host:8080/tcp' }))
    delivered(trace(p, { from: 'web', to: 'host:8080/tcp' }))
  })
  test('icc=false: DOCKER-FORWARD drops traffic between the network’s containers', () => {
    const r = trace(l, { from: 'q1', to: 'q2', port: 80 })
    expect(r.delivered ? 'delivered' : r.reasonParams).toMatchObject({
      code: 'icc-disabled',
      network: 'quiet',
    })
  })
  test('--internal: the isolation rules still say the network is internal', () => {
    const i = lab(['docker network create --internal back', 'docker run -d --name db --network back redis'])
    const r = trace(i, { from: 'db', to: 'internet', port: 443 })
    expect(r.delivered ? 'delivered' : r.reasonCode).toBe('internal-network')
  })
})

describe('Docker 28 raw PREROUTING with no rule', () => {
  test('an empty raw chain is not shown: the trace is the one it was before the first endpoint', () => {
    const l = lab(['docker network create app', 'docker run -d --name api --network app nginx'])
    runDocker(l, 'docker rm -f api')
    expect(l.netfilter.raw?.chains.PREROUTING?.rules).toEqual([])
    const r = trace(l, { from: 'lan', to: 'host:22/tcp', listening: ['host:22/tcp'] })
    expect(r.hops.some((h) => (h.kind === 'rule' || h.kind === 'policy') && h.table === 'raw')).toBe(false)
  })
})
