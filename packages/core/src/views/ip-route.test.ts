import { describe, expect, it } from 'vitest'
import type { Namespace, Route } from '../model/namespace.js'
import { renderIpRoute, renderIpRouteJson } from './ip-route.js'

// Fixtures were captured from iproute2 6.1 (`ip route`, `ip -j route`) on
// Linux 6.x in throwaway namespaces; the routes below are what the kernel
// held there, in its order.

// Joins output lines, each ending in a newline as iproute2 prints them.
function lines(...text: string[]): string {
  return text.map((line) => `${line}\n`).join('')
}

// Joins one compact JSON object per route into iproute2's `-j` array.
function json(...entries: string[]): string {
  return `[${entries.join(',')}]`
}

// Only the routes matter to these views.
function namespaceWith(id: string, routes: Route[]): Namespace {
  return { id, links: [], routes, nextIfindex: 1 }
}

const c1RouteText = lines(
  'default via 10.123.0.1 dev eth0 ',
  'default via 10.0.1.1 dev eth1 metric 5 ',
  '10.0.1.0/24 dev eth1 proto kernel scope link src 10.0.1.2 ',
  '10.123.0.0/16 dev eth0 proto kernel scope link src 10.123.0.2 ',
  '10.200.0.0/16 via 10.123.0.1 dev eth0 proto static metric 100 ',
  '10.201.0.0/16 dev eth0 scope link ',
  '10.202.0.0/16 via 10.123.0.9 dev eth0 onlink ',
  '10.203.0.0/16 via 10.123.0.1 dev eth0 proto dhcp src 10.123.0.2 metric 1024 ',
  '10.204.0.5 dev eth1 scope link ',
  '10.205.0.0/24 dev eth1 scope host ',
  '10.206.0.0/16 via 10.123.0.1 dev eth0 ',
)

const c1RouteJson = json(
  '{"dst":"default","gateway":"10.123.0.1","dev":"eth0","flags":[]}',
  '{"dst":"default","gateway":"10.0.1.1","dev":"eth1","metric":5,"flags":[]}',
  '{"dst":"10.0.1.0/24","dev":"eth1","protocol":"kernel","scope":"link","prefsrc":"10.0.1.2","flags":[]}',
  '{"dst":"10.123.0.0/16","dev":"eth0","protocol":"kernel","scope":"link","prefsrc":"10.123.0.2","flags":[]}',
  '{"dst":"10.200.0.0/16","gateway":"10.123.0.1","dev":"eth0","protocol":"static","metric":100,"flags":[]}',
  '{"dst":"10.201.0.0/16","dev":"eth0","scope":"link","flags":[]}',
  '{"dst":"10.202.0.0/16","gateway":"10.123.0.9","dev":"eth0","flags":["onlink"]}',
  '{"dst":"10.203.0.0/16","gateway":"10.123.0.1","dev":"eth0","protocol":"dhcp","prefsrc":"10.123.0.2","metric":1024,"flags":[]}',
  '{"dst":"10.204.0.5","dev":"eth1","scope":"link","flags":[]}',
  '{"dst":"10.205.0.0/24","dev":"eth1","scope":"host","flags":[]}',
  '{"dst":"10.206.0.0/16","gateway":"10.123.0.1","dev":"eth0","flags":[]}',
)

const c2RouteText = lines(
  'default via 192.168.1.1 dev eth0 ',
  '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.2 ',
  '192.168.2.0/24 dev eth1 proto kernel scope link src 192.168.2.2 linkdown ',
)

const c2RouteJson = json(
  '{"dst":"default","gateway":"192.168.1.1","dev":"eth0","flags":[]}',
  '{"dst":"192.168.1.0/24","dev":"eth0","protocol":"kernel","scope":"link","prefsrc":"192.168.1.2","flags":[]}',
  '{"dst":"192.168.2.0/24","dev":"eth1","protocol":"kernel","scope":"link","prefsrc":"192.168.2.2","flags":["linkdown"]}',
)

const ovRouteText = lines('10.0.1.0/24 dev br0 proto kernel scope link src 10.0.1.1 ')

const ovRouteJson = json(
  '{"dst":"10.0.1.0/24","dev":"br0","protocol":"kernel","scope":"link","prefsrc":"10.0.1.1","flags":[]}',
)

