/**
 * Turns the two ends of a trace request into places and addresses: where
 * the packet starts (a namespace, or a simulated machine outside), and which
 * address it is sent to (by the embedded DNS, by `docker inspect`, or the
 * loopback when both ends share a namespace).
 */

import { NetmodesError } from '../errors.js'
import { formatIPv4, parseIPv4 } from '../ipam/ipv4.js'
import type { Container } from '../model/docker.js'
import { containerByName, findContainer, machineNamespace } from '../model/lookup.js'
import type { Namespace } from '../model/namespace.js'
import type { LabState } from '../model/state.js'
import { ipNumber } from './_ip-text.js'
import { endpointOwner, namespaceIdOf, placeOfAddress } from './_listeners.js'
import type { OutsideWorld } from './_outside-world.js'
import { isPrivateAddress, onLan } from './_outside-world.js'
import type { NamespaceIndex } from './namespace-index.js'
import { indexNamespace } from './namespace-index.js'
import { resolveName } from './resolve-name.js'
import { lookupRoute } from './route-lookup.js'
import type { Hop, ReasonDetail, TraceEndpoint } from './trace-types.js'

/** Where a trace starts. */
export type Source =
  | { kind: 'namespace'; ns: Namespace; place: string; container?: Container; address?: number }
  | { kind: 'outside'; node: 'lan' | 'internet'; place: string; address: number }
  | { kind: 'dropped'; place: string; detail: ReasonDetail }

/** Where a trace goes. */
export type Target =
  | { kind: 'address'; address: number; place?: string; container?: Container; hop?: Hop; shared?: boolean }
  | { kind: 'dropped'; hop?: Hop; detail: ReasonDetail }

const LOOPBACK = parseIPv4('127.0.0.1') as number

function lookupContainer(lab: LabState, name: string): Container {
  const c = findContainer(lab, name)
  if (!c) throw new NetmodesError('NOT_FOUND', `No such container: ${name}`)
  return c
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new NetmodesError('NOT_FOUND', what)
  return value
}

/** Resolves the source end. */
export function resolveSource(lab: LabState, world: OutsideWorld, from: TraceEndpoint): Source {
  switch (from.kind) {
    case 'container': {
      const machine = findContainer(lab, from.name) ? undefined : machineNamespace(lab, from.name)
      if (machine) return { kind: 'namespace', ns: machine, place: machine.id }
      const c = lookupContainer(lab, from.name)
      const nsId = namespaceIdOf(lab, c)
      const ns = nsId ? lab.namespaces[nsId] : undefined
      if (!ns || !nsId)
        return {
          kind: 'dropped',
          place: from.name,
          detail: { code: 'container-not-running', side: 'from', state: c.state },
        }
      return { kind: 'namespace', ns, place: nsId, container: c }
    }
    case 'host':
      return {
        kind: 'namespace',
        ns: required(lab.namespaces.host, 'the lab has no host namespace'),
        place: 'host',
      }
    case 'lan':
      return {
        kind: 'outside',
        node: 'lan',
        place: 'lan',
        address: required(world.lanMachine, 'the host has no LAN (no on-link route on its uplink)'),
      }
    case 'internet':
      return { kind: 'outside', node: 'internet', place: 'internet', address: world.internetMachine }
    case 'address': {
      const ip = required(parseIPv4(from.address), `invalid address ${from.address}`)
      const place = placeOfAddress(lab, from.address)
      const ns = place ? lab.namespaces[place] : undefined
      if (ns && place) return { kind: 'namespace', ns, place, address: ip }
      if (onLan(world, ip)) return { kind: 'outside', node: 'lan', place: 'lan', address: ip }
      if (!isPrivateAddress(lab, ip))
        return { kind: 'outside', node: 'internet', place: 'internet', address: ip }
      throw new NetmodesError('NOT_FOUND', `no namespace or simulated machine holds ${from.address}`)
    }
  }
}

/** The address of a container that a source would use: one on a network it is on, else its first. */
function pickAddress(
  lab: LabState,
  owner: Container,
  sourceIndex: NamespaceIndex | undefined,
  world: OutsideWorld,
  fromLan: boolean,
) {
  const candidates: { address: number; network: string }[] = []
  for (const [networkId, endpointId] of Object.entries(owner.endpoints)) {
    const network = lab.networks.find((n) => n.id === networkId)
    const ip = ipNumber(network?.endpoints[endpointId]?.ipv4 ?? '')
    // docker inspect does not show an overlay container's docker_gwbridge endpoint: its address is not the container's.
    if (network && ip !== undefined && network.name !== 'docker_gwbridge')
      candidates.push({ address: ip, network: network.name })
  }
  const reachable = (ip: number) => {
    if (fromLan) return onLan(world, ip)
    const d = sourceIndex ? lookupRoute(sourceIndex, ip) : undefined
    return d?.kind === 'unicast' && d.route.gateway === undefined && d.route.prefix > 0
  }
  return candidates.find((c) => reachable(c.address)) ?? candidates[0]
}

function hasOnlyLoopback(lab: LabState, c: Container): boolean {
  const nsId = namespaceIdOf(lab, c)
  const ns = nsId && nsId !== 'host' ? lab.namespaces[nsId] : undefined
  if (!ns) return false
  return ns.links.every((l) => l.kind === 'loopback')
}

