import type { NetworkDriver } from '../network-driver.js'

/**
 * The host driver (libnetwork drivers/host): the daemon's one `host`
 * network. Its endpoints are records only; the container shares the host's
 * namespace, so there is nothing to build, plumb or tear down.
 *
 * @example
 * HOST_DRIVER.singleInstance // true
 */
export const HOST_DRIVER: NetworkDriver = Object.freeze({
  name: 'host',
  options: Object.freeze([]),
  scope: 'local',
  singleInstance: true,
  addressed: false,
  givesGateway: () => false,
  publishesPorts: () => false,
  createNetwork: () => {},
  deleteNetwork: () => {},
  join: () => {},
  leave: () => {},
} as const)
