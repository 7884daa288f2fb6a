import { DockerDaemonError } from '../../errors.js'
import { broadcastAddress, formatIPv4, parseCidr } from '../../ipam/ipv4.js'
import { releaseAddress } from '../../ipam/pool.js'
import { ipOperation } from '../../kernel/ip-operation.js'
import { randomKernelMac } from '../../kernel/mac.js'
import {
  addAddress,
  addBridge,
  addConnectedRoute,
  addLink,
  addVethPair,
  createNamespace,
  deleteLink,
  findLink,
  moveLink,
  namespaceOf,
  renameLink,
  setLinkMac,
  setLinkUp,
  setMaster,
  unusedVethName,
} from '../../kernel/netlink.js'
import type { Endpoint, Network } from '../../model/docker.js'
import { dropEndpoint } from '../../model/endpoint-records.js'
import type { Tx } from '../../model/tx.js'
import type { NetworkDriver } from '../network-driver.js'
import { programPeer } from './overlay-peers.js'

/** VXLAN adds 50 bytes (outer Ethernet, IP, UDP, VXLAN headers): 1500 - 50 (moby overlay.go). */
export const OVERLAY_MTU = 1450
/** IANA's VXLAN port, where the overlay driver's tunnels listen. */
export const VXLAN_PORT = 4789

/** The namespace holding an overlay network's bridge and VXLAN device: `1-<network id 10>`. */
export function overlayNamespaceId(network: Network): string {
  return `/var/run/docker/netns/1-${network.id.slice(0, 10)}`
}

/**
 * Creates an overlay network: it needs swarm, takes a VXLAN id (from 4096 up,
 * clear of 802.1Q's range) and lives in its own namespace where a bridge
 * `br0` joins the VXLAN device and the containers' veths.
 */
export function createOverlayNetwork(tx: Tx, network: Network): void {
  const swarm = tx.lab.swarm
  if (!swarm) throw new DockerDaemonError('UNSUPPORTED', 'This node is not a swarm manager.')
  // Only managers hold the cluster's network store (daemon/network.go createNetwork: cluster.CreateNetwork).
  if (swarm.role === 'worker')
    throw new DockerDaemonError(
      'UNSUPPORTED',
      'Cannot create a multi-host network from a worker node. Please create the network from a manager node.',
    )
  tx.set(network, 'vni', swarm.nextVni)
  tx.set(swarm, 'nextVni', swarm.nextVni + 1)
  if (!network.options['com.docker.network.driver.overlay.vxlanid_list']) {
    tx.set(network, 'options', {
      ...network.options,
      'com.docker.network.driver.overlay.vxlanid_list': String(network.vni),
    })
  }
}

/** Builds the overlay namespace of a network the first time a container on this node joins it. */
function ensureOverlaySandbox(tx: Tx, network: Network): string {
  const id = overlayNamespaceId(network)
  if (tx.lab.namespaces[id]) return id
  const ns = createNamespace(tx, id)
  const cidr = parseCidr(network.pool?.subnet ?? '')
  addBridge(tx, ns, 'br0', randomKernelMac(tx.lab.rng), OVERLAY_MTU)
  if (cidr && network.gateway) {
    addAddress(tx, ns, 'br0', {
      local: network.gateway,
      prefixlen: cidr.prefix,
      broadcast: formatIPv4(broadcastAddress(cidr.ip, cidr.prefix)),
      scope: 'global',
    })
  }
  tx.log(
    ipOperation(id, [
      'link',
      'add',
      'vxlan0',
      'type',
      'vxlan',
      'id',
      String(network.vni),
      'dstport',
      String(VXLAN_PORT),
      'proxy',
      'learning',
    ]),
  )
  addLink(tx, ns, {
    ifname: 'vxlan0',
    kind: 'vxlan',
    flags: ['BROADCAST', 'MULTICAST'],
    mtu: OVERLAY_MTU,
    address: randomKernelMac(tx.lab.rng),
    operstate: 'DOWN',
    info: { id: network.vni ?? 0, dstport: VXLAN_PORT },
    addrs: [],
  })
  setMaster(tx, ns, 'vxlan0', 'br0')
  setLinkUp(tx, ns, 'vxlan0')
  setLinkUp(tx, ns, 'br0')
  if (cidr) {
    addConnectedRoute(tx, ns, { subnet: network.pool?.subnet ?? '', dev: 'br0', src: network.gateway ?? '' })
  }
  // peerDbUpdateSandbox: the peers gossip told of before this node had the network.
  for (const peer of network.peers ?? []) programPeer(tx, ns, peer)
  return id
}

