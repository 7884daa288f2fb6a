/**
 * `host ...` statements: the iproute2 commands a person types on the Docker
 * host before (or between) docker commands — a bridge for a LAN segment or a
 * macvlan parent, addresses, routes (a VPN's, one Docker must avoid), a
 * network namespace for another machine and the veth that wires it in —
 * applied to the simulated host, so the same file replays on a real one;
 * `sysctl` (sysctl-command.ts), and `ip addr|route|link [show]` printed from
 * the views, on the host or in a machine (`ip -n pc1 route`).
 * Docker sees what they make: subnet selection skips the on-link routes,
 * macvlan finds its parent. Each command answers as iproute2 6.1 does on
 * Debian 12 (its messages and exit codes, checked in a scratch namespace);
 * commands joined by `&&` run as the shell runs them: in order, up to the
 * first that fails, whose own changes are undone.
 */

import { NetmodesError } from '../errors.js'
import {
  broadcastAddress,
  cidrContains,
  formatCidr,
  formatIPv4,
  networkAddress,
  parseCidr,
  parseIPv4,
} from '../ipam/ipv4.js'
import { ipOperation } from '../kernel/ip-operation.js'
import { randomKernelMac } from '../kernel/mac.js'
import {
  addAddress,
  addAddress6,
  addBridge,
  addConnectedRoute,
  addLink,
  addRoute,
  addVethPair,
  createNamespace,
  deleteLink,
  deleteNamespace,
  deleteRoute,
  findLink,
  moveLink,
  refreshBridgeCarrier,
  setLinkDown,
  setLinkMtu,
  setLinkUp,
  setMaster,
} from '../kernel/netlink.js'
import { machineNamespace, NETNS_DIR } from '../model/lookup.js'
import type { Link, Namespace } from '../model/namespace.js'
import type { Operation } from '../model/operation.js'
import type { LabState } from '../model/state.js'
import { Tx } from '../model/tx.js'
import { tokenizeCommandLine } from '../script/tokenize.js'
import { runIpCommand } from '../views/ip-command.js'
import type { StepResult } from './execute.js'
import { HostToolFailure } from './host-tool-failure.js'
import { sysctlCommand } from './sysctl-command.js'

/** What one `host` statement did: a step as a docker line's is (what the shell printed, the operations), with no daemon behind it. */
export type HostCommandResult = Omit<StepResult, 'daemonError'>

// An iproute2 failure: its stderr line and exit code (1 "Cannot find device", 2 RTNETLINK, 255 usage).
const ipError = (stderr: string, exitCode: number) => new HostToolFailure(stderr, exitCode)
const fail = (stderr: string, exitCode: number): never => {
  throw ipError(stderr, exitCode)
}

const namespaceNamed = machineNamespace

// iproute2 matches an object by prefix, in ip/ip.c's order; the ones modelled here.
const OBJECTS = ['address', 'route', 'link', 'netns'] as const
function objectOf(word: string | undefined): (typeof OBJECTS)[number] | undefined {
  if (!word) return undefined
  // ip/ip.c: "a" is address before addrlabel, "r" route before rule, "l" link, "n" is neighbour (not netns).
  if (word === 'n') return undefined
  return OBJECTS.find((o) => o.startsWith(word))
}

function device(ns: Namespace, name: string | undefined): Link {
  if (!name) throw ipError('Device name is required\n', 255)
  return findLink(ns, name) ?? fail(`Cannot find device "${name}"\n`, 1)
}

function cidr(text: string | undefined): { local: string; prefixlen: number } {
  const [local = '', len] = (text ?? '').split('/')
  const prefixlen = len === undefined ? 32 : Number(len)
  if (parseIPv4(local) === undefined || !Number.isInteger(prefixlen) || prefixlen < 0 || prefixlen > 32)
    fail(`Error: any valid prefix is expected rather than "${text ?? ''}".\n`, 1)
  return { local, prefixlen }
}

/** The network an address and prefix length name (`10.9.0.1/24` → `10.9.0.0/24`), by ipam's arithmetic. */
function networkOf(local: string, prefixlen: number): string {
  return formatCidr(networkAddress(parseIPv4(local) ?? 0, prefixlen), prefixlen)
}

