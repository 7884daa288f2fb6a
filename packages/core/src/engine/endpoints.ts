import { joinBridgeEndpoint, leaveBridgeEndpoint } from '../drivers/bridge/bridge-driver.js'
import { joinIpvlanEndpoint } from '../drivers/ipvlan/ipvlan-driver.js'
import { joinMacvlanEndpoint } from '../drivers/macvlan/macvlan-driver.js'
import { joinOverlayEndpoint } from '../drivers/overlay/overlay-driver.js'
import { addRoute, deleteLink, findLink, namespaceOf } from '../drivers/_kernel.js'
import { macFromIp } from '../drivers/_mac.js'
import { DockerDaemonError } from '../errors.js'
import { parseCidr } from '../ipam/ipv4.js'
import { releaseAddress, requestAddress } from '../ipam/pool.js'
import type { Container, Endpoint, EndpointRequest, Network } from '../model/docker.js'
import { drawHex } from '../rng.js'
import type { Tx } from './_tx.js'
import { publishPorts, unpublishPorts } from './ports.js'

/** User-defined networks: everything but the predefined bridge, host and none. */
export function isUserDefined(network: Network): boolean {
  return !(
    (network.name === 'bridge' && network.driver === 'bridge') ||
    network.driver === 'host' ||
    network.driver === 'null'
  )
}

/** Networks whose endpoints carry an address (not host, not none). */
function hasEndpoints(network: Network): boolean {
  return network.driver !== 'host' && network.driver !== 'null'
}

/**
 * The aliases Docker 20.10 records for an endpoint on a user-defined network:
 * the user's, then the short container id, then the hostname when it differs
 * from the name (daemon/container_operations.go).
 */
function endpointAliases(container: Container, network: Network, requested: string[]): string[] {
  if (!isUserDefined(network)) return [...requested]
  const aliases = [...requested]
  const shortId = container.id.slice(0, 12)
  if (!aliases.includes(shortId)) aliases.push(shortId)
  if (container.hostname !== container.name && !aliases.includes(container.hostname)) aliases.push(container.hostname)
  return aliases
}

/**
 * Allocates and joins one endpoint: address (static --ip or lowest free),
 * MAC (--mac-address on the first network, else derived from the IP), the
 * next ethN of the sandbox, then the driver's plumbing.
 */
export function attachEndpoint(
  tx: Tx,
  container: Container,
  network: Network,
  request: EndpointRequest,
  sandbox: string,
): Endpoint {
  if (!hasEndpoints(network)) {
    // host and none networks get an endpoint with no interface of its own.
    const bare: Endpoint = {
      id: drawHex(tx.lab.rng, 64),
      name: container.name,
      networkId: network.id,
      containerId: container.id,
      ipv4: '',
      prefixlen: 0,
      mac: '',
      ifname: '',
      aliases: [],
      gateway: '',
    }
    tx.set(network.endpoints, bare.id, bare)
    tx.set(container.endpoints, network.id, bare.id)
    return bare
  }
  if (Object.values(network.endpoints).some((e) => e.name === container.name)) {
    throw new DockerDaemonError('CONFLICT', `endpoint with name ${container.name} already exists in network ${network.name}`)
  }
  const pool = network.pool
  const cidr = pool ? parseCidr(pool.subnet) : undefined
  if (!pool || !cidr || !network.gateway) throw new Error(`network ${network.name} has no pool`)
  if (request.ip) {
    if (!isUserDefined(network)) {
      throw new DockerDaemonError('INVALID_INPUT', 'user specified IP address is supported on user defined networks only')
    }
    if (pool.predefined) {
      throw new DockerDaemonError(
        'INVALID_INPUT',
        'user specified IP address is supported only when connecting to networks with user configured subnets',
      )
    }
    const ip = parseCidr(`${request.ip}/32`)
    if (!ip || !((ip.ip >>> 0) >= cidr.ip && ip.ip < cidr.ip + 2 ** (32 - cidr.prefix))) {
      throw new DockerDaemonError('INVALID_INPUT', `Invalid address ${request.ip}: It does not belong to any of this network's subnets`)
    }
  }
  const ipRange = network.ipam.config[0]?.ipRange
  const ipv4 = (() => {
    try {
      return requestAddress(tx, pool, {
        ...(request.ip ? { preferred: request.ip } : {}),
        ...(ipRange ? { ipRange } : {}),
        serial: pool.space === 'global',
      })
    } catch (error) {
      if ((error as DockerDaemonError).code === 'EXHAUSTED') {
        throw new DockerDaemonError(
          'EXHAUSTED',
          `no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`,
        )
      }
      throw error
    }
  })()
  const ifname = `eth${container.nextIfIndex}`
  tx.set(container, 'nextIfIndex', container.nextIfIndex + 1)
  const endpoint: Endpoint = {
    id: drawHex(tx.lab.rng, 64),
    name: container.name,
    networkId: network.id,
    containerId: container.id,
    ipv4,
    prefixlen: cidr.prefix,
    mac: request.mac ?? macFromIp(ipv4),
    ifname,
    aliases: endpointAliases(container, network, request.aliases),
    ...(request.ip ? { requestedIp: request.ip } : {}),
    gateway: network.gateway,
  }
  const join = { defaultRoute: false }
  if (network.driver === 'bridge') joinBridgeEndpoint(tx, network, endpoint, sandbox, join)
  else if (network.driver === 'macvlan') joinMacvlanEndpoint(tx, network, endpoint, sandbox, join)
  else if (network.driver === 'ipvlan') joinIpvlanEndpoint(tx, network, endpoint, sandbox, join)
  else if (network.driver === 'overlay') joinOverlayEndpoint(tx, network, endpoint, sandbox)
  tx.set(network.endpoints, endpoint.id, endpoint)
  tx.set(container.endpoints, network.id, endpoint.id)
  return endpoint
}

