import type { NetworkDriver } from '../network-driver.js'

/**
 * The null driver (libnetwork drivers/null): the daemon's one `none`
 * network. Its endpoints are records only; the container keeps a namespace
 * with nothing but lo.
 *
 * @example
 * NULL_DRIVER.addressed // false
 */
export const NULL_DRIVER: NetworkDriver = Object.freeze({
  name: 'null',
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
