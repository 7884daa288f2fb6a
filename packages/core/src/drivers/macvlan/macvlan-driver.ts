import type { Endpoint, Network } from '../../model/docker.js'
import type { Tx } from '../../model/tx.js'
import type { SubinterfaceDriver } from '../_subinterface.js'
import { createSubinterfaceNetwork, joinSubinterface } from '../_subinterface.js'

/** macvlan: each container gets its own MAC on the parent's L2 segment (libnetwork drivers/macvlan). */
export const MACVLAN: SubinterfaceDriver = {
  kind: 'macvlan',
  dummyPrefix: 'dm-',
  modeOption: 'macvlan_mode',
  modes: ['bridge', 'private', 'vepa', 'passthru'],
  defaultMode: 'bridge',
}

export function createMacvlanNetwork(tx: Tx, network: Network): void {
  createSubinterfaceNetwork(tx, MACVLAN, network)
}

export function joinMacvlanEndpoint(tx: Tx, network: Network, endpoint: Endpoint, sandbox: string) {
  joinSubinterface(tx, MACVLAN, network, endpoint, sandbox)
}
