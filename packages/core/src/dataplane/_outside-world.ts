/**
 * The simulated world outside the host: its LAN (the uplink's subnet, with a
 * machine on it and the router of the default route) and the internet behind
 * that router. Nothing here is observed; it is the least a trace needs to say
 * where a packet that leaves the host goes, and whether an answer can come
 * back.
 */

import { formatIPv4, maskOf, parseCidr, parseIPv4 } from '../ipam/ipv4.js'
import type { Network } from '../model/docker.js'
import type { Link } from '../model/namespace.js'
import type { LabState } from '../model/state.js'
import type { NamespaceIndex } from './namespace-index.js'
import { indexNamespace } from './namespace-index.js'
import { primaryAddress } from './route-lookup.js'

/** What the host's uplink leads to. */
export interface OutsideWorld {
  /** The default route's device. */
  uplink: Link | undefined
  /** The uplink's on-link subnet (its `scope link` route). */
  lan: { net: number; mask: number; prefix: number; text: string } | undefined
  /** The default route's gateway: the LAN's router towards the internet. */
  router: number | undefined
  /** The host's primary address (the uplink's): what "host" means as a destination. */
  hostAddress: number | undefined
  /** The simulated LAN machine (".99" when free). */
  lanMachine: number | undefined
  /** The simulated internet machine (a documentation address, RFC 5737). */
  internetMachine: number
}

const cache = new WeakMap<NamespaceIndex, OutsideWorld>()

// RFC 1918, shared address space (RFC 6598), link-local, loopback, "this network".
const PRIVATE = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '169.254.0.0/16',
  '127.0.0.0/8',
  '0.0.0.0/8',
]
  .map((c) => parseCidr(c))
  .filter((c) => c !== undefined)
  .map((c) => ({ net: c.ip, mask: maskOf(c.prefix) }))

interface CompiledSubnets {
  networks: Network[]
  length: number
  first: Network | undefined
  last: Network | undefined
  subnets: { net: number; mask: number; name: string; subnet: string }[]
}

const subnetCache = new WeakMap<LabState, CompiledSubnets>()

/**
 * The networks' subnets as numbers, cached. Networks are only appended or
 * removed (never replaced in place), so a changed list has a different
 * length or different ends.
 */
function compiledSubnets(lab: LabState): CompiledSubnets['subnets'] {
  const list = lab.networks
  const hit = subnetCache.get(lab)
  if (
    hit &&
    hit.networks === list &&
    hit.length === list.length &&
    hit.first === list[0] &&
    hit.last === list[list.length - 1]
  ) {
    return hit.subnets
  }
  const subnets: CompiledSubnets['subnets'] = []
  for (const n of list) {
    const cidr = n.pool ? parseCidr(n.pool.subnet) : undefined
    if (!cidr || !n.pool) continue
    const mask = maskOf(cidr.prefix)
    subnets.push({ net: (cidr.ip & mask) >>> 0, mask, name: n.name, subnet: n.pool.subnet })
  }
  subnetCache.set(lab, {
    networks: list,
    length: list.length,
    first: list[0],
    last: list[list.length - 1],
    subnets,
  })
  return subnets
}

/** The subnet of a Docker network that holds an address, if any. */
export function dockerNetworkOf(
  lab: LabState,
  address: number,
): { name: string; subnet: string } | undefined {
  for (const s of compiledSubnets(lab)) if ((address & s.mask) >>> 0 === s.net) return s
  return undefined
}

/**
 * The network of the container endpoint that holds an address, if a
 * container does: an address merely inside a network's subnet (the LAN
 * machine in a macvlan network's range on another segment) is not on it.
 */
export function endpointNetworkOf(
  lab: LabState,
  address: number,
): { name: string; subnet: string; driver: string } | undefined {
  for (const n of lab.networks) {
    for (const e of Object.values(n.endpoints)) {
      if (parseIPv4(e.ipv4) === address)
        return { name: n.name, subnet: n.pool?.subnet ?? '', driver: n.driver }
    }
  }
  return undefined
}

/**
 * Whether the internet can route to an address: not a private range, and
 * not a Docker subnet (those exist only inside the host).
 */
export function isPrivateAddress(lab: LabState, address: number): boolean {
  return (
    PRIVATE.some((p) => (address & p.mask) >>> 0 === p.net) || dockerNetworkOf(lab, address) !== undefined
  )
}

function pickLanMachine(lab: LabState, lan: OutsideWorld['lan'], taken: Set<number>): number | undefined {
  if (!lan || lan.prefix > 30) return undefined
  const size = 2 ** (32 - lan.prefix)
  for (const e of lab.networks.flatMap((n) => Object.values(n.endpoints))) {
    const ip = parseIPv4(e.ipv4)
    if (ip !== undefined) taken.add(ip)
  }
  const candidates = size > 100 ? [99] : []
  for (let offset = 1; offset < size - 1; offset++) candidates.push(offset)
  for (const offset of candidates) {
    const ip = (lan.net + offset) >>> 0
    if (!taken.has(ip)) return ip
  }
  return undefined
}

/**
 * The outside world of a lab's host, derived from the host namespace
 * (cached with its index).
 *
 * @example
 * formatIPv4(outsideWorld(createLab()).lanMachine!) // '10.0.2.99'
 */
export function outsideWorld(lab: LabState): OutsideWorld {
  const host = lab.namespaces.host
  const index = host ? indexNamespace(host) : undefined
  const hit = index ? cache.get(index) : undefined
  if (hit) return hit
  const def = index?.routes.find((r) => r.prefix === 0)
  const uplink = def ? index?.byName.get(def.route.dev) : undefined
  const onLink = index?.routes.find(
    (r) => r.route.dev === uplink?.ifname && r.gateway === undefined && r.prefix > 0,
  )
  const lan = onLink
    ? {
        net: onLink.net,
        mask: onLink.mask,
        prefix: onLink.prefix,
        text: `${formatIPv4(onLink.net)}/${onLink.prefix}`,
      }
    : undefined
  const hostAddress = index && uplink ? primaryAddress(index, uplink) : undefined
  const taken = new Set<number>(index ? index.local.keys() : [])
  if (def?.gateway !== undefined) taken.add(def.gateway)
  for (const ns of lab.host.nameservers) {
    const ip = parseIPv4(ns)
    if (ip !== undefined) taken.add(ip)
  }
  // Off the LAN and off Docker's subnets: a host whose uplink is on
  // 203.0.113.0/24 must not find "the internet" on its own segment.
  const internetMachine =
    ['203.0.113.10', '198.51.100.10', '192.0.2.10']
      .map((a) => parseIPv4(a) as number)
      .find((ip) => dockerNetworkOf(lab, ip) === undefined && !(lan && (ip & lan.mask) >>> 0 === lan.net)) ??
    (parseIPv4('203.0.113.10') as number)
  const world: OutsideWorld = {
    uplink,
    lan,
    router: def?.gateway,
    hostAddress,
    lanMachine: pickLanMachine(lab, lan, taken),
    internetMachine,
  }
  if (index) cache.set(index, world)
  return world
}

/** Whether an address is on the LAN segment. */
export function onLan(world: OutsideWorld, address: number): boolean {
  return world.lan !== undefined && (address & world.lan.mask) >>> 0 === world.lan.net
}
