import { driverOf } from '../drivers/registry.js'
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import type { DaemonMessages } from '../engine-profiles/daemon-messages.js'
import { DockerDaemonError } from '../errors.js'
import { parseCidr } from '../ipam/ipv4.js'
import { formatIPv6, parseCidr6 } from '../ipam/ipv6.js'
import { releaseAddress, requestAddress } from '../ipam/pool.js'
import { releaseAddress6, requestAddress6 } from '../ipam/pool6.js'
import { isIpv6Text, subnetMatches } from '../ipam/subnet-family.js'
import {
  addDefaultRoute6,
  addRoute,
  deleteDefaultRoute6,
  deleteRoute,
  findLink,
  namespaceOf,
} from '../kernel/netlink.js'
import type { Container, Endpoint, EndpointRequest, Network, PortMapping } from '../model/docker.js'
import { dropEndpoint, endpointIdTaken, hasEndpointNamed, putEndpoint } from '../model/endpoint-records.js'
import type { Namespace, Route } from '../model/namespace.js'
import { endpointAliases, isUserDefined } from '../model/network-kind.js'
import type { LabState } from '../model/state.js'
import type { Tx } from '../model/tx.js'
import { drawHex, drawUnused } from '../rng.js'
import { publishPorts, unpublishPorts } from './ports.js'

/** An endpoint id no network's endpoint has (libnetwork ids are random; see drawUnused). */
function drawEndpointId(lab: LabState): string {
  return drawUnused(
    () => drawHex(lab.rng, 64),
    (id) => endpointIdTaken(lab, id),
  )
}

/**
 * Allocates and joins one endpoint: address (static --ip or lowest free),
 * MAC (--mac-address on the first network, else the engine's: derived from
 * the IP on 20.10), the sandbox's next ethN (as the engine names it), then
 * the driver's plumbing.
 */
