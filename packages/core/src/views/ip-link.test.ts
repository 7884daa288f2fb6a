import { describe, expect, it } from 'vitest'
import type { Link, Namespace } from '../model/namespace.js'
import { assignNetnsids, renderIpLink, renderIpLinkJson } from './ip-link.js'

// Fixtures were captured from iproute2 6.1 (`ip link`, `ip -j link`) on Linux
// 6.x, in throwaway namespaces built the way Docker builds them (txqueuelen 0
// on every created device).

// Joins output lines, each ending in a newline as iproute2 prints them.
function lines(...text: string[]): string {
  return text.map((line) => `${line}\n`).join('')
}

// Joins one compact JSON object per link into iproute2's `-j` array.
function json(...entries: string[]): string {
  return `[${entries.join(',')}]`
}

const UP = ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP']

const lo: Link = {
  ifindex: 1,
  ifname: 'lo',
  kind: 'loopback',
  flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
  mtu: 65536,
  address: '00:00:00:00:00:00',
  operstate: 'UNKNOWN',
  addrs: [{ local: '127.0.0.1', prefixlen: 8, scope: 'host' }],
}

// An up ethernet-like link without addresses (ip link does not show them).
function up(link: Pick<Link, 'ifindex' | 'ifname' | 'kind' | 'address'> & Partial<Link>): Link {
  return { flags: UP, mtu: 1500, operstate: 'UP', addrs: [], ...link }
}

const c1LinkText = lines(
  '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000',
  '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
  '330: eth0@if331: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default ',
  '    link/ether 02:42:0a:7b:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
  '348: eth1@if349: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP mode DEFAULT group default ',
  '    link/ether 02:42:0a:00:01:02 brd ff:ff:ff:ff:ff:ff link-netnsid 1',
)

const c1LinkJson = json(
  '{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00"}',
  '{"ifindex":330,"link_index":331,"ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","linkmode":"DEFAULT","group":"default","link_type":"ether","address":"02:42:0a:7b:00:02","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":0}',
  '{"ifindex":348,"link_index":349,"ifname":"eth1","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1450,"qdisc":"noqueue","operstate":"UP","linkmode":"DEFAULT","group":"default","link_type":"ether","address":"02:42:0a:00:01:02","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":1}',
)

const c2LinkText = lines(
  '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000',
  '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
  '344: eth0@if341: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default ',
  '    link/ether 02:42:c0:a8:01:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
  '346: eth1@if345: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default ',
  '    link/ether 02:42:c0:a8:02:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
)

const c2LinkJson = json(
  '{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00"}',
  '{"ifindex":344,"link_index":341,"ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","linkmode":"DEFAULT","group":"default","link_type":"ether","address":"02:42:c0:a8:01:02","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":0}',
  '{"ifindex":346,"link_index":345,"ifname":"eth1","flags":["NO-CARRIER","BROADCAST","MULTICAST","UP"],"mtu":1500,"qdisc":"noqueue","operstate":"LOWERLAYERDOWN","linkmode":"DEFAULT","group":"default","link_type":"ether","address":"02:42:c0:a8:02:02","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":0}',
)

const ovLinkText = lines(
  '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000',
  '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
  '2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP mode DEFAULT group default ',
  '    link/ether 6e:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff',
  '347: vxlan0@if347: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master br0 state UNKNOWN mode DEFAULT group default ',
  '    link/ether 6e:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
  '349: veth0@if348: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master br0 state UP mode DEFAULT group default ',
  '    link/ether 6e:00:00:00:00:03 brd ff:ff:ff:ff:ff:ff link-netnsid 1',
)

const ovLinkJson = json(
  '{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00"}',
  '{"ifindex":2,"ifname":"br0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1450,"qdisc":"noqueue","operstate":"UP","linkmode":"DEFAULT","group":"default","link_type":"ether","address":"6e:00:00:00:00:02","broadcast":"ff:ff:ff:ff:ff:ff"}',
  '{"ifindex":347,"link_index":347,"ifname":"vxlan0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1450,"qdisc":"noqueue","master":"br0","operstate":"UNKNOWN","linkmode":"DEFAULT","group":"default","link_type":"ether","address":"6e:00:00:00:00:01","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":0}',
  '{"ifindex":349,"link_index":348,"ifname":"veth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1450,"qdisc":"noqueue","master":"br0","operstate":"UP","linkmode":"DEFAULT","group":"default","link_type":"ether","address":"6e:00:00:00:00:03","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":1}',
)