function inSubnet(addr: string, subnet: string): boolean {
  const net = parseCidr(subnet)
  const ip = parseIPv4(addr)
  return net !== undefined && ip !== undefined && cidrContains(net.ip, net.prefix, ip)
}

/** The kernel's connected route of each address once a link is up (its "proto kernel scope link src"). */
function connectRoutes(tx: Tx, ns: Namespace, link: Link): void {
  // lo's 127.0.0.0/8 lives in the local table, not in what `ip route` lists.
  if (link.kind === 'loopback') return
  for (const a of link.addrs) {
    const subnet = networkOf(a.local, a.prefixlen)
    if (a.prefixlen === 32 || ns.routes.some((r) => r.dst === subnet && r.dev === link.ifname)) continue
    addConnectedRoute(tx, ns, { subnet, dev: link.ifname, src: a.local })
  }
}

/** A bridge made by hand with no port has carrier once up (state UNKNOWN, LOWER_UP), as recorded. */
function bringUp(tx: Tx, ns: Namespace, link: Link): void {
  setLinkUp(tx, ns, link.ifname)
  if (link.kind === 'bridge' && !ns.links.some((l) => l.master === link.ifname)) {
    tx.set(link, 'flags', ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'])
    tx.set(link, 'operstate', 'UNKNOWN')
  }
  connectRoutes(tx, ns, link)
}

function linkCommand(tx: Tx, ns: Namespace, args: string[]): void {
  const [verb, ...rest] = args
  if (verb === 'add') {
    // ip link add NAME type bridge | ip link add NAME type veth peer [name] PEER [netns NS]
    const at = rest[0] === 'name' || rest[0] === 'dev' ? 1 : 0
    const name = rest[at]
    const typeAt = rest.indexOf('type')
    const type = typeAt >= 0 ? rest[typeAt + 1] : undefined
    if (!name) throw ipError('Not enough information: "dev" argument is required.\n', 255)
    if (findLink(ns, name)) throw ipError('RTNETLINK answers: File exists\n', 2)
    if (type === 'bridge') {
      addBridge(tx, ns, name, randomKernelMac(tx.lab.rng), 1500)
      return
    }
    if (type === 'veth') {
      const peerAt = rest.indexOf('peer')
      const peerName = rest[peerAt + 1] === 'name' ? rest[peerAt + 2] : rest[peerAt + 1]
      if (peerAt < 0 || !peerName)
        throw ipError('Not enough information: "peer" argument is required.\n', 255)
      const netnsAt = rest.indexOf('netns', peerAt)
      const target = netnsAt >= 0 ? rest[netnsAt + 1] : undefined
      const targetNs = target !== undefined ? namespaceNamed(tx.lab, target) : ns
      if (!targetNs) throw ipError(`Error: argument "${target}" is wrong: Invalid "netns" value\n\n`, 255)
      if (targetNs === ns && peerName === name) throw ipError('RTNETLINK answers: File exists\n', 2)
      if (findLink(targetNs, peerName)) throw ipError('RTNETLINK answers: File exists\n', 2)
      if (targetNs === ns) {
        const { host, peer } = addVethPair(tx, ns, name, peerName, 1500)
        tx.set(host, 'address', randomKernelMac(tx.lab.rng))
        tx.set(peer, 'address', randomKernelMac(tx.lab.rng))
        return
      }
      // The peer is made in its namespace at once: it never exists in this one (whose own eth0 it may share a name with).
      tx.log(
        ipOperation(ns.id, [
          'link',
          'add',
          name,
          'type',
          'veth',
          'peer',
          'name',
          peerName,
          'netns',
          target ?? '',
        ]),
      )
      const down = {
        kind: 'veth' as const,
        flags: ['BROADCAST', 'MULTICAST'],
        mtu: 1500,
        operstate: 'DOWN' as const,
        addrs: [],
      }
      const peer = addLink(tx, targetNs, { ...down, ifname: peerName, address: randomKernelMac(tx.lab.rng) })
      const here = addLink(tx, ns, {
        ...down,
        ifname: name,
        address: randomKernelMac(tx.lab.rng),
        peer: { ifindex: peer.ifindex, namespace: targetNs.id },
      })
      tx.set(peer, 'peer', { ifindex: here.ifindex, namespace: ns.id })
      return
    }
    throw ipError(
      `netmodes: \`ip link add ... type ${type ?? '?'}\` is not modelled (bridge and veth are)\n`,
      2,
    )
  }
  if (verb === 'set') {
    const at = rest[0] === 'dev' ? 1 : 0
    const link = device(ns, rest[at])
    const opts = rest.slice(at + 1)
    for (let i = 0; i < opts.length; i++) {
      const word = opts[i]
      const value = opts[i + 1]
      if (word === 'up') bringUp(tx, ns, link)
      else if (word === 'down') setLinkDown(tx, ns, link.ifname)
      else if (word === 'master') {
        const bridge = value ? findLink(ns, value) : undefined
        if (!bridge)
          throw ipError(`Error: argument "${value ?? ''}" is wrong: Device does not exist\n\n`, 255)
        setMaster(tx, ns, link.ifname, bridge.ifname)
        refreshBridgeCarrier(tx, ns, bridge, bridge.flags.includes('UP'))
        i++
      } else if (word === 'netns') {
        const target = value ? namespaceNamed(tx.lab, value) : undefined
        if (!target)
          throw ipError(`Error: argument "${value ?? ''}" is wrong: Invalid "netns" value\n\n`, 255)
        moveLink(tx, ns, target, link.ifname)
        i++
      } else if (word === 'mtu') {
        const mtu = Number(value)
        if (!Number.isInteger(mtu) || mtu < 68)
          throw ipError(`Error: argument "${value ?? ''}" is wrong: Invalid "mtu" value\n\n`, 255)
        setLinkMtu(tx, ns, link.ifname, mtu)
        i++
      } else
        throw ipError(
          `netmodes: \`ip link set ... ${word}\` is not modelled (up, down, master, netns, mtu)\n`,
          2,
        )
    }
    return
  }
  if (verb === 'del' || verb === 'delete') {
    const at = rest[0] === 'dev' ? 1 : 0
    deleteLink(tx, ns, device(ns, rest[at]).ifname)
    return
  }
  throw ipError(`netmodes: \`ip link ${verb ?? ''}\` is not modelled (add, set, del)\n`, 2)
}

/** `ip -6 addr add A/P dev DEV [nodad]`: a global (or fe80:: link) address, listed as the kernel orders them. */
function address6(tx: Tx, ns: Namespace, link: Link, rest: string[]): void {
  const [local = '', len = '128'] = (rest[0] ?? '').split('/')
  const prefixlen = Number(len)
  if (!local.includes(':') || !Number.isInteger(prefixlen) || prefixlen < 0 || prefixlen > 128)
    throw ipError(`Error: inet6 prefix is expected rather than "${rest[0] ?? ''}".\n`, 1)
  if ((link.addrs6 ?? []).some((a) => a.local === local && a.prefixlen === prefixlen))
    throw ipError('RTNETLINK answers: File exists\n', 2)
  addAddress6(tx, ns, link.ifname, {
    local,
    prefixlen,
    scope: local.toLowerCase().startsWith('fe80:') ? 'link' : 'global',
    ...(rest.includes('nodad') ? { nodad: true as const } : {}),
  })
}

function addressCommand(tx: Tx, ns: Namespace, args: string[], family: 4 | 6): void {
  const [verb, ...rest] = args
  if (verb !== 'add') throw ipError(`netmodes: \`ip address ${verb ?? ''}\` is not modelled (add)\n`, 2)
  const devAt = rest.indexOf('dev')
  const link = device(ns, devAt >= 0 ? rest[devAt + 1] : undefined)
  if (family === 6 || rest[0]?.includes(':')) {
    address6(tx, ns, link, rest)
    return
  }
  const { local, prefixlen } = cidr(rest[0])
  if (link.addrs.some((a) => a.local === local && a.prefixlen === prefixlen))
    throw ipError('Error: ipv4: Address already assigned.\n', 2)
  const brdAt = rest.indexOf('brd')
  const brd = brdAt >= 0 ? rest[brdAt + 1] : undefined
  const broadcast = brd === '+' ? formatIPv4(broadcastAddress(parseIPv4(local) ?? 0, prefixlen)) : brd
  addAddress(tx, ns, link.ifname, {
    local,
    prefixlen,
    ...(broadcast ? { broadcast } : {}),
    scope: local.startsWith('127.') ? 'host' : 'global',
  })
  if (link.flags.includes('UP')) connectRoutes(tx, ns, link)
}

function routeCommand(tx: Tx, ns: Namespace, args: string[]): void {
  const [verb, ...rest] = args
  const dstWord = rest[0] === 'to' ? rest[1] : rest[0]
  if (!dstWord) throw ipError('Error: "to" is required.\n', 255)
  const dst =
    dstWord === 'default'
      ? 'default'
      : (() => {
          const { local, prefixlen } = cidr(dstWord)
          return prefixlen === 32 && !dstWord.includes('/') ? local : networkOf(local, prefixlen)
        })()
  if (verb === 'del' || verb === 'delete') {
    const route =
      ns.routes.find((r) => r.dst === dst && r.protocol !== 'kernel') ?? ns.routes.find((r) => r.dst === dst)
    if (!route) throw ipError('RTNETLINK answers: No such process\n', 2)
    deleteRoute(tx, ns, route)
    return
  }
  if (verb !== 'add') throw ipError(`netmodes: \`ip route ${verb ?? ''}\` is not modelled (add, del)\n`, 2)
  const viaAt = rest.indexOf('via')
  const devAt = rest.indexOf('dev')
  const metricAt = rest.indexOf('metric')
  const gateway = viaAt >= 0 ? rest[viaAt + 1] : undefined
  const devName = devAt >= 0 ? rest[devAt + 1] : undefined
  if (devName) device(ns, devName)
  let dev = devName
  if (gateway !== undefined) {
    if (parseIPv4(gateway) === undefined)
      throw ipError(`Error: inet address is expected rather than "${gateway}".\n`, 1)
    // The gateway must be on a connected route (of that device, when one is named).
    const onLink = ns.routes.find(
      (r) =>
        r.protocol === 'kernel' &&
        r.dst !== 'default' &&
        inSubnet(gateway, r.dst) &&
        (!devName || r.dev === devName),
    )
    if (!onLink) throw ipError('Error: Nexthop has invalid gateway.\n', 2)
    dev = onLink.dev
  }
  if (!dev) throw ipError('Error: Device for nexthop is not up.\n', 2)
  const metric = metricAt >= 0 ? Number(rest[metricAt + 1]) : undefined
  if (ns.routes.some((r) => r.dst === dst && (r.metric ?? 0) === (metric ?? 0) && r.protocol !== 'kernel'))
    throw ipError('RTNETLINK answers: File exists\n', 2)
  addRoute(tx, ns, {
    dst,
    dev,
    ...(gateway ? { gateway } : { scope: 'link' as const }),
    ...(metric !== undefined ? { metric } : {}),
  })
}

// What it prints: nothing for the ip commands modelled, sysctl's lines for `ip netns exec NS sysctl`.
function netnsCommand(tx: Tx, args: string[], depth: number): string {
  const [verb, name, ...rest] = args
  if (verb === 'add') {
    if (!name) throw ipError('No netns name specified\n', 255)
    if (namespaceNamed(tx.lab, name))
      throw ipError(`Cannot create namespace file "${NETNS_DIR}${name}": File exists\n`, 1)
    const ns = createNamespace(tx, `${NETNS_DIR}${name}`)
    // A new namespace's lo is down, without an address, until someone brings it up: so
    // 127.0.0.0/8 is not local there yet, and a route can send it elsewhere (moby#45610's LAN machine).
    const lo = ns.links[0] as Link
    tx.set(lo, 'flags', ['LOOPBACK'])
    tx.set(lo, 'operstate', 'DOWN')
    tx.set(lo, 'addrs', [])
    return ''
  }
  if (verb === 'del' || verb === 'delete') {
    if (!name || !namespaceNamed(tx.lab, name))
      throw ipError(
        `Cannot remove namespace file "${NETNS_DIR}${name ?? ''}": No such file or directory\n`,
        1,
      )
    deleteNamespace(tx, `${NETNS_DIR}${name}`)
    return ''
  }
  if (verb === 'exec') {
    const ns = name ? namespaceNamed(tx.lab, name) : undefined
    if (!ns) throw ipError(`Cannot open network namespace "${name ?? ''}": No such file or directory\n`, 1)
    if (rest[0] === 'sysctl' && depth === 0) return sysctlCommand(tx, ns, rest.slice(1))
    if (rest[0] !== 'ip' || depth > 0)
      throw ipError(
        `netmodes: \`ip netns exec ${name} ${rest[0] ?? ''}\` is not modelled (ip and sysctl inside it are)\n`,
        2,
      )
    return ipCommand(tx, ns, rest.slice(1), depth + 1)
  }
  throw ipError(`netmodes: \`ip netns ${verb ?? ''}\` is not modelled (add, del, exec)\n`, 2)
}

// `ip [-j] [-4|-6] addr|route|link [show|list|ls]`: a view, printed as the views render it, changing nothing.
function isShow(args: readonly string[]): boolean {
  const words = args.filter((w) => !/^-(j|json|4|6)$/.test(w))
  const object = objectOf(words[0])
  const verb = words[1]
  return (
    object !== undefined &&
    object !== 'netns' &&
    (verb === undefined || ['show', 'list', 'ls'].includes(verb))
  )
}

function ipCommand(tx: Tx, ns: Namespace, argv: string[], depth = 0): string {
  let args = argv
  // `ip -n NS ...` is `ip netns exec NS ip ...`; -6 picks IPv6 addresses.
  if (args[0] === '-n' || args[0] === '-netns') {
    return netnsCommand(tx, ['exec', args[1] ?? '', 'ip', ...args.slice(2)], depth)
  }
  if (isShow(args)) {
    const shown = runIpCommand(ns, args)
    if (shown.exitCode !== 0) throw ipError(shown.stderr, shown.exitCode)
    return shown.stdout
  }
  let family: 4 | 6 = 4
  if (args[0] === '-4' || args[0] === '-6') {
    family = args[0] === '-6' ? 6 : 4
    args = args.slice(1)
  }
  const object = objectOf(args[0])
  if (!object) {
    if (args[0]?.startsWith('-')) throw ipError(`netmodes: \`ip ${args[0]}\` is not modelled\n`, 2)
    throw ipError(`Object "${args[0] ?? ''}" is unknown, try "ip help".\n`, 255)
  }
  const rest = args.slice(1)
  if (object === 'link') linkCommand(tx, ns, rest)
  else if (object === 'address') addressCommand(tx, ns, rest, family)
  else if (family === 6 && object === 'route')
    throw ipError('netmodes: `ip -6 route` on the host is not modelled (ip -6 addr is)\n', 2)
  else if (object === 'route') routeCommand(tx, ns, rest)
  else return netnsCommand(tx, rest, depth)
  return ''
}

/** Splits a shell line at `&&`, outside quotes (the tokenizer keeps quoted `&&` as a word). */
function commandsOf(line: string): string[][] {
  const words = tokenizeCommandLine(line)
  const out: string[][] = [[]]
  for (const w of words) {
    if (w === '&&') out.push([])
    else out.at(-1)?.push(w)
  }
  return out.filter((c) => c.length > 0)
}

/**
 * Runs one `host` statement's text (after the word `host`) on the lab's host.
 *
 * @example
 * runHostCommand(lab, 'ip link add lan0 type bridge && ip addr add 192.168.50.1/24 dev lan0 && ip link set lan0 up')
 */
export function runHostCommand(lab: LabState, line: string): HostCommandResult {
  const host = lab.namespaces.host
  if (!host) throw new NetmodesError('INTERNAL', 'the lab has no host namespace')
  const operations: Operation[] = []
  let output = ''
  const result = (ok: boolean, error?: string, exitCode = 0): HostCommandResult => ({
    command: `host ${line}`,
    ok,
    output,
    ...(error ? { error } : {}),
    exitCode,
    operations,
  })
  for (const argv of commandsOf(line)) {
    const tx = new Tx(lab)
    try {
      if (argv[0] === 'sysctl') output += sysctlCommand(tx, host, argv.slice(1))
      else if (argv[0] === 'ip') output += ipCommand(tx, host, argv.slice(1))
      else
        throw new HostToolFailure(
          `netmodes: \`${argv[0]}\` on the host is not modelled (ip link, ip addr, ip route, ip netns, sysctl are)\n`,
          2,
        )
      operations.push(...tx.operations)
    } catch (error) {
      tx.rollback()
      if (error instanceof HostToolFailure) return result(false, error.stderr, error.exitCode)
      throw error
    }
  }
  return result(true)
}