export function attachEndpoint(
  tx: Tx,
  container: Container,
  network: Network,
  request: EndpointRequest,
  sandbox: string,
  identity: { name?: string; containerId?: string } = {},
  /** Called once the address is allocated, before the driver joins (libnetwork CreateEndpoint, then Join). */
  onCreated?: () => void,
): Endpoint {
  // libnetwork CreateEndpoint: a configuration network is never joined.
  const messages = behaviourOf(tx.lab).messages
  if (network.configOnly) {
    throw new DockerDaemonError('INVALID_INPUT', messages.configOnlyEndpoint())
  }
  checkEndpointRequest(messages, network, request)
  const driver = driverOf(network)
  if (!driver.addressed) {
    // host and none networks get an endpoint with no interface of its own; it still carries the
    // --mac-address asked for (libnetwork keeps the option on the endpoint: network inspect shows it,
    // seen for none on 20.10 and 28, for host on 28).
    const bare: Endpoint = {
      id: drawEndpointId(tx.lab),
      name: container.name,
      networkId: network.id,
      containerId: container.id,
      ipv4: '',
      prefixlen: 0,
      mac: request.mac ?? '',
      ifname: '',
      aliases: [],
      gateway: '',
    }
    putEndpoint(tx, network, bare)
    tx.set(container.endpoints, network.id, bare.id)
    onCreated?.()
    return bare
  }
  const epName = identity.name ?? container.name
  if (hasEndpointNamed(network, epName)) {
    throw new DockerDaemonError('CONFLICT', messages.endpointExists(epName, network.name))
  }
  const pool = network.pool
  const cidr = pool ? parseCidr(pool.subnet) : undefined
  if (!pool || !cidr) throw new Error(`network ${network.name} has no pool`)
  if (request.ip) {
    const ip = parseCidr(`${request.ip}/32`)
    if (!ip || !(ip.ip >>> 0 >= cidr.ip && ip.ip < cidr.ip + 2 ** (32 - cidr.prefix))) {
      throw new DockerDaemonError('INVALID_INPUT', messages.ipOutsideSubnet(request.ip))
    }
  }
  if (request.ip6) {
    const config = network.ipam.config.find((c) => isIpv6Text(c.subnet))
    if (!config || !subnetMatches(config.subnet, request.ip6))
      throw new DockerDaemonError('INVALID_INPUT', messages.ipOutsideSubnet(request.ip6))
  }
  const ipRange = network.ipam.config.find((c) => !isIpv6Text(c.subnet))?.ipRange
  const ipv4 = (() => {
    try {
      return requestAddress(tx, pool, {
        ...(request.ip ? { preferred: request.ip } : {}),
        ...(ipRange ? { ipRange } : {}),
        serial: pool.space === 'global',
      })
    } catch (error) {
      if ((error as DockerDaemonError).code === 'EXHAUSTED') {
        throw new DockerDaemonError('EXHAUSTED', messages.noAvailableIpv4(network))
      }
      throw error
    }
  })()
  const behaviour = behaviourOf(tx.lab)
  const fromMac = !request.ip6 && macDerivedIpv6(tx, network)
  const ipv6 = fromMac ? undefined : allocateIpv6(tx, network, request.ip6)
  const ifname = behaviour.interfaceName(tx, {
    namespace: namespaceOf(tx, sandbox),
    nextIfIndex: container.nextIfIndex,
  })
  tx.set(container, 'nextIfIndex', container.nextIfIndex + 1)
  const mac = request.mac ?? behaviour.endpointMac(tx, { ipv4, driver: network.driver })
  const endpoint: Endpoint = {
    id: drawEndpointId(tx.lab),
    name: identity.name ?? container.name,
    networkId: network.id,
    containerId: identity.containerId ?? container.id,
    ipv4,
    prefixlen: cidr.prefix,
    mac,
    ifname,
    aliases: endpointAliases(container, network, request.aliases),
    ...(request.ip ? { requestedIp: request.ip } : {}),
    // Overlay endpoints, and macvlan/ipvlan endpoints of an internal network, are given no gateway;
    // on 28 no internal network gives one (ENGINE-28.md section 5).
    gateway: givesGateway(tx, network) ? (network.gateway ?? '') : '',
    ...((ipv6 || fromMac) && network.pool6
      ? {
          ipv6: ipv6 ?? addressFromMac(network.pool6.subnet, mac),
          prefixlen6: Number(network.pool6.subnet.split('/')[1]),
          gateway6: givesGateway(tx, network) ? (network.gateway6 ?? '') : '',
        }
      : {}),
  }
  onCreated?.()
  // Drivers plumb the interface; the default route comes from refreshGateway (the sandbox's gateway endpoint).
  driver.join(tx, network, endpoint, sandbox)
  putEndpoint(tx, network, endpoint)
  tx.set(container.endpoints, network.id, endpoint.id)
  return endpoint
}

/**
 * The daemon's checks of a static address before libnetwork is asked for an
 * endpoint (validateNetworkingConfig): only a user-defined network, and only
 * one whose subnet of that family the user gave (seen on 20.10.24 for `--ip6`
 * on the default bridge and on a network without an IPv6 subnet). What fails
 * later, in libnetwork's CreateEndpoint (an address outside the subnet or in
 * use), fails after the daemon stored the endpoint's settings.
 */
export function checkEndpointRequest(
  messages: DaemonMessages,
  network: Network,
  request: EndpointRequest,
): void {
  if (!request.ip && !request.ip6) return
  if (!isUserDefined(network)) {
    throw new DockerDaemonError('INVALID_INPUT', messages.ipOnNonUserDefinedNetwork())
  }
  if (!driverOf(network).addressed) return
  if (
    (request.ip && network.pool?.predefined !== false) ||
    (request.ip6 && network.pool6?.predefined !== false)
  ) {
    throw new DockerDaemonError('INVALID_INPUT', messages.ipWithoutUserSubnet())
  }
}

/** 20.10's default bridge with IPv6: an endpoint's address is its MAC under the subnet's prefix (Ipv6Policy). */
function macDerivedIpv6(tx: Tx, network: Network): boolean {
  const prefix = Number(network.pool6?.subnet.split('/')[1] ?? 128)
  return (
    network.enableIPv6 &&
    network.name === 'bridge' &&
    network.driver === 'bridge' &&
    prefix <= 80 &&
    behaviourOf(tx.lab).ipv6.defaultBridgeAddressFromMac
  )
}

