import { describe, expect, it } from 'vitest'
import type { Link, Namespace } from '../model/namespace.js'
import { renderIpAddr, renderIpAddrJson } from './ip-addr.js'

// Fixtures were captured from iproute2 6.1 (`ip addr`, `ip -j addr`) on Linux
// 6.x, in throwaway namespaces built the way Docker builds them (txqueuelen 0
// on every created device); inet6 lines and entries are dropped because the
// model holds IPv4 only.

// Joins output lines, each ending in a newline as iproute2 prints them.
function lines(...text: string[]): string {
  return text.map((line) => `${line}\n`).join('')
}

// Joins one compact JSON object per link into iproute2's `-j` array.
function json(...entries: string[]): string {
  return `[${entries.join(',')}]`
}

const UP = ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP']

function loopback(): Link {
  return {
    ifindex: 1,
    ifname: 'lo',
    kind: 'loopback',
    flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
    mtu: 65536,
    address: '00:00:00:00:00:00',
    operstate: 'UNKNOWN',
    addrs: [{ local: '127.0.0.1', prefixlen: 8, scope: 'host' }],
  }
}

const c1AddrText = lines(
  '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
  '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
  '    inet 127.0.0.1/8 scope host lo',
  '       valid_lft forever preferred_lft forever',
  '330: eth0@if331: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default ',
  '    link/ether 02:42:0a:7b:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
  '    inet 10.123.0.2/16 brd 10.123.255.255 scope global eth0',
  '       valid_lft forever preferred_lft forever',
  '348: eth1@if349: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP group default ',
  '    link/ether 02:42:0a:00:01:02 brd ff:ff:ff:ff:ff:ff link-netnsid 1',
  '    inet 10.0.1.2/24 brd 10.0.1.255 scope global eth1',
  '       valid_lft forever preferred_lft forever',
)

const c1AddrJson = json(
  '{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host","label":"lo","valid_life_time":4294967295,"preferred_life_time":4294967295}]}',
  '{"ifindex":330,"link_index":331,"ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","group":"default","link_type":"ether","address":"02:42:0a:7b:00:02","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":0,"addr_info":[{"family":"inet","local":"10.123.0.2","prefixlen":16,"broadcast":"10.123.255.255","scope":"global","label":"eth0","valid_life_time":4294967295,"preferred_life_time":4294967295}]}',
  '{"ifindex":348,"link_index":349,"ifname":"eth1","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1450,"qdisc":"noqueue","operstate":"UP","group":"default","link_type":"ether","address":"02:42:0a:00:01:02","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":1,"addr_info":[{"family":"inet","local":"10.0.1.2","prefixlen":24,"broadcast":"10.0.1.255","scope":"global","label":"eth1","valid_life_time":4294967295,"preferred_life_time":4294967295}]}',
)

const c2AddrText = lines(
  '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
  '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
  '    inet 127.0.0.1/8 scope host lo',
  '       valid_lft forever preferred_lft forever',
  '344: eth0@if341: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default ',
  '    link/ether 02:42:c0:a8:01:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
  '    inet 192.168.1.2/24 brd 192.168.1.255 scope global eth0',
  '       valid_lft forever preferred_lft forever',
  '346: eth1@if345: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state LOWERLAYERDOWN group default ',
  '    link/ether 02:42:c0:a8:02:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
  '    inet 192.168.2.2/24 brd 192.168.2.255 scope global eth1',
  '       valid_lft forever preferred_lft forever',
)

const c2AddrJson = json(
  '{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host","label":"lo","valid_life_time":4294967295,"preferred_life_time":4294967295}]}',
  '{"ifindex":344,"link_index":341,"ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","group":"default","link_type":"ether","address":"02:42:c0:a8:01:02","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":0,"addr_info":[{"family":"inet","local":"192.168.1.2","prefixlen":24,"broadcast":"192.168.1.255","scope":"global","label":"eth0","valid_life_time":4294967295,"preferred_life_time":4294967295}]}',
  '{"ifindex":346,"link_index":345,"ifname":"eth1","flags":["NO-CARRIER","BROADCAST","MULTICAST","UP"],"mtu":1500,"qdisc":"noqueue","operstate":"LOWERLAYERDOWN","group":"default","link_type":"ether","address":"02:42:c0:a8:02:02","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":0,"addr_info":[{"family":"inet","local":"192.168.2.2","prefixlen":24,"broadcast":"192.168.2.255","scope":"global","label":"eth1","valid_life_time":4294967295,"preferred_life_time":4294967295}]}',
)

