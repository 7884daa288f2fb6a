import type { NetworkDriver } from '../network-driver.js'
import { type SubinterfaceDriver, subinterfaceNetworkDriver } from '../subinterface/subinterface.js'

/** macvlan: each container gets its own MAC on the parent's L2 segment (libnetwork drivers/macvlan). */
export const MACVLAN: SubinterfaceDriver = {
  kind: 'macvlan',
  dummyPrefix: 'dm-',
  modeOption: 'macvlan_mode',
  modes: ['bridge', 'private', 'vepa', 'passthru'],
  defaultMode: 'bridge',
}

/**
 * The macvlan driver.
 *
 * @example
 * MACVLAN_DRIVER.options // ['parent', 'macvlan_mode']
 */
export const MACVLAN_DRIVER: NetworkDriver = subinterfaceNetworkDriver(MACVLAN)
