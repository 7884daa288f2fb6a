import { parseIPv4 } from '../ipam/ipv4.js'
import type { Link, LinkAddress, LinkAddress6, Namespace, Route } from '../model/namespace.js'
import type { Tx } from '../model/tx.js'
import { drawHex, drawUnused } from '../rng.js'
import { ipOperation, netnsName } from './ip-operation.js'
import { hasLinkNamed, insertLink, removeLink, renameIndexedLink } from './link-names.js'
import { forgetLinkSysctls } from './sysctl.js'

/**
 * The kernel operations Docker's drivers perform through netlink, applied to
 * the model and logged as the iproute2 command a person would type for each.
 * Namespaces other than the host's are addressed with `ip -n <ns>` (Docker's
 * sandboxes live under /var/run/docker/netns).
 */

export function namespaceOf(tx: Tx, id: string): Namespace {
  const ns = tx.lab.namespaces[id]
  if (!ns) throw new Error(`no namespace ${id}`)
  return ns
}

/**
 * Finds a link by name. The host namespace of a big lab holds thousands of
 * veths: bridges sit near the front (created first), the link a command just
 * made at the back, so the search runs from both ends at once.
 */
export function findLink(ns: Namespace, ifname: string): Link | undefined {
  // A name no link has (every fresh veth name asked about) is answered without a scan.
  if (!hasLinkNamed(ns, ifname)) return undefined
  const links = ns.links
  for (let i = 0, j = links.length - 1; i <= j; i++, j--) {
    if (links[i]?.ifname === ifname) return links[i]
    if (links[j]?.ifname === ifname) return links[j]
  }
  return undefined
}

export function requireLink(ns: Namespace, ifname: string): Link {
  const link = findLink(ns, ifname)
  if (!link) throw new Error(`Cannot find device "${ifname}"`)
  return link
}

/** Creates an empty namespace (a new sandbox has only `lo`, down until Docker brings it up). */
export function createNamespace(tx: Tx, id: string): Namespace {
  const ns: Namespace = {
    id,
    links: [
      {
        ifindex: 1,
        ifname: 'lo',
        kind: 'loopback',
        flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
        mtu: 65536,
        address: '00:00:00:00:00:00',
        operstate: 'UNKNOWN',
        addrs: [{ local: '127.0.0.1', prefixlen: 8, scope: 'host' }],
      },
    ],
    routes: [],
    nextIfindex: 2,
  }
  tx.set(tx.lab.namespaces, id, ns)
  tx.log({ tool: 'ip', args: ['netns', 'add', netnsName(id)] })
  return ns
}

export function deleteNamespace(tx: Tx, id: string): void {
  tx.remove(tx.lab.namespaces, id)
  tx.log({ tool: 'ip', args: ['netns', 'delete', netnsName(id)] })
}

/** Adds a link with the next free ifindex of its namespace; the caller logs the command. */
export function addLink(tx: Tx, ns: Namespace, link: Omit<Link, 'ifindex'>): Link {
  const full: Link = { ifindex: ns.nextIfindex, ...link }
  tx.set(ns, 'nextIfindex', ns.nextIfindex + 1)
  insertLink(tx, ns, full)
  return full
}

export const DOWN_FLAGS = ['BROADCAST', 'MULTICAST']
export const UP_FLAGS = ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP']
export const NO_CARRIER_FLAGS = ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP']

/** `ip link add NAME type bridge`: a bridge starts down with a random 02:42 MAC. */
export function addBridge(tx: Tx, ns: Namespace, name: string, mac: string, mtu: number): Link {
  tx.log(ipOperation(ns.id, ['link', 'add', name, 'type', 'bridge']))
  return addLink(tx, ns, {
    ifname: name,
    kind: 'bridge',
    flags: [...DOWN_FLAGS],
    mtu,
    address: mac,
    operstate: 'DOWN',
    addrs: [],
  })
}

/**
 * `ip link add A type veth peer name B`: the kernel registers the peer first,
 * so B gets the lower ifindex (observed: a container's eth0@if7 has index 6).
 */