const ovAddrText = lines(
  '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
  '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
  '    inet 127.0.0.1/8 scope host lo',
  '       valid_lft forever preferred_lft forever',
  '2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP group default ',
  '    link/ether 6e:00:00:00:00:02 brd ff:ff:ff:ff:ff:ff',
  '    inet 10.0.1.1/24 brd 10.0.1.255 scope global br0',
  '       valid_lft forever preferred_lft forever',
  '347: vxlan0@if347: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master br0 state UNKNOWN group default ',
  '    link/ether 6e:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
  '349: veth0@if348: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master br0 state UP group default ',
  '    link/ether 6e:00:00:00:00:03 brd ff:ff:ff:ff:ff:ff link-netnsid 1',
)

const ovAddrJson = json(
  '{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host","label":"lo","valid_life_time":4294967295,"preferred_life_time":4294967295}]}',
  '{"ifindex":2,"ifname":"br0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1450,"qdisc":"noqueue","operstate":"UP","group":"default","link_type":"ether","address":"6e:00:00:00:00:02","broadcast":"ff:ff:ff:ff:ff:ff","addr_info":[{"family":"inet","local":"10.0.1.1","prefixlen":24,"broadcast":"10.0.1.255","scope":"global","label":"br0","valid_life_time":4294967295,"preferred_life_time":4294967295}]}',
  '{"ifindex":347,"link_index":347,"ifname":"vxlan0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1450,"qdisc":"noqueue","master":"br0","operstate":"UNKNOWN","group":"default","link_type":"ether","address":"6e:00:00:00:00:01","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":0,"addr_info":[]}',
  '{"ifindex":349,"link_index":348,"ifname":"veth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1450,"qdisc":"noqueue","master":"br0","operstate":"UP","group":"default","link_type":"ether","address":"6e:00:00:00:00:03","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":1,"addr_info":[]}',
)

const hostAddrText = lines(
  '328: nmvbr0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default ',
  '    link/ether 02:42:0a:7b:00:01 brd ff:ff:ff:ff:ff:ff',
  '    inet 10.123.0.1/16 brd 10.123.255.255 scope global nmvbr0',
  '       valid_lft forever preferred_lft forever',
  '329: nmvbr1: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default ',
  '    link/ether 02:42:0a:7c:00:01 brd ff:ff:ff:ff:ff:ff',
  '    inet 169.254.7.1/16 brd 169.254.255.255 scope link nmvbr1',
  '       valid_lft forever preferred_lft forever',
  '    inet 10.124.0.1/16 brd 10.124.255.255 scope global nmvbr1',
  '       valid_lft forever preferred_lft forever',
  '    inet 10.125.0.1/32 scope global nmvbr1',
  '       valid_lft forever preferred_lft forever',
  '    inet 10.126.0.1/31 scope global nmvbr1',
  '       valid_lft forever preferred_lft forever',
  '    inet 10.124.0.5/16 scope global secondary nmvbr1',
  '       valid_lft forever preferred_lft forever',
  '331: nmvh1@if330: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master nmvbr0 state UP group default ',
  '    link/ether 9a:01:02:03:04:05 brd ff:ff:ff:ff:ff:ff link-netnsid 4',
  '341: nmvp0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000',
  '    link/ether 02:00:00:00:00:aa brd ff:ff:ff:ff:ff:ff',
  '366: nmvm9@nmvp0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default ',
  '    link/ether 3a:43:2d:93:b0:46 brd ff:ff:ff:ff:ff:ff',
)

