import type { DaemonMessages } from './daemon-messages.js'

/**
 * Docker Engine 20.10's texts, byte for byte as its daemon returns them
 * (the conformance recordings come from a 20.10.24 engine).
 */
export const MESSAGES_20_10: DaemonMessages = {
  // libnetwork ipamapi/contract.go ErrPoolOverlap.
  poolOverlap: () => 'Pool overlaps with other one on this address space',
  // ipam/allocator.go getPredefinedPool.
  predefinedPoolsExhausted: (v) =>
    `could not find an available, non-overlapping IPv${v} address pool among the defaults to assign to the network`,
  // daemon/network.go: net.ParseCIDR's error, with its odd space before the colon.
  invalidSubnet: (subnet) => `Invalid subnet ${subnet} : invalid CIDR address: ${subnet}`,
  // 20.10 keeps a --subnet with host bits set as given.
  unalignedSubnet: () => undefined,
  // libnetwork IpamConf.Validate.
  invalidGateway: (gateway) => `invalid gateway address ${gateway} in Ipam configuration`,
  // 20.10 takes an --ip-range wider than its subnet (seen: fd00:14::/112 in fd00:14::/120).
  ipRangeWiderThanSubnet: () => undefined,
  // libnetwork network.go ipamAllocateVersion (seen with --gateway fd00:16:: on both engines).
  gatewayAllocationFailed: (gateway, reason) => `failed to allocate gateway (${gateway}): ${reason}`,
  pluginNotFound: (driver) => `plugin "${driver}" not found`,
  singleInstanceDriver: (driver) => `only one instance of "${driver}" network is allowed`,
  networkNameTaken: (name) => `network with name ${name} already exists`,
  scopeDowngrade: (driver) => `cannot downgrade network scope for ${driver} networks`,
  notSwarmManager: () =>
    'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
  multipleSubnets: (driver) => `${driver} driver doesn't support multiple subnets`,
  secondaryAddressFailed: (name, ip, reason) =>
    `failed to allocate secondary ip address (${name}:${ip}): ${reason}`,
  configOnlyOperatorFields: () =>
    'configuration network can only contain network specific fields. Network operator fields like [ ingress | internal | attachable | scope ] are not supported.',
  configFromConfigOnly: () => 'a configuration network cannot depend on another configuration network',
  configFromUserSettings: () =>
    'user specified configurations are not supported if the network depends on a configuration network',
  configFromDriverOptions: () =>
    'network driver options are not supported if the network depends on a configuration network',
  configNetworkMissing: (name) => `configuration network "${name}" does not exist`,
  invalidSubinterfaceMode: (driver, mode) =>
    driver === 'macvlan'
      ? `requested macvlan mode '${mode}' is not valid, 'bridge' mode is the macvlan driver default`
      : `requested ipvlan mode '${mode}' is not valid, 'l2' mode is the ipvlan driver default`,
  parentInUse: (prefix, networkId, parent) =>
    `network ${prefix}${networkId.slice(0, 12)} is already using parent interface ${parent}`,
  invalidVlanName: (parent) => `invalid subinterface vlan name ${parent}, example formatting is eth0.10`,
  parentNotFound: (parent) => `-o parent interface was not found on the host: ${parent}`,
  vlanUnsupported: (parent) => `failed to create ${parent} vlan link: operation not supported`,
  operationNotSupported: () => 'operation not supported',
  ipvlanPortUnsupported: () => 'failed to create the ipvlan port: operation not supported',
  macvlanPortInvalid: () => 'failed to create the macvlan port: invalid argument',
  bridgeNameConflict: (network, other, bridge) =>
    `cannot create network ${network.id} (${bridge}): conflicts with network ${other.id} (${bridge}): networks have same bridge name`,
  predefinedNetworkRemove: (name) => `${name} is a pre-defined network and cannot be removed`,
  configNetworkInUse: (name) => `error while removing network: configuration network "${name}" is in use`,
  networkHasActiveEndpoints: (network) =>
    `error while removing network: network ${network.name} id ${network.id} has active endpoints`,
  containerNotRunning: (id) => `Container ${id} is not running`,
  execAlreadyRan: (id) => `Error: Exec command ${id} has already run`,
  removeRunningContainer: (container) =>
    `You cannot remove a running container ${container.id}. Stop the container before attempting removal or force remove`,
  invalidContainerName: (name) =>
    `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
  containerNameTaken: (existing) =>
    `Conflict. The container name "/${existing.name}" is already in use by container "${existing.id}". You have to remove (or rename) that container to be able to reuse that name.`,
  conflictingOptions: (what) => `conflicting options: ${what}`,
  linkTargetMissing: (name) => `could not get container for ${name}: No such container: ${name}`,
  linkOwnerMissing: (ref) => `Could not get container for ${ref}: No such container: ${ref}`,
  linkTargetNotRunning: (child, container, alias) =>
    `Cannot link to a non running container: /${child} AS /${container}/${alias}`,
  invalidContainerNetworkMode: () => 'invalid container format container:<name|id>',
  ipOnNonUserDefinedNetwork: () => 'user specified IP address is supported on user defined networks only',
  ipWithoutUserSubnet: () =>
    'user specified IP address is supported only when connecting to networks with user configured subnets',
  aliasOnNonUserDefinedNetwork: () =>
    'network-scoped alias is supported only for containers in user defined networks',
  ipOutsideSubnet: (ip) => `Invalid address ${ip}: It does not belong to any of this network's subnets`,
  invalidIpv4: (ip) => `invalid IPv4 address: ${ip}`,
  invalidIpv6: (ip) => `invalid IPv6 address: ${ip}`,
  // 20.10 checks endpoint settings one by one, when the container joins.
  invalidEndpointSettings: () => undefined,
  networkSetupFailed: (message) => message,
  sharedNamespaceMissing: (ref) => `No such container: ${ref}`,
  sharedNamespaceNotRunning: (target) => `cannot join network of a non running container: ${target.id}`,
  networkNotFound: (ref) => `network ${ref} not found`,
  overlayNotAttachable: (network) =>
    `Could not attach to network ${network}: rpc error: code = PermissionDenied desc = network ${network} not manually attachable`,
  configOnlyEndpoint: () => 'cannot create endpoint on configuration-only network',
  noAvailableIpv4: (network) =>
    `no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`,
  noAvailableIpv6: (network) =>
    `no available IPv6 addresses on this network's address pools: ${network.name} (${network.id})`,
  externalConnectivityFailed: (endpoint, reason) =>
    `driver failed programming external connectivity on endpoint ${endpoint.name} (${endpoint.id}): ${reason}`,
  // portallocator: an IPv6 address in brackets.
  portAllocated: (hostIp, hostPort) =>
    `Bind for ${hostIp.includes(':') ? `[${hostIp}]` : hostIp}:${hostPort} failed: port is already allocated`,
  ephemeralPortsExhausted: (hostIp) => `Bind for ${hostIp}:0 failed: all ports are allocated`,
  proxyProtocolNotSupported: () => 'Error starting userland proxy: protocol not supported',
  connectToHostNetwork: () =>
    'container cannot be disconnected from host network or connected to host network',
  disconnectFromHostNetwork: () =>
    'container cannot be disconnected from host network or connected to host network',
  sharedNamespaceConnect: () =>
    'container sharing network namespace with another container or host cannot be connected to any other network',
  privateModeMultipleNetworks: () =>
    'container cannot be connected to multiple networks with one of the networks in private (none) mode',
  notConnected: (containerId, network) => `container ${containerId} is not connected to network ${network}`,
  endpointExists: (endpoint, network) =>
    `endpoint with name ${endpoint} already exists in network ${network}`,
  alreadyInSwarm: () =>
    'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.',
  notInSwarm: () => 'This node is not part of a swarm',
  leaveLastManager: () =>
    'You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.',
  invalidFilterKey: (key) => `Invalid filter '${key}'`,
  invalidStatusFilter: (value) => `Invalid filter 'status=${value}'`,
  invalidIsTaskFilter: (values) => `Invalid filter 'is-task=[${values.join(' ')}]'`,
  invalidHealthFilter: (value) => `Unrecognised filter value for health: ${value}`,
  invalidExitedFilter: (value) => `strconv.Atoi: parsing "${value}": invalid syntax`,
  invalidPortFilter: (key, value, range) =>
    `error while looking up for ${key} ${value}: invalid port range: ${range}`,
}