export function addVethPair(tx: Tx, ns: Namespace, hostName: string, peerName: string, mtu: number) {
  tx.log(ipOperation(ns.id, ['link', 'add', hostName, 'type', 'veth', 'peer', 'name', peerName]))
  const mac = '00:00:00:00:00:00'
  const peer = addLink(tx, ns, {
    ifname: peerName,
    kind: 'veth',
    flags: [...DOWN_FLAGS],
    mtu,
    address: mac,
    operstate: 'DOWN',
    addrs: [],
  })
  const host = addLink(tx, ns, {
    ifname: hostName,
    kind: 'veth',
    flags: [...DOWN_FLAGS],
    mtu,
    address: mac,
    operstate: 'DOWN',
    addrs: [],
    peer: { ifindex: peer.ifindex, namespace: ns.id },
  })
  tx.set(peer, 'peer', { ifindex: host.ifindex, namespace: ns.id })
  return { host, peer }
}

/** Points a veth end's peer reference at the namespace its peer now lives in. */
function repointPeer(tx: Tx, link: Link, toNs: string): void {
  if (!link.peer) return
  const peerNs = tx.lab.namespaces[link.peer.namespace]
  // ifindex is unique in a namespace; the peer was usually just made, at the back of it.
  const peer = peerNs?.links.findLast((l) => l.ifindex === link.peer?.ifindex && l.peer)
  if (peer?.peer) tx.set(peer, 'peer', { ifindex: link.ifindex, namespace: toNs })
}

/**
 * `ip link set NAME netns NS`: the link keeps its ifindex when it is free in
 * the target namespace, as the kernel does.
 */
export function moveLink(tx: Tx, from: Namespace, to: Namespace, ifname: string): Link {
  const link = requireLink(from, ifname)
  tx.log(ipOperation(from.id, ['link', 'set', ifname, 'netns', netnsName(to.id)]))
  removeLink(tx, from, link)
  forgetLinkSysctls(tx, from, ifname)
  if (to.links.some((l) => l.ifindex === link.ifindex)) {
    tx.set(link, 'ifindex', to.nextIfindex)
  }
  if (link.ifindex >= to.nextIfindex) tx.set(to, 'nextIfindex', link.ifindex + 1)
  // A moved link is down and loses its addresses, as in the kernel.
  tx.set(link, 'flags', [...DOWN_FLAGS])
  tx.set(link, 'operstate', 'DOWN')
  insertLink(tx, to, link)
  repointPeer(tx, link, to.id)
  return link
}

export function renameLink(tx: Tx, ns: Namespace, from: string, to: string): void {
  const link = requireLink(ns, from)
  tx.log(ipOperation(ns.id, ['link', 'set', from, 'name', to]))
  renameIndexedLink(tx, ns, link, to)
}

export function setLinkMac(tx: Tx, ns: Namespace, ifname: string, mac: string): void {
  tx.log(ipOperation(ns.id, ['link', 'set', ifname, 'address', mac]))
  tx.set(requireLink(ns, ifname), 'address', mac)
}

export function setLinkMtu(tx: Tx, ns: Namespace, ifname: string, mtu: number): void {
  tx.log(ipOperation(ns.id, ['link', 'set', ifname, 'mtu', String(mtu)]))
  tx.set(requireLink(ns, ifname), 'mtu', mtu)
}

/** `ip link set NAME master BRIDGE`. */
export function setMaster(tx: Tx, ns: Namespace, ifname: string, bridge: string): void {
  tx.log(ipOperation(ns.id, ['link', 'set', ifname, 'master', bridge]))
  tx.set(requireLink(ns, ifname), 'master', bridge)
}

/**
 * `ip link set NAME up`. A bridge has carrier only while one of its ports is
 * up (NO-CARRIER otherwise, and its routes show "linkdown").
 */
export function setLinkUp(tx: Tx, ns: Namespace, ifname: string): void {
  const link = requireLink(ns, ifname)
  tx.log(ipOperation(ns.id, ['link', 'set', ifname, 'up']))
  if (link.kind === 'loopback') {
    tx.set(link, 'flags', ['LOOPBACK', 'UP', 'LOWER_UP'])
    tx.set(link, 'operstate', 'UNKNOWN')
    // A new namespace's lo has no address until it first comes up: inetdev_event (net/ipv4/devinet.c)
    // adds 127.0.0.1/8 to a loopback device on NETDEV_UP.
    if (!link.addrs.some((a) => a.local === '127.0.0.1'))
      tx.set(link, 'addrs', [{ local: '127.0.0.1', prefixlen: 8, scope: 'host' }, ...link.addrs])
  } else if (link.kind === 'bridge') {
    refreshBridgeCarrier(tx, ns, link, true)
  } else {
    tx.set(link, 'flags', [...UP_FLAGS])
    tx.set(link, 'operstate', 'UP')
  }
  if (link.master) {
    const bridge = findLink(ns, link.master)
    if (bridge) refreshBridgeCarrier(tx, ns, bridge, bridge.flags.includes('UP'))
  }
}

