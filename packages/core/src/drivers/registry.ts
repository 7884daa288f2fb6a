/**
 * The network drivers the simulated daemon has, by name: what
 * `docker network create -d NAME` and every later step of a network's life
 * look up (libnetwork's drvregistry). Adding a driver is adding a folder and
 * a line here.
 */
import type { DriverName, Network } from '../model/docker.js'
import { BRIDGE_DRIVER } from './bridge/bridge-driver.js'
import { HOST_DRIVER } from './host/host-driver.js'
import { IPVLAN_DRIVER } from './ipvlan/ipvlan-driver.js'
import { MACVLAN_DRIVER } from './macvlan/macvlan-driver.js'
import type { NetworkDriver } from './network-driver.js'
import { NULL_DRIVER } from './null/null-driver.js'
import { OVERLAY_DRIVER } from './overlay/overlay-driver.js'

/**
 * Every driver, by its name.
 *
 * @example
 * NETWORK_DRIVERS.macvlan.options // ['parent', 'macvlan_mode']
 */
export const NETWORK_DRIVERS: Readonly<Record<DriverName, NetworkDriver>> = Object.freeze({
  bridge: BRIDGE_DRIVER,
  host: HOST_DRIVER,
  null: NULL_DRIVER,
  macvlan: MACVLAN_DRIVER,
  ipvlan: IPVLAN_DRIVER,
  overlay: OVERLAY_DRIVER,
})

/**
 * The driver of that name, or undefined (the daemon answers `plugin "NAME" not found`).
 *
 * @example
 * networkDriver('bridge')?.scope // 'local'
 * networkDriver('weave') // undefined
 */
export function networkDriver(name: string): NetworkDriver | undefined {
  return Object.hasOwn(NETWORK_DRIVERS, name) ? NETWORK_DRIVERS[name as DriverName] : undefined
}

/**
 * The driver a network was created with.
 *
 * @example
 * driverOf(network).join(tx, network, endpoint, sandbox)
 */
export function driverOf(network: Network): NetworkDriver {
  return NETWORK_DRIVERS[network.driver]
}