/** The subnet's prefix with the 48 bits of a MAC as the address's last 48 (libnetwork's bridge driver, 20.10). */
function addressFromMac(subnet: string, mac: string): string {
  const base = parseCidr6(subnet)?.ip ?? 0n
  return formatIPv6(base | BigInt(`0x${mac.replaceAll(':', '')}`))
}

/**
 * The endpoint's IPv6 address, on a network with IPv6 enabled only (a v6
 * subnet without `--ipv6` gives none, seen on both engines): the `--ip6`
 * asked for, or the lowest free of the v6 range.
 */
function allocateIpv6(tx: Tx, network: Network, ip6: string | undefined): string | undefined {
  if (!network.enableIPv6 || !network.pool6) return undefined
  const ipRange = network.ipam.config.find((c) => isIpv6Text(c.subnet))?.ipRange
  try {
    return requestAddress6(tx, network.pool6, {
      ...(ip6 ? { preferred: ip6 } : {}),
      ...(ipRange ? { ipRange } : {}),
    })
  } catch (error) {
    if ((error as DockerDaemonError).code === 'EXHAUSTED') {
      throw new DockerDaemonError('EXHAUSTED', behaviourOf(tx.lab).messages.noAvailableIpv6(network))
    }
    throw error
  }
}

/** Leaves one network: driver teardown, then the address goes back to the pool. */
export function detachEndpoint(tx: Tx, container: Container, network: Network): void {
  const endpointId = container.endpoints[network.id]
  if (!endpointId) return
  const endpoint = network.endpoints[endpointId]
  const driver = driverOf(network)
  if (endpoint) {
    driver.leave(tx, network, endpoint, container.sandbox)
    if (network.pool) releaseAddress(tx, network.pool, endpoint.ipv4)
    if (network.pool6 && endpoint.ipv6 && !macDerivedIpv6(tx, network))
      releaseAddress6(tx, network.pool6, endpoint.ipv6)
    dropEndpoint(tx, network, endpointId)
  }
  tx.remove(container.endpoints, network.id)
  driver.endpointLeft?.(tx, network)
}

/** Whether a network's endpoints get its gateway (and so can carry the default route). */
function givesGateway(tx: Tx, network: Network): boolean {
  if (network.internal && !behaviourOf(tx.lab).internalBridgeGateway) return false
  return driverOf(network).givesGateway(network)
}

/**
 * The endpoint that provides the default route (libnetwork's epHeap order in
 * 20.10): not docker_gwbridge, not internal, then network name ascending.
 */
export function gatewayEndpoint(
  tx: Tx,
  container: Container,
): { network: Network; endpoint: Endpoint } | undefined {
  const candidates: { network: Network; endpoint: Endpoint }[] = []
  for (const [networkId, endpointId] of Object.entries(container.endpoints)) {
    const network = tx.lab.networks.find((n) => n.id === networkId)
    const endpoint = network?.endpoints[endpointId]
    // Overlay endpoints give no gateway (north-south traffic leaves through docker_gwbridge),
    // nor do macvlan/ipvlan endpoints of an internal network; an internal bridge still does.
    // A network with no gateway address (a lab file that lost it) can carry no default route.
    if (network && endpoint?.ipv4 && endpoint.gateway && givesGateway(tx, network)) {
      candidates.push({ network, endpoint })
    }
  }
  const rank = (c: { network: Network }) =>
    c.network.name === 'docker_gwbridge' ? 2 : c.network.internal ? 1 : 0
  candidates.sort(
    (a, b) =>
      rank(a) - rank(b) || (a.network.name < b.network.name ? -1 : a.network.name > b.network.name ? 1 : 0),
  )
  return candidates[0]
}

/**
 * The sandbox's IPv6 default route follows its gateway endpoint: via that
 * endpoint's IPv6 gateway when it has one, none otherwise (libnetwork
 * sandbox setupDefaultGW/programGateway; seen on both engines:
 * `default via fd00:1::1 dev eth0 metric 1024 pref medium`).
 */