/** Recomputes a bridge's carrier from its ports, and the linkdown flag of its routes. */
export function refreshBridgeCarrier(tx: Tx, ns: Namespace, bridge: Link, adminUp: boolean): void {
  const carrier = ns.links.some((l) => l.master === bridge.ifname && l.operstate === 'UP')
  const flags = !adminUp ? [...DOWN_FLAGS] : carrier ? [...UP_FLAGS] : [...NO_CARRIER_FLAGS]
  tx.set(bridge, 'flags', flags)
  tx.set(bridge, 'operstate', adminUp && carrier ? 'UP' : 'DOWN')
  for (const route of ns.routes) {
    if (route.dev !== bridge.ifname || route.protocol !== 'kernel') continue
    if (carrier || !adminUp) {
      if (route.flags) tx.remove(route, 'flags')
    } else if (!route.flags) tx.set(route, 'flags', ['linkdown'])
  }
}

/** `ip addr add A/P brd B dev NAME`, and the kernel's connected route once the link is up. */
export function addAddress(tx: Tx, ns: Namespace, ifname: string, addr: LinkAddress): void {
  const link = requireLink(ns, ifname)
  const args = ['addr', 'add', `${addr.local}/${addr.prefixlen}`]
  if (addr.broadcast) args.push('brd', addr.broadcast)
  args.push('dev', ifname)
  tx.log(ipOperation(ns.id, args))
  tx.set(link, 'addrs', [...link.addrs, addr])
}

// The kernel's scope order (ipv6_addr_src_scope): a larger scope is listed first.
const SCOPE_RANK = { global: 3, link: 2, host: 1 } as const

/**
 * `ip -6 addr add A/P dev NAME [nodad]`. The kernel lists a link's IPv6
 * addresses by scope, global first, and a new address before the older ones
 * of its scope (net/ipv6/addrconf.c ipv6_link_dev_addr).
 */
export function addAddress6(tx: Tx, ns: Namespace, ifname: string, addr: LinkAddress6): void {
  const link = requireLink(ns, ifname)
  const args = ['-6', 'addr', 'add', `${addr.local}/${addr.prefixlen}`, 'dev', ifname]
  if (addr.nodad) args.push('nodad')
  tx.log(ipOperation(ns.id, args))
  const addrs = [...(link.addrs6 ?? [])]
  const at = addrs.findIndex((a) => SCOPE_RANK[addr.scope] >= SCOPE_RANK[a.scope])
  addrs.splice(at < 0 ? addrs.length : at, 0, addr)
  tx.set(link, 'addrs6', addrs)
}

/**
 * The connected route the kernel adds itself once an address is configured on
 * an up link (`proto kernel scope link src ADDR`, `linkdown` while the link
 * has no carrier); not logged, as nobody types it.
 */
export function addConnectedRoute(
  tx: Tx,
  ns: Namespace,
  route: { subnet: string; dev: string; src: string; linkdown?: boolean },
): void {
  const connected: Route = {
    dst: route.subnet,
    dev: route.dev,
    protocol: 'kernel',
    scope: 'link',
    prefsrc: route.src,
  }
  if (route.linkdown) connected.flags = ['linkdown']
  addRoute(tx, ns, connected, KERNEL_ROUTE)
}

/** addRoute's options for a route the kernel adds itself (not logged), made once. */
const KERNEL_ROUTE = Object.freeze({ kernel: true })

/**
 * Adds a route. Connected routes (`proto kernel scope link src ...`) are
 * added by the kernel itself when an address is configured on an up link, so
 * they are not logged as commands.
 */
export function addRoute(
  tx: Tx,
  ns: Namespace,
  route: Route,
  options: { kernel?: boolean; at?: number } = {},
): void {
  if (!options.kernel) {
    const args = ['route', 'add', route.dst]
    if (route.gateway) args.push('via', route.gateway)
    args.push('dev', route.dev)
    tx.log(ipOperation(ns.id, args))
  }
  const routes = [...ns.routes]
  routes.splice(options.at ?? fibPosition(routes, route.dst), 0, route)
  tx.set(ns, 'routes', routes)
}

/**
 * `ip route del DST`: removes one route (the engine moves a sandbox's default
 * route when its gateway endpoint changes).
 *
 * @example
 * deleteRoute(tx, ns, current) // logs "ip -n 1a2b3c route del default"
 */
