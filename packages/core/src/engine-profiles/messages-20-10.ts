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
  networkHasActiveEndpoints: (network) =>
    `error while removing network: network ${network.name} id ${network.id} has active endpoints`,
  removeRunningContainer: (container) =>
    `You cannot remove a running container ${container.id}. Stop the container before attempting removal or force remove`,
  invalidContainerNetworkMode: () => 'invalid container format container:<name|id>',
  ipOnNonUserDefinedNetwork: () => 'user specified IP address is supported on user defined networks only',
  ipWithoutUserSubnet: () =>
    'user specified IP address is supported only when connecting to networks with user configured subnets',
  aliasOnNonUserDefinedNetwork: () =>
    'network-scoped alias is supported only for containers in user defined networks',
  ipOutsideSubnet: (ip) => `Invalid address ${ip}: It does not belong to any of this network's subnets`,
  invalidIpv4: (ip) => `invalid IPv4 address: ${ip}`,
  // 20.10 checks endpoint settings one by one, when the container joins.
  invalidEndpointSettings: () => undefined,
  networkSetupFailed: (message) => message,
  sharedNamespaceMissing: (ref) => `No such container: ${ref}`,
  sharedNamespaceNotRunning: (target) => `cannot join network of a non running container: ${target.id}`,
  proxyProtocolNotSupported: () => 'Error starting userland proxy: protocol not supported',
  connectToHostNetwork: () =>
    'container cannot be disconnected from host network or connected to host network',
  disconnectFromHostNetwork: () =>
    'container cannot be disconnected from host network or connected to host network',
  endpointExists: (endpoint, network) =>
    `endpoint with name ${endpoint} already exists in network ${network}`,
  invalidFilterKey: (key) => `Invalid filter '${key}'`,
}
