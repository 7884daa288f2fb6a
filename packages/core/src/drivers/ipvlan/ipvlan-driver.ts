import type { NetworkDriver } from '../network-driver.js'
import { type SubinterfaceDriver, subinterfaceNetworkDriver } from '../subinterface/subinterface.js'

/**
 * ipvlan: endpoints share the parent's MAC and are told apart by IP
 * (libnetwork drivers/ipvlan). Modelled from moby's code: the kernel of our
 * own test machines has no ipvlan module, where the real engine creates the
 * network but fails every join with "failed to create the ipvlan port:
 * operation not supported" (set `profile.kernel.ipvlan` to false to get that).
 */
export const IPVLAN: SubinterfaceDriver = {
  kind: 'ipvlan',
  dummyPrefix: 'di-',
  modeOption: 'ipvlan_mode',
  modes: ['l2', 'l3'],
  defaultMode: 'l2',
}

/**
 * The ipvlan driver.
 *
 * @example
 * IPVLAN_DRIVER.options // ['parent', 'ipvlan_mode']
 */
export const IPVLAN_DRIVER: NetworkDriver = subinterfaceNetworkDriver(IPVLAN)