/** `ip -6 route add default via GATEWAY dev DEV`: the kernel's metric for a user route, 1024. */
export function addDefaultRoute6(tx: Tx, ns: Namespace, gateway: string, dev: string): void {
  tx.log(ipOperation(ns.id, ['-6', 'route', 'add', 'default', 'via', gateway, 'dev', dev]))
  tx.set(ns, 'routes6', [{ dst: 'default', gateway, dev, metric: 1024 }])
}

/** `ip -6 route del default`: a sandbox holds at most one IPv6 default route. */
export function deleteDefaultRoute6(tx: Tx, ns: Namespace): void {
  tx.log(ipOperation(ns.id, ['-6', 'route', 'del', 'default']))
  tx.set(ns, 'routes6', [])
}

export function deleteRoute(tx: Tx, ns: Namespace, route: Route): void {
  tx.log(ipOperation(ns.id, ['route', 'del', route.dst]))
  tx.set(
    ns,
    'routes',
    ns.routes.filter((r) => r !== route),
  )
}

/** Where `ip route` lists a route: the kernel dumps its FIB trie in address order, default first. */
function fibPosition(routes: Route[], dst: string): number {
  const k = fibKey(dst)
  for (let i = 0; i < routes.length; i++) if (fibKey((routes[i] as Route).dst) > k) return i
  return routes.length
}

/**
 * A route's place in the FIB dump: its destination address as a number,
 * -1 for default. The host of a big lab has a route per network and every new
 * one is placed among them all, so the address is read by ipam's one-pass
 * parser rather than split into arrays.
 */
function fibKey(dst: string): number {
  if (dst === 'default') return -1
  const slash = dst.indexOf('/')
  return parseIPv4(slash < 0 ? dst : dst.slice(0, slash)) ?? paddedKey(dst)
}

/** Anything but a plain dotted quad, read as before: its dot-separated parts as numbers, missing ones 0. */
function paddedKey(dst: string): number {
  const [a = 0, b = 0, c = 0, e = 0] = (dst.split('/')[0] ?? '').split('.').map(Number)
  return ((a << 24) | (b << 16) | (c << 8) | e) >>> 0
}

/** `ip link delete NAME`: a veth takes its peer with it, wherever the peer lives. */
export function deleteLink(tx: Tx, ns: Namespace, ifname: string): void {
  const link = requireLink(ns, ifname)
  tx.log(ipOperation(ns.id, ['link', 'delete', ifname]))
  dropLink(tx, ns, link)
  if (link.peer) {
    const peerNs = tx.lab.namespaces[link.peer.namespace]
    const peer = peerNs?.links.find((l) => l.ifindex === link.peer?.ifindex && l.kind === 'veth')
    if (peerNs && peer) dropLink(tx, peerNs, peer)
  }
}

function dropLink(tx: Tx, ns: Namespace, link: Link): void {
  removeLink(tx, ns, link)
  unplug(tx, ns, link)
  forgetLinkSysctls(tx, ns, link.ifname)
}

/**
 * What the kernel does when a link stops carrying: it drops every route through it, and its bridge
 * loses its carrier (NO-CARRIER, routes "linkdown") once no port is up, a moment later.
 */
function unplug(tx: Tx, ns: Namespace, link: Link): void {
  tx.set(
    ns,
    'routes',
    ns.routes.filter((r) => r.dev !== link.ifname),
  )
  if (link.master) {
    const bridge = findLink(ns, link.master)
    if (bridge) refreshBridgeCarrier(tx, ns, bridge, bridge.flags.includes('UP'))
  }
}

/** `ip link set NAME down`: down, its routes gone, its bridge's carrier recomputed. */
export function setLinkDown(tx: Tx, ns: Namespace, ifname: string): void {
  const link = requireLink(ns, ifname)
  tx.log(ipOperation(ns.id, ['link', 'set', ifname, 'down']))
  tx.set(link, 'flags', [...DOWN_FLAGS])
  tx.set(link, 'operstate', 'DOWN')
  unplug(tx, ns, link)
}

/**
 * A name for a new veth end, `veth` + 7 hex digits, that no link of `ns` has
 * (nor `besides`, the other end being made): libnetwork's
 * netutils.GenerateIfaceName draws again when the kernel already has the name.
 */
export function unusedVethName(tx: Tx, ns: Namespace, besides?: string): string {
  return drawUnused(
    () => `veth${drawHex(tx.lab.rng, 7)}`,
    (name) => name === besides || findLink(ns, name) !== undefined,
  )
}