const hostAddrJson = json(
  '{"ifindex":328,"ifname":"nmvbr0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","group":"default","link_type":"ether","address":"02:42:0a:7b:00:01","broadcast":"ff:ff:ff:ff:ff:ff","addr_info":[{"family":"inet","local":"10.123.0.1","prefixlen":16,"broadcast":"10.123.255.255","scope":"global","label":"nmvbr0","valid_life_time":4294967295,"preferred_life_time":4294967295}]}',
  '{"ifindex":329,"ifname":"nmvbr1","flags":["NO-CARRIER","BROADCAST","MULTICAST","UP"],"mtu":1500,"qdisc":"noqueue","operstate":"DOWN","group":"default","link_type":"ether","address":"02:42:0a:7c:00:01","broadcast":"ff:ff:ff:ff:ff:ff","addr_info":[{"family":"inet","local":"169.254.7.1","prefixlen":16,"broadcast":"169.254.255.255","scope":"link","label":"nmvbr1","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet","local":"10.124.0.1","prefixlen":16,"broadcast":"10.124.255.255","scope":"global","label":"nmvbr1","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet","local":"10.125.0.1","prefixlen":32,"scope":"global","label":"nmvbr1","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet","local":"10.126.0.1","prefixlen":31,"scope":"global","label":"nmvbr1","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet","local":"10.124.0.5","prefixlen":16,"scope":"global","secondary":true,"label":"nmvbr1","valid_life_time":4294967295,"preferred_life_time":4294967295}]}',
  '{"ifindex":331,"link_index":330,"ifname":"nmvh1","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","master":"nmvbr0","operstate":"UP","group":"default","link_type":"ether","address":"9a:01:02:03:04:05","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":4,"addr_info":[]}',
  '{"ifindex":341,"ifname":"nmvp0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether","address":"02:00:00:00:00:aa","broadcast":"ff:ff:ff:ff:ff:ff","addr_info":[]}',
  '{"ifindex":366,"link":"nmvp0","ifname":"nmvm9","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","group":"default","link_type":"ether","address":"3a:43:2d:93:b0:46","broadcast":"ff:ff:ff:ff:ff:ff","addr_info":[]}',
)

// A container on a bridge network (eth0) and an overlay network (eth1).
const c1: Namespace = {
  id: 'c1',
  links: [
    loopback(),
    {
      ifindex: 330,
      ifname: 'eth0',
      kind: 'veth',
      flags: UP,
      mtu: 1500,
      address: '02:42:0a:7b:00:02',
      operstate: 'UP',
      peer: { ifindex: 331, namespace: 'host' },
      addrs: [{ local: '10.123.0.2', prefixlen: 16, broadcast: '10.123.255.255', scope: 'global' }],
    },
    {
      ifindex: 348,
      ifname: 'eth1',
      kind: 'veth',
      flags: UP,
      mtu: 1450,
      address: '02:42:0a:00:01:02',
      operstate: 'UP',
      peer: { ifindex: 349, namespace: 'ov' },
      addrs: [{ local: '10.0.1.2', prefixlen: 24, broadcast: '10.0.1.255', scope: 'global' }],
    },
  ],
  routes: [],
  nextIfindex: 349,
}

// A container with two macvlan links, the second on a parent without carrier.
const c2: Namespace = {
  id: 'c2',
  links: [
    loopback(),
    {
      ifindex: 344,
      ifname: 'eth0',
      kind: 'macvlan',
      flags: UP,
      mtu: 1500,
      address: '02:42:c0:a8:01:02',
      operstate: 'UP',
      parent: { ifindex: 341, namespace: 'host', ifname: 'nmvp0' },
      info: { mode: 'bridge' },
      addrs: [{ local: '192.168.1.2', prefixlen: 24, broadcast: '192.168.1.255', scope: 'global' }],
    },
    {
      ifindex: 346,
      ifname: 'eth1',
      kind: 'macvlan',
      flags: ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'],
      mtu: 1500,
      address: '02:42:c0:a8:02:02',
      operstate: 'LOWERLAYERDOWN',
      parent: { ifindex: 345, namespace: 'host', ifname: 'nmvp1' },
      info: { mode: 'bridge' },
      addrs: [{ local: '192.168.2.2', prefixlen: 24, broadcast: '192.168.2.255', scope: 'global' }],
    },
  ],
  routes: [],
  nextIfindex: 347,
}

