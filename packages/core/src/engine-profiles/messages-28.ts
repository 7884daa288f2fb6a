import type { DaemonMessages } from './daemon-messages.js'
import { MESSAGES_20_10 } from './messages-20-10.js'

// libnetwork's multierror.Join: one problem alone, several as a "* " list.
function joined(problems: readonly string[]): string {
  return problems.length === 1 ? (problems[0] ?? '') : problems.map((p) => `* ${p}`).join('\n')
}

/**
 * Docker Engine 28's texts (observed on a 28.5.2 engine, conformance/ENGINE-28.md
 * section 7.1); what is not listed here is worded as in 20.10.
 */
export const MESSAGES_28: DaemonMessages = {
  ...MESSAGES_20_10,
  // ipam/allocator.go RequestPool wraps the overlap as an invalid pool request.
  poolOverlap: () => 'invalid pool request: Pool overlaps with other one on this address space',
  // ipamapi.ErrNoMoreSubnets.
  predefinedPoolsExhausted: () => 'all predefined address pools have been fully subnetted',
  // api/types/network ValidateIPAM, wrapped by daemon/network.go as an invalid network config.
  invalidSubnet: (subnet) => `invalid network config:\ninvalid subnet ${subnet}: invalid CIDR block notation`,
  unalignedSubnet: (subnet, aligned) =>
    `invalid network config:\ninvalid subnet ${subnet}: it should be ${aligned}`,
  // ValidateIPAM again (seen with --gateway fd00:17::1/64 and --ip-range fd00:14::/112 in a /120).
  invalidGateway: (gateway) => `invalid network config:\ninvalid gateway ${gateway}: invalid address`,
  ipRangeWiderThanSubnet: (range, subnet) =>
    `invalid network config:\ninvalid ip-range ${range}: CIDR block is bigger than its parent subnet ${subnet}`,
  // libnetwork ActiveEndpointsError: each endpoint's name and short id.
  networkHasActiveEndpoints: (network, endpoints) =>
    `error while removing network: network ${network.name} has active endpoints (${endpoints
      .map((e) => `name:"${e.name}" id:"${e.id.slice(0, 12)}"`)
      .join(', ')})`,
  // errdefs.Conflict(errNotRunning), lower-cased since moby 23 (seen on 28.5.2 for docker exec).
  containerNotRunning: (id) => `container ${id} is not running`,
  execAlreadyRan: (id) => `exec command ${id} has already run`,
  removeRunningContainer: (_container, ref) =>
    `cannot remove container "${ref}": container is running: stop the container before removing or force remove`,
  invalidContainerNetworkMode: () => 'invalid network mode: invalid container format container:<name|id>',
  ipOutsideSubnet: (ip) => `no configured subnet or ip-range contain the IP address ${ip}`,
  invalidEndpointSettings: (problems, network) => {
    if (problems.length === 0) return undefined
    const settings = `invalid endpoint settings:\n${joined(problems)}`
    return network === undefined ? settings : `invalid config for network ${network}: ${settings}`
  },
  // daemon/container_operations.go initializeNetworking.
  networkSetupFailed: (message) => `failed to set up container networking: ${message}`,
  sharedNamespaceMissing: (ref) => `joining network namespace of container: No such container: ${ref}`,
  sharedNamespaceNotRunning: (target) =>
    `cannot join network namespace of a non running container: container ${target.name} is ${target.state}`,
  proxyProtocolNotSupported: (hostIp, hostPort) =>
    `error starting userland proxy: failed to listen on ${hostIp}:${hostPort}: protocol not supported`,
  // A host-mode container already has the host endpoint; others cannot get one.
  connectToHostNetwork: (inHostMode) =>
    inHostMode
      ? undefined
      : 'cannot connect container to host network - container must be created in host network mode',
  // Only a host-mode container gets this; others are "not connected to network host".
  disconnectFromHostNetwork: (inHostMode) =>
    inHostMode
      ? 'cannot disconnect container from host network - container was created in host network mode'
      : undefined,
  invalidFilterKey: (key) => `invalid filter '${key}'`,
  invalidStatusFilter: (value) =>
    `invalid filter 'status=${value}': invalid value for state (${value}): must be one of created, running, paused, restarting, removing, exited, dead`,
  invalidIsTaskFilter: (values) => `invalid filter 'is-task=[${values.join(' ')}]'`,
  invalidHealthFilter: (value) =>
    `invalid filter 'health=${value}': invalid value for health (${value}): must be one of none, starting, healthy, unhealthy`,
  invalidExitedFilter: (value) =>
    `invalid filter 'exited=${value}': strconv.Atoi: parsing "${value}": invalid syntax`,
  // go-connections nat.ParsePortRange: strconv's error for the first part that is not a port.
  invalidPortFilter: (key, value, range) => {
    const bad =
      range
        .split('-')
        .slice(0, 2)
        .find((part) => !/^[0-9]+$/.test(part)) ?? range
    return `error while looking up for ${key} ${value}: strconv.ParseUint: parsing ${JSON.stringify(bad)}: invalid syntax`
  },
}