/**
 * Joins a container to an overlay network: a veth pair from the overlay
 * namespace's br0 to the container, MTU 1450, MAC derived from the IP (the
 * overlay driver still does so). North-south traffic goes through
 * docker_gwbridge, which the engine attaches as a second interface.
 */
export function joinOverlayEndpoint(tx: Tx, network: Network, endpoint: Endpoint, sandbox: string): void {
  const ovId = ensureOverlaySandbox(tx, network)
  if (!network.instantiated) tx.set(network, 'instantiated', true)
  const ov = namespaceOf(tx, ovId)
  const ns = namespaceOf(tx, sandbox)
  // libnetwork netutils.GenerateIfaceName draws again when the name exists.
  const hostVeth = unusedVethName(tx, ov)
  const tmpPeer = unusedVethName(tx, ov, hostVeth)
  addVethPair(tx, ov, hostVeth, tmpPeer, OVERLAY_MTU)
  const hostEnd = findLink(ov, hostVeth)
  if (hostEnd) tx.set(hostEnd, 'address', randomKernelMac(tx.lab.rng))
  setMaster(tx, ov, hostVeth, 'br0')
  setLinkUp(tx, ov, hostVeth)
  moveLink(tx, ov, ns, tmpPeer)
  renameLink(tx, ns, tmpPeer, endpoint.ifname)
  setLinkMac(tx, ns, endpoint.ifname, endpoint.mac)
  const cidr = parseCidr(`${endpoint.ipv4}/${endpoint.prefixlen}`)
  addAddress(tx, ns, endpoint.ifname, {
    local: endpoint.ipv4,
    prefixlen: endpoint.prefixlen,
    ...(cidr ? { broadcast: formatIPv4(broadcastAddress(cidr.ip, cidr.prefix)) } : {}),
    scope: 'global',
  })
  setLinkUp(tx, ns, endpoint.ifname)
  addConnectedRoute(tx, ns, { subnet: network.pool?.subnet ?? '', dev: endpoint.ifname, src: endpoint.ipv4 })
  tx.set(endpoint, 'hostVeth', hostVeth)
}

/** Removes an overlay network's namespace (built by its first join on this node). */
function deleteOverlayNetwork(tx: Tx, network: Network): void {
  const ns = overlayNamespaceId(network)
  if (tx.lab.namespaces[ns]) tx.remove(tx.lab.namespaces, ns)
}

/** Deletes the endpoint's veth from the overlay namespace's br0 (its peer goes with it). */
function leaveOverlayEndpoint(tx: Tx, network: Network, endpoint: Endpoint): void {
  if (!endpoint.hostVeth) return
  const ov = tx.lab.namespaces[overlayNamespaceId(network)]
  if (ov && findLink(ov, endpoint.hostVeth)) deleteLink(tx, ov, endpoint.hostVeth)
}

/** The load balancer leaves with the network's last container on this node. */
function releaseIdleLoadBalancers(tx: Tx, network: Network): void {
  const rest = Object.values(network.endpoints)
  if (rest.every((e) => e.containerId.startsWith('lb-'))) {
    for (const lb of rest) {
      if (network.pool) releaseAddress(tx, network.pool, lb.ipv4)
      dropEndpoint(tx, network, lb.id)
    }
  }
}

/**
 * The overlay driver (libnetwork drivers/overlay): swarm-scoped (DataScope
 * global); its endpoints give no gateway, north-south traffic leaving
 * through docker_gwbridge instead.
 *
 * @example
 * OVERLAY_DRIVER.scope // 'global'
 */
export const OVERLAY_DRIVER: NetworkDriver = Object.freeze({
  name: 'overlay',
  options: Object.freeze(['com.docker.network.driver.overlay.vxlanid_list']),
  scope: 'global',
  singleInstance: false,
  addressed: true,
  givesGateway: () => false,
  publishesPorts: () => false,
  createNetwork: createOverlayNetwork,
  deleteNetwork: deleteOverlayNetwork,
  join: joinOverlayEndpoint,
  leave: leaveOverlayEndpoint,
  endpointLeft: releaseIdleLoadBalancers,
} as const)
