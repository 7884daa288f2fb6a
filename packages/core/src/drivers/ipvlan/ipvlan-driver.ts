import type { Endpoint, Network } from '../../model/docker.js'
import type { Tx } from '../../model/tx.js'
import type { SubinterfaceDriver } from '../_subinterface.js'
import { createSubinterfaceNetwork, joinSubinterface } from '../_subinterface.js'

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

export function createIpvlanNetwork(tx: Tx, network: Network): void {
  createSubinterfaceNetwork(tx, IPVLAN, network)
}

export function joinIpvlanEndpoint(tx: Tx, network: Network, endpoint: Endpoint, sandbox: string) {
  joinSubinterface(tx, IPVLAN, network, endpoint, sandbox)
}
