import { maxOf } from '../collections/append-all.js'
import type { Link, Namespace, Route } from '../model/namespace.js'

/** One entry of `ip -j addr` (the fields netmodes reads). */
export interface IpJsonAddrEntry {
  ifindex: number
  ifname: string
  flags?: string[]
  mtu?: number
  operstate?: string
  link_type?: string
  address?: string
  master?: string
  /** The peer or parent link's index (`eth0@if7`), and the namespace it is in as seen from here. */
  link_index?: number
  link_netnsid?: number
  addr_info?: { family: string; local: string; prefixlen: number; broadcast?: string; scope?: string }[]
}

/** One entry of `ip -j route`. */
export interface IpJsonRouteEntry {
  dst: string
  gateway?: string
  dev: string
  protocol?: string
  scope?: string
  prefsrc?: string
  metric?: number
  flags?: string[]
}

/**
 * A host as `{"addr": <ip -j addr>, "route": <ip -j route>}`, plus optional
 * resolv.conf (its text or just its nameservers), /etc/hosts and hostname.
 */
export interface HostDescription {
  addr: IpJsonAddrEntry[]
  route: IpJsonRouteEntry[]
  nameservers?: string[]
  hostname?: string
  /** /etc/resolv.conf as text (nameservers are read from it when `nameservers` is absent). */
  resolvConf?: string
  /** /etc/hosts as text. */
  hostsFile?: string
}

/**
 * The documented typical host: a VM with one uplink on a /24 and a DHCP
 * default route, nothing in Docker's address pools.
 */
export const TYPICAL_HOST: HostDescription = {
  hostname: 'docker-host',
  nameservers: ['10.0.2.3'],
  addr: [
    {
      ifindex: 1,
      ifname: 'lo',
      flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
      mtu: 65536,
      operstate: 'UNKNOWN',
      link_type: 'loopback',
      address: '00:00:00:00:00:00',
      addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8, scope: 'host' }],
    },
    {
      ifindex: 2,
      ifname: 'eth0',
      flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
      mtu: 1500,
      operstate: 'UP',
      link_type: 'ether',
      address: '52:54:00:12:34:56',
      addr_info: [
        { family: 'inet', local: '10.0.2.15', prefixlen: 24, broadcast: '10.0.2.255', scope: 'global' },
      ],
    },
  ],
  route: [
    { dst: 'default', gateway: '10.0.2.2', dev: 'eth0' },
    { dst: '10.0.2.0/24', dev: 'eth0', protocol: 'kernel', scope: 'link', prefsrc: '10.0.2.15' },
  ],
}

const OPERSTATES = ['UP', 'DOWN', 'UNKNOWN', 'LOWERLAYERDOWN'] as const

/** Turns `ip -j addr` / `ip -j route` into the host namespace (IPv4 routes; IPv4 and global IPv6 addresses). */
export function hostNamespaceFrom(description: HostDescription): Namespace {
  const links: Link[] = description.addr.map((e) => {
    const operstate = OPERSTATES.find((s) => s === e.operstate) ?? 'UNKNOWN'
    const link: Link = {
      ifindex: e.ifindex,
      ifname: e.ifname,
      kind: e.link_type === 'loopback' ? 'loopback' : 'ether',
      flags: e.flags ?? [],
      mtu: e.mtu ?? 1500,
      address: e.address ?? '00:00:00:00:00:00',
      operstate,
      addrs: (e.addr_info ?? [])
        .filter((a) => a.family === 'inet')
        .map((a) => ({
          local: a.local,
          prefixlen: a.prefixlen,
          ...(a.broadcast ? { broadcast: a.broadcast } : {}),
          scope: a.scope === 'host' ? 'host' : a.scope === 'link' ? 'link' : 'global',
        })),
    }
    // Its global IPv6 addresses (an address a scenario gave a macvlan parent, say); the kernel's
    // link-local ones are left out as they are of every link.
    const addrs6 = (e.addr_info ?? [])
      .filter((a) => a.family === 'inet6' && a.scope === 'global')
      .map((a) => ({ local: a.local, prefixlen: a.prefixlen, scope: 'global' as const }))
    if (addrs6.length > 0) link.addrs6 = addrs6
    if (e.master) link.master = e.master
    return link
  })
  const routes: Route[] = description.route
    .filter((r) => !r.dst.includes(':'))
    .map((r) => {
      const route: Route = { dst: r.dst, dev: r.dev }
      if (r.gateway) route.gateway = r.gateway
      if (
        r.protocol === 'kernel' ||
        r.protocol === 'boot' ||
        r.protocol === 'static' ||
        r.protocol === 'dhcp'
      ) {
        route.protocol = r.protocol
      }
      if (r.scope === 'link' || r.scope === 'host') route.scope = r.scope
      if (r.prefsrc) route.prefsrc = r.prefsrc
      if (r.metric !== undefined) route.metric = r.metric
      if (r.flags?.length) route.flags = r.flags
      return route
    })
  const maxIndex = maxOf(
    links.map((l) => l.ifindex),
    0,
  )
  return { id: 'host', links, routes, nextIfindex: maxIndex + 1 }
}