/** Resolves a container destination, by DNS from a container source when asked, else by its address. */
function resolveContainer(
  lab: LabState,
  world: OutsideWorld,
  source: Source,
  name: string,
  dns: boolean,
): Target {
  const src = source.kind === 'namespace' ? source : undefined
  const namespace = source.place
  const t = dns && src?.container ? containerByName(lab, name) : lookupContainer(lab, name)
  const tNs = t ? namespaceIdOf(lab, t) : undefined
  if (t && !tNs)
    return { kind: 'dropped', detail: { code: 'container-not-running', side: 'to', state: t.state } }
  if (t && tNs && tNs === src?.place) {
    // Same namespace (container mode, or host mode seen from the host): the loopback is shared.
    const hop: Hop = { kind: 'resolve', namespace, name, method: 'shared-namespace', address: '127.0.0.1' }
    return { kind: 'address', address: LOOPBACK, place: tNs, container: t, hop, shared: true }
  }
  if (t && hasOnlyLoopback(lab, t)) return { kind: 'dropped', detail: { code: 'no-interface', side: 'to' } }
  if (dns && src?.container) {
    const r = resolveName(lab, { from: src.container, name })
    if (!r.resolved) {
      const hop: Hop = { kind: 'resolve', namespace, name, method: 'not-resolved' }
      return {
        kind: 'dropped',
        hop,
        detail: { code: 'name-not-resolved', name, why: r.why, networks: r.networks },
      }
    }
    const owner = 'endpoint' in r ? lab.containers[r.endpoint.containerId] : undefined
    const place = owner ? namespaceIdOf(lab, owner) : undefined
    const hop: Hop = {
      kind: 'resolve',
      namespace,
      name,
      method: 'embedded-dns',
      address: r.address,
      network: r.network.name,
    }
    return {
      kind: 'address',
      address: ipNumber(r.address) as number,
      ...(place ? { place } : {}),
      ...(owner ? { container: owner } : {}),
      hop,
    }
  }
  const target = t as Container
  if (tNs === 'host') {
    const address = required(world.hostAddress, 'the host has no address on its uplink')
    const hop: Hop = {
      kind: 'resolve',
      namespace,
      name,
      method: 'inspect',
      address: formatIPv4(address),
      network: 'host',
    }
    return { kind: 'address', address, place: 'host', container: target, hop }
  }
  const owner = endpointOwner(lab, target)
  const sourceIndex = src ? indexNamespace(src.ns) : undefined
  const pick = owner
    ? pickAddress(lab, owner, sourceIndex, world, source.kind === 'outside' && source.node === 'lan')
    : undefined
  if (!pick) return { kind: 'dropped', detail: { code: 'no-interface', side: 'to' } }
  const hop: Hop = {
    kind: 'resolve',
    namespace,
    name,
    method: 'inspect',
    address: formatIPv4(pick.address),
    network: pick.network,
  }
  return { kind: 'address', address: pick.address, ...(tNs ? { place: tNs } : {}), container: target, hop }
}

/**
 * A LAN machine as a destination: the address on its links that the source
 * reaches on-link (a machine on the host's LAN bridge, seen from the host),
 * else its first global one. Docker's DNS does not know it, so a container
 * sends to the address as a person would type it.
 */
function resolveMachine(source: Source, name: string, machine: Namespace): Target {
  const sourceIndex = source.kind === 'namespace' ? indexNamespace(source.ns) : undefined
  const candidates = machine.links.flatMap((l) =>
    l.addrs
      .filter((a) => a.scope === 'global')
      .map((a) => ({ device: l.ifname, address: ipNumber(a.local) })),
  )
  const onLink = candidates.find((c) => {
    const d = sourceIndex && c.address !== undefined ? lookupRoute(sourceIndex, c.address) : undefined
    return d?.kind === 'unicast' && d.route.gateway === undefined && d.route.prefix > 0
  })
  const pick = onLink ?? candidates.find((c) => c.address !== undefined)
  if (!pick || pick.address === undefined)
    return { kind: 'dropped', detail: { code: 'no-interface', side: 'to' } }
  const hop: Hop = {
    kind: 'resolve',
    namespace: source.place,
    name,
    method: 'machine',
    address: formatIPv4(pick.address),
    device: pick.device,
  }
  return { kind: 'address', address: pick.address, place: machine.id, hop }
}

/** Resolves the destination end. */
export function resolveTarget(
  lab: LabState,
  world: OutsideWorld,
  source: Source,
  to: TraceEndpoint,
  dns: boolean,
): Target {
  switch (to.kind) {
    case 'container': {
      const machine = findContainer(lab, to.name) ? undefined : machineNamespace(lab, to.name)
      if (machine) return resolveMachine(source, to.name, machine)
      return resolveContainer(lab, world, source, to.name, dns)
    }
    case 'host':
      return {
        kind: 'address',
        address: required(world.hostAddress, 'the host has no address on its uplink'),
        place: 'host',
      }
    case 'lan':
      return { kind: 'address', address: required(world.lanMachine, 'the host has no LAN'), place: 'lan' }
    case 'internet':
      return { kind: 'address', address: world.internetMachine, place: 'internet' }
    case 'address': {
      const address = required(parseIPv4(to.address), `invalid address ${to.address}`)
      const place = placeOfAddress(lab, to.address)
      return { kind: 'address', address, ...(place ? { place } : {}) }
    }
  }
}
