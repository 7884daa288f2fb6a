import type { NetworkDriver } from '../network-driver.js'

/**
 * A driver whose single network's endpoints are records only (libnetwork
 * drivers/host and drivers/null): the container uses the host's namespace, or
 * keeps one with nothing but lo, so there is nothing to build, plumb or tear
 * down, no address and no gateway.
 *
 * @example
 * recordOnlyDriver('host').singleInstance // true
 */
export function recordOnlyDriver(name: 'host' | 'null'): NetworkDriver {
  return Object.freeze({
    name,
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
}