/** Leaves one network: driver teardown, then the address goes back to the pool. */
export function detachEndpoint(tx: Tx, container: Container, network: Network): void {
  const endpointId = container.endpoints[network.id]
  if (!endpointId) return
  const endpoint = network.endpoints[endpointId]
  if (endpoint) {
    if (network.driver === 'bridge' || network.driver === 'overlay') {
      if (network.driver === 'bridge') leaveBridgeEndpoint(tx, endpoint)
      else if (endpoint.hostVeth) {
        const ov = tx.lab.namespaces[`/var/run/docker/netns/1-${network.id.slice(0, 10)}`]
        if (ov && findLink(ov, endpoint.hostVeth)) deleteLink(tx, ov, endpoint.hostVeth)
      }
    } else if (container.sandbox) {
      const ns = tx.lab.namespaces[container.sandbox]
      if (ns && findLink(ns, endpoint.ifname)) deleteLink(tx, ns, endpoint.ifname)
    }
    if (network.pool) releaseAddress(tx, network.pool, endpoint.ipv4)
    tx.remove(network.endpoints, endpointId)
  }
  tx.remove(container.endpoints, network.id)
}

/**
 * The endpoint that provides the default route (libnetwork's epHeap order in
 * 20.10): not docker_gwbridge, not internal, then network name ascending.
 */
export function gatewayEndpoint(tx: Tx, container: Container): { network: Network; endpoint: Endpoint } | undefined {
  const candidates: { network: Network; endpoint: Endpoint }[] = []
  for (const [networkId, endpointId] of Object.entries(container.endpoints)) {
    const network = tx.lab.networks.find((n) => n.id === networkId)
    const endpoint = network?.endpoints[endpointId]
    if (network && endpoint && endpoint.ipv4 && !network.internal) candidates.push({ network, endpoint })
  }
  const rank = (c: { network: Network }) => (c.network.name === 'docker_gwbridge' ? 1 : 0)
  candidates.sort((a, b) => rank(a) - rank(b) || (a.network.name < b.network.name ? -1 : a.network.name > b.network.name ? 1 : 0))
  return candidates[0]
}

/**
 * Re-elects the gateway endpoint after a join or leave: moves the default
 * route, and the published ports with it (they live on the gateway endpoint).
 */
export function refreshGateway(tx: Tx, container: Container): void {
  if (!container.sandbox || container.sandbox === 'host') return
  const ns = namespaceOf(tx, container.sandbox)
  const chosen = gatewayEndpoint(tx, container)
  const current = ns.routes.find((r) => r.dst === 'default')
  if (current && chosen && current.dev === chosen.endpoint.ifname && current.gateway === chosen.endpoint.gateway) return
  if (current) {
    tx.log(`ip -n ${container.sandbox.split('/').pop()} route del default`)
    tx.set(ns, 'routes', ns.routes.filter((r) => r !== current))
  }
  const portNetwork = tx.lab.networks.find((n) => n.id === container.portNetworkId)
  if (container.portNetworkId) {
    unpublishPorts(tx, container, portNetwork)
    tx.set(container, 'ports', [])
    tx.remove(container, 'portNetworkId')
  }
  if (!chosen) return
  addRoute(tx, ns, { dst: 'default', gateway: chosen.endpoint.gateway, dev: chosen.endpoint.ifname }, { at: 0 })
  if (chosen.network.driver === 'bridge' && container.portBindings.length > 0) {
    const ports = publishPorts(tx, container, chosen.network, chosen.endpoint)
    tx.set(container, 'ports', ports)
    tx.set(container, 'portNetworkId', chosen.network.id)
  }
}