const hostLinkText = lines(
  '328: nmvbr0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default ',
  '    link/ether 02:42:0a:7b:00:01 brd ff:ff:ff:ff:ff:ff',
  '329: nmvbr1: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default ',
  '    link/ether 02:42:0a:7c:00:01 brd ff:ff:ff:ff:ff:ff',
  '331: nmvh1@if330: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master nmvbr0 state UP mode DEFAULT group default ',
  '    link/ether 9a:01:02:03:04:05 brd ff:ff:ff:ff:ff:ff link-netnsid 4',
  '341: nmvp0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000',
  '    link/ether 02:00:00:00:00:aa brd ff:ff:ff:ff:ff:ff',
  '366: nmvm9@nmvp0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default ',
  '    link/ether 3a:43:2d:93:b0:46 brd ff:ff:ff:ff:ff:ff',
)

const c1: Namespace = {
  id: 'c1',
  links: [
    lo,
    up({
      ifindex: 330,
      ifname: 'eth0',
      kind: 'veth',
      address: '02:42:0a:7b:00:02',
      peer: { ifindex: 331, namespace: 'host' },
    }),
    up({
      ifindex: 348,
      ifname: 'eth1',
      kind: 'veth',
      mtu: 1450,
      address: '02:42:0a:00:01:02',
      peer: { ifindex: 349, namespace: 'ov' },
    }),
  ],
  routes: [],
  nextIfindex: 349,
}

const c2: Namespace = {
  id: 'c2',
  links: [
    lo,
    up({
      ifindex: 344,
      ifname: 'eth0',
      kind: 'macvlan',
      address: '02:42:c0:a8:01:02',
      parent: { ifindex: 341, namespace: 'host', ifname: 'nmvp0' },
    }),
    up({
      ifindex: 346,
      ifname: 'eth1',
      kind: 'macvlan',
      flags: ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'],
      operstate: 'LOWERLAYERDOWN',
      address: '02:42:c0:a8:02:02',
      parent: { ifindex: 345, namespace: 'host', ifname: 'nmvp1' },
    }),
  ],
  routes: [],
  nextIfindex: 347,
}

const ov: Namespace = {
  id: 'ov',
  links: [
    lo,
    up({ ifindex: 2, ifname: 'br0', kind: 'bridge', mtu: 1450, address: '6e:00:00:00:00:02' }),
    up({
      ifindex: 347,
      ifname: 'vxlan0',
      kind: 'vxlan',
      mtu: 1450,
      address: '6e:00:00:00:00:01',
      operstate: 'UNKNOWN',
      master: 'br0',
    }),
    up({
      ifindex: 349,
      ifname: 'veth0',
      kind: 'veth',
      mtu: 1450,
      address: '6e:00:00:00:00:03',
      master: 'br0',
      peer: { ifindex: 348, namespace: 'c1' },
    }),
  ],
  routes: [],
  nextIfindex: 350,
}

const host: Namespace = {
  id: 'host',
  links: [
    up({ ifindex: 328, ifname: 'nmvbr0', kind: 'bridge', address: '02:42:0a:7b:00:01' }),
    up({
      ifindex: 329,
      ifname: 'nmvbr1',
      kind: 'bridge',
      flags: ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'],
      operstate: 'DOWN',
      address: '02:42:0a:7c:00:01',
    }),
    up({
      ifindex: 331,
      ifname: 'nmvh1',
      kind: 'veth',
      address: '9a:01:02:03:04:05',
      master: 'nmvbr0',
      peer: { ifindex: 330, namespace: 'c1' },
    }),
    up({
      ifindex: 341,
      ifname: 'nmvp0',
      kind: 'bridge',
      address: '02:00:00:00:00:aa',
      info: { txqlen: 1000 },
    }),
    up({
      ifindex: 366,
      ifname: 'nmvm9',
      kind: 'macvlan',
      address: '3a:43:2d:93:b0:46',
      parent: { ifindex: 341, namespace: 'host', ifname: 'nmvp0' },
    }),
  ],
  routes: [],
  nextIfindex: 367,
}