// An overlay network's sandbox: br0 joining the vxlan device (created in the
// host namespace, then moved here) and the veth towards container c1.
const ov: Namespace = {
  id: 'ov',
  links: [
    loopback(),
    {
      ifindex: 2,
      ifname: 'br0',
      kind: 'bridge',
      flags: UP,
      mtu: 1450,
      address: '6e:00:00:00:00:02',
      operstate: 'UP',
      addrs: [{ local: '10.0.1.1', prefixlen: 24, broadcast: '10.0.1.255', scope: 'global' }],
    },
    {
      ifindex: 347,
      ifname: 'vxlan0',
      kind: 'vxlan',
      flags: UP,
      mtu: 1450,
      address: '6e:00:00:00:00:01',
      operstate: 'UNKNOWN',
      master: 'br0',
      info: { id: 4097, dstport: 4789 },
      addrs: [],
    },
    {
      ifindex: 349,
      ifname: 'veth0',
      kind: 'veth',
      flags: UP,
      mtu: 1450,
      address: '6e:00:00:00:00:03',
      operstate: 'UP',
      master: 'br0',
      peer: { ifindex: 348, namespace: 'c1' },
      addrs: [],
    },
  ],
  routes: [],
  nextIfindex: 350,
}

// Part of the host: a bridge with a port, an empty bridge with several
// addresses, a macvlan parent made by `ip` (qlen 1000) and a macvlan on it.
const host: Namespace = {
  id: 'host',
  links: [
    {
      ifindex: 328,
      ifname: 'nmvbr0',
      kind: 'bridge',
      flags: UP,
      mtu: 1500,
      address: '02:42:0a:7b:00:01',
      operstate: 'UP',
      addrs: [{ local: '10.123.0.1', prefixlen: 16, broadcast: '10.123.255.255', scope: 'global' }],
    },
    {
      ifindex: 329,
      ifname: 'nmvbr1',
      kind: 'bridge',
      flags: ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'],
      mtu: 1500,
      address: '02:42:0a:7c:00:01',
      operstate: 'DOWN',
      addrs: [
        { local: '169.254.7.1', prefixlen: 16, broadcast: '169.254.255.255', scope: 'link' },
        { local: '10.124.0.1', prefixlen: 16, broadcast: '10.124.255.255', scope: 'global' },
        { local: '10.125.0.1', prefixlen: 32, scope: 'global' },
        { local: '10.126.0.1', prefixlen: 31, scope: 'global' },
        { local: '10.124.0.5', prefixlen: 16, scope: 'global' },
      ],
    },
    {
      ifindex: 331,
      ifname: 'nmvh1',
      kind: 'veth',
      flags: UP,
      mtu: 1500,
      address: '9a:01:02:03:04:05',
      operstate: 'UP',
      master: 'nmvbr0',
      peer: { ifindex: 330, namespace: 'c1' },
      addrs: [],
    },
    {
      ifindex: 341,
      ifname: 'nmvp0',
      kind: 'bridge',
      flags: UP,
      mtu: 1500,
      address: '02:00:00:00:00:aa',
      operstate: 'UP',
      info: { txqlen: 1000 },
      addrs: [],
    },
    {
      ifindex: 366,
      ifname: 'nmvm9',
      kind: 'macvlan',
      flags: UP,
      mtu: 1500,
      address: '3a:43:2d:93:b0:46',
      operstate: 'UP',
      parent: { ifindex: 341, namespace: 'host', ifname: 'nmvp0' },
      addrs: [],
    },
  ],
  routes: [],
  nextIfindex: 367,
}

// The capture host already had netnsids 0 to 3 for other namespaces.
const hostOptions = { netnsids: new Map([['c1', 4]]) }