function setIpv6DefaultRoute(tx: Tx, ns: Namespace, endpoint: Endpoint | undefined): void {
  const current = ns.routes6?.[0]
  const gateway = endpoint?.gateway6
  if (current && endpoint && gateway && current.dev === endpoint.ifname && current.gateway === gateway) return
  if (current) deleteDefaultRoute6(tx, ns)
  if (endpoint && gateway) addDefaultRoute6(tx, ns, gateway, endpoint.ifname)
}

/**
 * Re-elects the gateway endpoint after a join or leave: moves the default
 * route, and the published ports with it (they live on the gateway endpoint).
 */
export function refreshGateway(tx: Tx, container: Container): void {
  if (!container.sandbox || container.sandbox === 'host') return
  const ns = namespaceOf(tx, container.sandbox)
  const chosen = gatewayEndpoint(tx, container)
  setIpv6DefaultRoute(tx, ns, chosen?.endpoint)
  const current = ns.routes.find((r) => r.dst === 'default')
  if (
    current &&
    chosen &&
    current.dev === chosen.endpoint.ifname &&
    current.gateway === chosen.endpoint.gateway
  )
    return
  if (current) deleteRoute(tx, ns, current)
  if (container.portNetworkId) {
    const portNetwork = tx.lab.networks.find((n) => n.id === container.portNetworkId)
    unpublishPorts(tx, container, portNetwork)
    tx.set(container, 'ports', [])
    tx.remove(container, 'portNetworkId')
  }
  if (!chosen) return
  const route: Route = { dst: 'default', gateway: chosen.endpoint.gateway, dev: chosen.endpoint.ifname }
  if (findLink(ns, chosen.endpoint.ifname)?.flags.includes('NO-CARRIER')) route.flags = ['linkdown']
  addRoute(tx, ns, route, { at: 0 })
  // Internal networks get no external connectivity: published ports are dropped silently (observed).
  if (driverOf(chosen.network).publishesPorts(chosen.network) && container.portBindings.length > 0) {
    let ports: PortMapping[]
    try {
      ports = publishPorts(tx, container, chosen.network, chosen.endpoint)
    } catch (error) {
      if (!(error instanceof DockerDaemonError)) throw error
      throw new DockerDaemonError(
        error.code,
        behaviourOf(tx.lab).messages.externalConnectivityFailed(chosen.endpoint, error.message),
      )
    }
    tx.set(container, 'ports', ports)
    tx.set(container, 'portNetworkId', chosen.network.id)
  }
}

/**
 * An endpoint of the daemon's own, not of a container: the ingress sandbox's
 * and the per-network load balancers' (shown in `docker network inspect`
 * under keys such as "ingress-sbox" and "lb-<network>").
 */
export function attachServiceEndpoint(
  tx: Tx,
  network: Network,
  options: { key: string; name: string; sandbox?: string },
): Endpoint {
  const pseudo: Container = {
    id: options.key,
    name: options.name,
    image: '',
    cmd: [],
    hostname: options.name,
    created: tx.lab.clock,
    state: 'running',
    pid: 0,
    networkMode: network.name,
    portBindings: [],
    endpointConfigs: [],
    endpoints: {},
    ports: [],
    nextIfIndex: 0,
    labels: {},
  }
  if (!options.sandbox) {
    // Address and record only: the load balancer's plumbing is not modelled.
    const ipv4 = requestAddress(tx, network.pool!, { serial: network.pool?.space === 'global' })
    const endpoint: Endpoint = {
      id: drawEndpointId(tx.lab),
      name: options.name,
      networkId: network.id,
      containerId: options.key,
      ipv4,
      prefixlen: parseCidr(network.pool!.subnet)!.prefix,
      mac: behaviourOf(tx.lab).endpointMac(tx, { ipv4, driver: network.driver }),
      ifname: 'eth0',
      aliases: [],
      gateway: network.gateway ?? '',
    }
    putEndpoint(tx, network, endpoint)
    return endpoint
  }
  return attachEndpoint(tx, pseudo, network, { network: network.name, aliases: [] }, options.sandbox, {
    name: options.name,
    containerId: options.key,
  })
}
