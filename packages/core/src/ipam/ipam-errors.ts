import { DockerDaemonError } from '../errors.js'

/** Which of libnetwork's IPAM errors this is, so that an engine version can word it its own way. */
export type IpamErrorKind =
  | 'poolOverlap'
  | 'noAvailableIps'
  | 'ipAlreadyAllocated'
  | 'ipOutOfRange'
  | 'noMoreSubnets'

/**
 * An IPAM error, with Docker 20.10's text; `kind` says what happened
 * (engine-profiles' catalogs reword it for other versions).
 *
 * @example
 * new IpamError('poolOverlap', 'CONFLICT', 'Pool overlaps with other one on this address space')
 */
export class IpamError extends DockerDaemonError {
  constructor(
    readonly kind: IpamErrorKind,
    code: ConstructorParameters<typeof DockerDaemonError>[0],
    message: string,
    readonly ipVersion: 4 | 6 = 4,
  ) {
    super(code, message)
  }
}

/**
 * libnetwork's IPAM errors (ipamapi/contract.go in Docker 20.10), with the
 * daemon's exact text.
 */
export const ipamErrors = {
  poolOverlap: () =>
    new IpamError('poolOverlap', 'CONFLICT', 'Pool overlaps with other one on this address space'),
  noAvailableIps: () => new IpamError('noAvailableIps', 'EXHAUSTED', 'No available addresses on this pool'),
  ipAlreadyAllocated: () => new IpamError('ipAlreadyAllocated', 'CONFLICT', 'Address already in use'),
  ipOutOfRange: () => new IpamError('ipOutOfRange', 'INVALID_INPUT', 'Requested address is out of range'),
  noMoreSubnets: (version: 4 | 6 = 4) =>
    new IpamError(
      'noMoreSubnets',
      'EXHAUSTED',
      `could not find an available, non-overlapping IPv${version} address pool among the defaults to assign to the network`,
      version,
    ),
}