// A container on a bridge and an overlay network, with routes of every shape:
// proto boot (hidden), a second default as 0.0.0.0/0, a /32, metric 0 (hidden).
const c1 = namespaceWith('c1', [
  { dst: 'default', gateway: '10.123.0.1', dev: 'eth0', protocol: 'boot' },
  { dst: '0.0.0.0/0', gateway: '10.0.1.1', dev: 'eth1', protocol: 'boot', metric: 5 },
  { dst: '10.0.1.0/24', dev: 'eth1', protocol: 'kernel', scope: 'link', prefsrc: '10.0.1.2' },
  { dst: '10.123.0.0/16', dev: 'eth0', protocol: 'kernel', scope: 'link', prefsrc: '10.123.0.2' },
  { dst: '10.200.0.0/16', gateway: '10.123.0.1', dev: 'eth0', protocol: 'static', metric: 100 },
  { dst: '10.201.0.0/16', dev: 'eth0', protocol: 'boot', scope: 'link' },
  { dst: '10.202.0.0/16', gateway: '10.123.0.9', dev: 'eth0', protocol: 'boot', flags: ['onlink'] },
  {
    dst: '10.203.0.0/16',
    gateway: '10.123.0.1',
    dev: 'eth0',
    protocol: 'dhcp',
    prefsrc: '10.123.0.2',
    metric: 1024,
  },
  { dst: '10.204.0.5/32', dev: 'eth1', protocol: 'boot', scope: 'link' },
  { dst: '10.205.0.0/24', dev: 'eth1', protocol: 'boot', scope: 'host' },
  { dst: '10.206.0.0/16', gateway: '10.123.0.1', dev: 'eth0', protocol: 'boot', metric: 0 },
])

// A macvlan container whose second parent has no carrier.
const c2 = namespaceWith('c2', [
  { dst: 'default', gateway: '192.168.1.1', dev: 'eth0' },
  { dst: '192.168.1.0/24', dev: 'eth0', protocol: 'kernel', scope: 'link', prefsrc: '192.168.1.2' },
  {
    dst: '192.168.2.0/24',
    dev: 'eth1',
    protocol: 'kernel',
    scope: 'link',
    prefsrc: '192.168.2.2',
    flags: ['linkdown'],
  },
])

const ov = namespaceWith('ov', [
  { dst: '10.0.1.0/24', dev: 'br0', protocol: 'kernel', scope: 'link', prefsrc: '10.0.1.1' },
])

describe('renderIpRoute', () => {
  it.each([
    ['a container with routes of every shape', c1, c1RouteText],
    ['a container with a linkdown route', c2, c2RouteText],
    ['an overlay sandbox', ov, ovRouteText],
  ])('prints %s as iproute2 does', (_name, ns, expected) => {
    expect(renderIpRoute(ns)).toBe(expected)
  })

  it('prints the host routes of a bridge with a port and an empty bridge', () => {
    const host = namespaceWith('host', [
      { dst: '10.123.0.0/16', dev: 'nmvbr0', protocol: 'kernel', scope: 'link', prefsrc: '10.123.0.1' },
      {
        dst: '10.124.0.0/16',
        dev: 'nmvbr1',
        protocol: 'kernel',
        scope: 'link',
        prefsrc: '10.124.0.1',
        flags: ['linkdown'],
      },
    ])
    expect(renderIpRoute(host)).toBe(
      lines(
        '10.123.0.0/16 dev nmvbr0 proto kernel scope link src 10.123.0.1 ',
        '10.124.0.0/16 dev nmvbr1 proto kernel scope link src 10.124.0.1 linkdown ',
      ),
    )
  })

  it('prints nothing for an empty table', () => {
    expect(renderIpRoute(namespaceWith('none', []))).toBe('')
  })
})

describe('renderIpRouteJson', () => {
  it.each([
    ['a container with routes of every shape', c1, c1RouteJson],
    ['a container with a linkdown route', c2, c2RouteJson],
    ['an overlay sandbox', ov, ovRouteJson],
  ])('serializes %s byte for byte, keys in order', (_name, ns, expected) => {
    expect(JSON.stringify(renderIpRouteJson(ns))).toBe(expected)
  })

  it('serializes an empty table as an empty array', () => {
    expect(JSON.stringify(renderIpRouteJson(namespaceWith('none', [])))).toBe('[]')
  })
})
