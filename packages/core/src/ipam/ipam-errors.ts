import { DockerDaemonError } from '../errors.js'

/**
 * libnetwork's IPAM errors (ipamapi/contract.go in Docker 20.10), with the
 * daemon's exact text.
 */
export const ipamErrors = {
  poolOverlap: () => new DockerDaemonError('CONFLICT', 'Pool overlaps with other one on this address space'),
  noAvailableIps: () => new DockerDaemonError('EXHAUSTED', 'No available addresses on this pool'),
  ipAlreadyAllocated: () => new DockerDaemonError('CONFLICT', 'Address already in use'),
  ipOutOfRange: () => new DockerDaemonError('INVALID_INPUT', 'Requested address is out of range'),
  noMoreSubnets: (version = 4) =>
    new DockerDaemonError(
      'EXHAUSTED',
      `could not find an available, non-overlapping IPv${version} address pool among the defaults to assign to the network`,
    ),
}