// Both ends of a veth pair in one namespace, made by `ip` (qlen 1000).
const pair: Namespace = {
  id: 'host',
  links: [
    up({
      ifindex: 342,
      ifname: 'nmvq1',
      kind: 'veth',
      address: '16:9c:7a:14:50:fc',
      peer: { ifindex: 343, namespace: 'host' },
      info: { txqlen: 1000 },
    }),
    up({
      ifindex: 343,
      ifname: 'nmvq0',
      kind: 'veth',
      address: '02:d5:89:ad:b2:b6',
      master: 'nmvp0',
      peer: { ifindex: 342, namespace: 'host' },
      info: { txqlen: 1000 },
    }),
  ],
  routes: [],
  nextIfindex: 344,
}

describe('renderIpLink', () => {
  it.each([
    ['a container with bridge and overlay veths', c1, c1LinkText],
    ['a container with macvlan links', c2, c2LinkText],
    ['an overlay sandbox with a moved vxlan device', ov, ovLinkText],
  ])('prints %s as iproute2 does', (_name, ns, expected) => {
    expect(renderIpLink(ns)).toBe(expected)
  })

  it('prints host links with a fixed netnsid and a local macvlan parent', () => {
    expect(renderIpLink(host, { netnsids: new Map([['c1', 4]]) })).toBe(hostLinkText)
  })

  it('names a veth peer in the same namespace instead of its index', () => {
    expect(renderIpLink(pair)).toBe(
      lines(
        '342: nmvq1@nmvq0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000',
        '    link/ether 16:9c:7a:14:50:fc brd ff:ff:ff:ff:ff:ff',
        '343: nmvq0@nmvq1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master nmvp0 state UP mode DEFAULT group default qlen 1000',
        '    link/ether 02:d5:89:ad:b2:b6 brd ff:ff:ff:ff:ff:ff',
      ),
    )
  })
})

describe('renderIpLinkJson', () => {
  it.each([
    ['a container with bridge and overlay veths', c1, c1LinkJson],
    ['a container with macvlan links', c2, c2LinkJson],
    ['an overlay sandbox with a moved vxlan device', ov, ovLinkJson],
  ])('serializes %s byte for byte, keys in order', (_name, ns, expected) => {
    expect(JSON.stringify(renderIpLinkJson(ns))).toBe(expected)
  })

  it('gives a same-namespace veth peer as "link", not "link_index"', () => {
    expect(JSON.stringify(renderIpLinkJson(pair))).toBe(
      json(
        '{"ifindex":342,"link":"nmvq0","ifname":"nmvq1","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"16:9c:7a:14:50:fc","broadcast":"ff:ff:ff:ff:ff:ff"}',
        '{"ifindex":343,"link":"nmvq1","ifname":"nmvq0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","master":"nmvp0","operstate":"UP","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"02:d5:89:ad:b2:b6","broadcast":"ff:ff:ff:ff:ff:ff"}',
      ),
    )
  })
})

describe('assignNetnsids', () => {
  it('numbers the host first in a container, then the overlay sandbox', () => {
    expect([...assignNetnsids(c1)]).toEqual([
      ['host', 0],
      ['ov', 1],
    ])
  })

  it('counts the host once for a moved vxlan device in an overlay sandbox', () => {
    expect([...assignNetnsids(ov)]).toEqual([
      ['host', 0],
      ['c1', 1],
    ])
  })

  it('keeps fixed ids and skips them when numbering the rest', () => {
    expect([...assignNetnsids(ov, { netnsids: new Map([['c1', 0]]) })]).toEqual([
      ['c1', 0],
      ['host', 1],
    ])
  })
})
