/**
 * Every sentence of a verdict is true of the lab it is about. Each case is a
 * lab where an earlier wording said something false (a network the address
 * is not on, a router the lab does not have, "container addresses" for an
 * address no container holds).
 */
import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import type { HostDescription } from '../engine/host-description.js'
import { TYPICAL_HOST } from '../engine/host-description.js'
import { createLab } from '../engine/lab.js'
import { trace } from './trace.js'
import type { TraceRequest, TraceResult } from './trace-types.js'

function lab(lines: string[], host?: HostDescription) {
  const l = createLab(host ? { host } : {})
  for (const line of lines) expect(runDocker(l, line).ok, line).toBe(true)
  return l
}

/** The sentence of a drop, of the request or of its reply. */
function reason(r: TraceResult): string {
  if (!r.delivered) return r.reason
  if (!r.reply.delivered) return r.reply.reason
  throw new Error('delivered both ways')
}

const uplink = (address: string, prefix: number, gateway?: string): HostDescription => {
  const net = address.split('.').slice(0, 3).join('.')
  const [lo, eth0] = TYPICAL_HOST.addr
  return {
    addr: [
      lo as NonNullable<typeof lo>,
      {
        ...(eth0 as NonNullable<typeof eth0>),
        addr_info: [{ family: 'inet', local: address, prefixlen: prefix, scope: 'global' }],
      },
    ],
    route: [
      ...(gateway ? [{ dst: 'default', gateway, dev: 'eth0' }] : []),
      { dst: `${net}.0/${prefix}`, dev: 'eth0', protocol: 'kernel', scope: 'link', prefsrc: address },
    ],
  }
}

describe('verdicts say only what is true of the lab', () => {
  // A macvlan network on VLAN 20 of eth0 with the LAN's own numbers: the LAN (untagged) is not on it.
  const vlan = lab([
    'docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.1 -o parent=eth0.20 mv',
    'docker run -d --name m1 --network mv busybox',
    'docker network create --subnet 10.88.0.0/24 app',
    'docker run -d --name web --network app busybox',
  ])
  test.each<[string, TraceRequest, string]>([
    [
      'the LAN machine is in mv\'s subnet but not on mv; from the internet the router is not "without a route"',
      { from: 'internet', to: 'lan', protocol: 'icmp' },
      "No route: the address of the LAN machine is a private address, which the internet does not route; from the internet, the LAN's router lets in only what is addressed to the host (simulated as a port forward).",
    ],
    [
      "a raw address in mv's subnet that no container holds is on no network",
      { from: 'internet', to: '10.0.2.77', protocol: 'icmp' },
      "No route: 10.0.2.77 is a private address, which the internet does not route; from the internet, the LAN's router lets in only what is addressed to the host (simulated as a port forward).",
    ],
    [
      'a private address nobody holds is no "container address"',
      { from: 'web', to: '192.168.5.5', protocol: 'icmp' },
      "No route: 192.168.5.5 is a private address that is not on the LAN, and the LAN's router has no route to it.",
    ],
    [
      'a container on a bridge network: private to the host',
      { from: 'lan', to: 'web', protocol: 'icmp', resolve: 'address' },
      "No route: container addresses are private to the host (the bridge is not reachable from outside, as the seed article says); the address of web is on network app (10.88.0.0/24) and the LAN's router has no route to it.",
    ],
  ])('%s', (_, request, expected) => {
    const text = reason(trace(vlan, request))
    expect(text).toBe(expected)
    expect(text).not.toMatch(/on network mv/)
  })

  test('a bridge container to a macvlan child: the verdict names who sent it', () => {
    const l = lab([
      'docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 --ip-range 10.0.2.128/25 -o parent=eth0 lan',
      'docker run -d --name printer --network lan busybox',
      'docker run -d --name web busybox',
    ])
    expect(reason(trace(l, { from: 'web', to: 'printer', protocol: 'icmp', resolve: 'address' }))).toBe(
      'web cannot reach printer: the host sends the packet out through eth0, and a host cannot talk to its own macvlan children through their parent interface.',
    )
  })

  test('a host without a default route has no router to the internet: none is named', () => {
    const l = lab(['docker run -d --name web busybox'], uplink('10.0.2.15', 24))
    const text = reason(trace(l, { from: 'internet', to: 'web', protocol: 'icmp' }))
    expect(text).toBe(
      'No route: the host has no default route, so no router links it to the internet, and nothing from the internet reaches the address of web.',
    )
    expect(text).not.toMatch(/router has|LAN's router/)
  })

  test('a host on a public LAN: "the internet" is off that LAN, and public LAN addresses are routed', () => {
    const l = lab(['docker run -d --name web -p 8080:80 nginx'], uplink('203.0.113.5', 24, '203.0.113.1'))
    for (const to of ['host', 'host:8080/tcp', 'lan']) {
      const r = trace(l, { from: 'internet', to, ...(to.includes(':') ? {} : { protocol: 'icmp' as const }) })
      expect(r.delivered && r.reply.delivered, `internet -> ${to}: ${r.delivered ? '' : r.reason}`).toBe(true)
    }
  })

  test('a port published on one host address: the verdict says which address was asked', () => {
    const l = lab([
      'docker run -d --name web -p 10.0.2.15:7000:7000 nginx',
      'docker run -d --name monitor --network host busybox',
    ])
    expect(reason(trace(l, { from: 'host', to: 'monitor:7000/tcp' }))).toBe(
      'monitor does not answer on port 7000/tcp: nothing is published there (no DNAT rule in nat DOCKER matches and no docker-proxy listens); it is published on 10.0.2.15 only, not on 127.0.0.1.',
    )
  })
})