// A namespace just created: lo exists but was never brought up.
const fresh: Namespace = {
  id: 'fresh',
  links: [{ ...loopback(), flags: ['LOOPBACK'], operstate: 'DOWN', addrs: [] }],
  routes: [],
  nextIfindex: 2,
}

describe('renderIpAddr', () => {
  it.each([
    ['a container with bridge and overlay veths', c1, c1AddrText],
    ['a container with macvlan links', c2, c2AddrText],
    ['an overlay sandbox with a moved vxlan device', ov, ovAddrText],
  ])('prints %s as iproute2 does', (_name, ns, expected) => {
    expect(renderIpAddr(ns)).toBe(expected)
  })

  it('prints host links with fixed netnsids, secondaries and a local macvlan parent', () => {
    expect(renderIpAddr(host, hostOptions)).toBe(hostAddrText)
  })

  it('prints a never-up loopback with qdisc noop', () => {
    expect(renderIpAddr(fresh)).toBe(
      lines(
        '1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN group default qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      ),
    )
  })

  it('reproduces the container seen on the engine', () => {
    const container: Namespace = {
      id: '/var/run/docker/netns/0123456789ab',
      links: [
        loopback(),
        {
          ifindex: 6,
          ifname: 'eth0',
          kind: 'veth',
          flags: UP,
          mtu: 1500,
          address: '02:42:ac:11:00:02',
          operstate: 'UP',
          peer: { ifindex: 7, namespace: 'host' },
          addrs: [{ local: '172.17.0.2', prefixlen: 16, broadcast: '172.17.255.255', scope: 'global' }],
        },
      ],
      routes: [],
      nextIfindex: 7,
    }
    expect(renderIpAddr(container)).toBe(
      lines(
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        '6: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default ',
        '    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0',
        '    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0',
        '       valid_lft forever preferred_lft forever',
      ),
    )
  })

  it('prints nothing for a namespace without links', () => {
    expect(renderIpAddr({ id: 'empty', links: [], routes: [], nextIfindex: 1 })).toBe('')
  })
})

describe('renderIpAddrJson', () => {
  it.each([
    ['a container with bridge and overlay veths', c1, c1AddrJson],
    ['a container with macvlan links', c2, c2AddrJson],
    ['an overlay sandbox with a moved vxlan device', ov, ovAddrJson],
  ])('serializes %s byte for byte, keys in order', (_name, ns, expected) => {
    expect(JSON.stringify(renderIpAddrJson(ns))).toBe(expected)
  })

  it('serializes host links with fixed netnsids, secondaries and a local macvlan parent', () => {
    expect(JSON.stringify(renderIpAddrJson(host, hostOptions))).toBe(hostAddrJson)
  })

  it('serializes a never-up loopback with an empty addr_info', () => {
    expect(JSON.stringify(renderIpAddrJson(fresh))).toBe(
      json(
        '{"ifindex":1,"ifname":"lo","flags":["LOOPBACK"],"mtu":65536,"qdisc":"noop","operstate":"DOWN","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00","addr_info":[]}',
      ),
    )
  })

  it('numbers peer namespaces from the lowest free netnsid in order of first reference', () => {
    const veth = (ifindex: number, namespace: string): Link => ({
      ifindex,
      ifname: `veth${ifindex}`,
      kind: 'veth',
      flags: UP,
      mtu: 1500,
      address: '02:00:00:00:00:01',
      operstate: 'UP',
      master: 'docker0',
      peer: { ifindex: ifindex - 1, namespace },
      addrs: [],
    })
    const ns: Namespace = {
      id: 'host',
      links: [veth(8, 'a'), veth(10, 'b'), veth(12, 'a'), veth(14, 'c')],
      routes: [],
      nextIfindex: 15,
    }
    const ids = (options = {}) => renderIpAddrJson(ns, options).map((entry) => entry.link_netnsid)
    expect(ids()).toEqual([0, 1, 0, 2])
    expect(ids({ netnsids: new Map([['b', 0]]) })).toEqual([1, 0, 1, 2])
  })
})
