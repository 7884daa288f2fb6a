import { behaviourOf } from '../../engine-profiles/behaviour-of.js'
import { DockerDaemonError } from '../../errors.js'
import { broadcastAddress, formatIPv4, parseCidr } from '../../ipam/ipv4.js'
import { randomKernelMac } from '../../kernel/mac.js'
import {
  addAddress,
  addAddress6,
  addBridge,
  addConnectedRoute,
  addVethPair,
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
import { writeSysctl } from '../../kernel/sysctl.js'
import type { Container, Endpoint, Network } from '../../model/docker.js'
import type { Tx } from '../../model/tx.js'
import type { NetworkDriver } from '../network-driver.js'
import { BRIDGE_OPTIONS, readBridgeConfig } from './bridge-options.js'

function gatewayPrefix(network: Network): { gateway: string; prefix: number; subnet: string } {
  const cidr = network.pool ? parseCidr(network.pool.subnet) : undefined
  if (!network.pool || !cidr || !network.gateway)
    throw new Error(`network ${network.name} has no IPv4 gateway`)
  return { gateway: network.gateway, prefix: cidr.prefix, subnet: network.pool.subnet }
}

/** The prefix length of the network's IPv6 subnet. */
function prefix6Of(network: Network): number {
  return Number(network.pool6?.subnet.split('/')[1] ?? 64)
}

/**
 * A network with IPv6 enabled: its IPv6 gateway on the bridge
 * (setupBridgeIPv6), with IFA_F_NODAD on 28; 20.10 also adds fe80::1/64.
 * Seen on both engines with `--ipv6 --subnet fd00:1::/64`.
 */
function addBridgeIpv6(tx: Tx, network: Network, bridgeName: string): void {
  if (!network.enableIPv6 || !network.gateway6) return
  const host = namespaceOf(tx, 'host')
  const policy = behaviourOf(tx.lab).ipv6
  if (policy.bridgeLinkLocalGateway)
    addAddress6(tx, host, bridgeName, { local: 'fe80::1', prefixlen: 64, scope: 'link' })
  addAddress6(tx, host, bridgeName, {
    local: network.gateway6,
    prefixlen: prefix6Of(network),
    scope: 'global',
    ...(policy.bridgeGatewayNodad ? { nodad: true as const } : {}),
  })
}

/**
 * The network's rules in each family its engine writes: iptables always,
 * ip6tables (28) for a network with an IPv6 subnet. docker0 without IPv6
 * and an IPv4-only network get no ip6tables rule (seen on 28.5.2).
 */
function bridgeRuleSets(tx: Tx, network: Network, subnet: string) {
  const config = readBridgeConfig(network)
  const rules = {
    bridgeName: config.bridgeName,
    icc: config.icc,
    masquerade: config.masquerade,
    internal: config.internal,
    hairpin: !tx.lab.profile.userlandProxy,
  }
  const behaviour = behaviourOf(tx.lab)
  const sets = [{ firewaller: behaviour.firewaller, config: { ...rules, subnet } }]
  const v6 = behaviour.firewaller6
  if (v6 && network.enableIPv6 && network.pool6)
    sets.push({ firewaller: v6, config: { ...rules, subnet: network.pool6.subnet } })
  return sets
}

/**
 * Creates the Linux bridge of a bridge network and programs its firewall, as
 * the driver's setup steps do: device, address, iptables, isolation, up.
 */
export function createBridgeNetwork(tx: Tx, network: Network): void {
  const config = readBridgeConfig(network)
  const host = namespaceOf(tx, 'host')
  const twin = tx.lab.networks.find((n) => n.driver === 'bridge' && n.device === config.bridgeName)
  if (twin) {
    throw new DockerDaemonError(
      'CONFLICT',
      behaviourOf(tx.lab).messages.bridgeNameConflict(network, twin, config.bridgeName),
    )
  }
  const { gateway, prefix, subnet } = gatewayPrefix(network)
  addBridge(tx, host, config.bridgeName, behaviourOf(tx.lab).bridgeMac(tx), config.mtu)
  const brd = formatIPv4(broadcastAddress(parseCidr(`${gateway}/${prefix}`)?.ip ?? 0, prefix))
  addAddress(tx, host, config.bridgeName, {
    local: gateway,
    prefixlen: prefix,
    broadcast: brd,
    scope: 'global',
  })
  addBridgeIpv6(tx, network, config.bridgeName)
  for (const set of bridgeRuleSets(tx, network, subnet)) set.firewaller.programBridgeRules(tx, set.config)
  // userland-proxy=false: the driver turns route_localnet on for the bridge (bridge.go's
  // setupLoopbackAddressesRouting), so that the host's own packets for 127.0.0.1:PORT, DNATed to a
  // container, and their answers, are not martians to the kernel.
  if (!tx.lab.profile.userlandProxy)
    writeSysctl(tx, host, `net.ipv4.conf.${config.bridgeName}.route_localnet`, '1')
  setLinkUp(tx, host, config.bridgeName)
  addConnectedRoute(tx, host, { subnet, dev: config.bridgeName, src: gateway })
  const bridge = findLink(host, config.bridgeName)
  if (bridge) {
    // A bridge with no port up has no carrier: its route is "linkdown".
    const route = host.routes.find((r) => r.dev === config.bridgeName)
    if (route && bridge.operstate !== 'UP') tx.set(route, 'flags', ['linkdown'])
  }
  tx.set(network, 'device', config.bridgeName)
}

/** Deletes the bridge and every rule the driver wrote for it. */
export function deleteBridgeNetwork(tx: Tx, network: Network): void {
  const config = readBridgeConfig(network)
  const { subnet } = gatewayPrefix(network)
  for (const set of bridgeRuleSets(tx, network, subnet)) set.firewaller.removeBridgeRules(tx, set.config)
  deleteLink(tx, namespaceOf(tx, 'host'), config.bridgeName)
}

/**
 * Joins a container's sandbox to a bridge network: the veth pair the seed
 * article describes. One end (veth + 7 hex) becomes a port of the bridge; the
 * other moves into the container's namespace and is renamed ethN, with the
 * endpoint's MAC and address. The default route is the engine's to choose
 * (the sandbox's gateway endpoint), not the driver's.
 */
export function joinBridgeEndpoint(tx: Tx, network: Network, endpoint: Endpoint, sandbox: string): void {
  const config = readBridgeConfig(network)
  const host = namespaceOf(tx, 'host')
  const ns = namespaceOf(tx, sandbox)
  // libnetwork netutils.GenerateIfaceName draws again when the name exists.
  const hostVeth = unusedVethName(tx, host)
  const tmpPeer = unusedVethName(tx, host, hostVeth)
  const { host: hostEnd, peer } = addVethPair(tx, host, hostVeth, tmpPeer, config.mtu)
  tx.set(hostEnd, 'address', randomKernelMac(tx.lab.rng))
  tx.set(peer, 'address', randomKernelMac(tx.lab.rng))
  setMaster(tx, host, hostVeth, config.bridgeName)
  setLinkUp(tx, host, hostVeth)
  moveLink(tx, host, ns, tmpPeer)
  renameLink(tx, ns, tmpPeer, endpoint.ifname)
  setLinkMac(tx, ns, endpoint.ifname, endpoint.mac)
  const cidr = parseCidr(`${endpoint.ipv4}/${endpoint.prefixlen}`)
  const brd = cidr ? formatIPv4(broadcastAddress(cidr.ip, cidr.prefix)) : undefined
  addAddress(tx, ns, endpoint.ifname, {
    local: endpoint.ipv4,
    prefixlen: endpoint.prefixlen,
    ...(brd ? { broadcast: brd } : {}),
    scope: 'global',
  })
  // An endpoint's IPv6 address is added without DAD on both engines (seen: `nodad` in the container).
  if (endpoint.ipv6) {
    addAddress6(tx, ns, endpoint.ifname, {
      local: endpoint.ipv6,
      prefixlen: endpoint.prefixlen6 ?? prefix6Of(network),
      scope: 'global',
      nodad: true,
    })
  }
  setLinkUp(tx, ns, endpoint.ifname)
  const { subnet } = gatewayPrefix(network)
  addConnectedRoute(tx, ns, { subnet, dev: endpoint.ifname, src: endpoint.ipv4 })
  tx.set(endpoint, 'hostVeth', hostVeth)
  for (const { firewaller, address } of endpointRuleSets(tx, endpoint))
    firewaller.joinEndpoint(tx, { bridgeName: config.bridgeName, internal: config.internal, address })
}

/** An endpoint's rules in each family: its IPv4 address, and its IPv6 one where ip6tables is written. */
function endpointRuleSets(tx: Tx, endpoint: Endpoint) {
  const behaviour = behaviourOf(tx.lab)
  const sets = [{ firewaller: behaviour.firewaller, address: endpoint.ipv4 }]
  if (behaviour.firewaller6 && endpoint.ipv6)
    sets.push({ firewaller: behaviour.firewaller6, address: endpoint.ipv6 })
  return sets
}

/** Removes an endpoint's rules and its veth pair (deleting one end removes both). */
export function leaveBridgeEndpoint(tx: Tx, network: Network, endpoint: Endpoint): void {
  const config = readBridgeConfig(network)
  for (const { firewaller, address } of endpointRuleSets(tx, endpoint))
    firewaller.leaveEndpoint(tx, { bridgeName: config.bridgeName, internal: config.internal, address })
  if (!endpoint.hostVeth) return
  const host = namespaceOf(tx, 'host')
  if (findLink(host, endpoint.hostVeth)) deleteLink(tx, host, endpoint.hostVeth)
}

/**
 * The bridge driver (libnetwork drivers/bridge): a Linux bridge per network,
 * a veth pair per endpoint, and the firewall rules of both; its gateway
 * endpoint publishes ports unless the network is internal.
 *
 * @example
 * BRIDGE_DRIVER.createNetwork(tx, network)
 */
export const BRIDGE_DRIVER: NetworkDriver = Object.freeze({
  name: 'bridge',
  options: Object.freeze(Object.values(BRIDGE_OPTIONS)),
  scope: 'local',
  singleInstance: false,
  addressed: true,
  ipv6: true,
  givesGateway: () => true,
  publishesPorts: (network: Network) => !network.internal,
  createNetwork: createBridgeNetwork,
  deleteNetwork: deleteBridgeNetwork,
  join: joinBridgeEndpoint,
  leave: (tx: Tx, network: Network, endpoint: Endpoint) => leaveBridgeEndpoint(tx, network, endpoint),
} as const)

export type { Container }
