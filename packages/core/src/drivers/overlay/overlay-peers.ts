/**
 * The overlay driver's peer database (libnetwork drivers/overlay/peerdb.go):
 * what this node knows of a network's endpoints on other nodes, and the
 * kernel entries it programs from it in the network's namespace, so that a
 * frame for a remote container leaves vxlan0 towards the node that holds it.
 * peerAdd writes an `ip neigh` entry for the peer's IP (vxlan0 answers ARP
 * itself: the device is made with `proxy`) and a `bridge fdb` entry for its
 * MAC with the VTEP as destination; a node that has not instantiated the
 * network keeps the peer in its database only, and programs it when its
 * first local container joins (initSandbox -> peerDbUpdateSandbox).
 */

import { addFdbEntry, addNeighbor, deleteFdbEntry, deleteNeighbor } from '../../kernel/neighbors.js'
import type { Network, OverlayPeer } from '../../model/docker.js'
import type { Namespace } from '../../model/namespace.js'
import type { Tx } from '../../model/tx.js'

/** The device the peer entries are on: the overlay namespace's VXLAN device. */
export const VXLAN_DEVICE = 'vxlan0'

/** Writes one peer's neighbour and forwarding entries into the overlay namespace. */
export function programPeer(tx: Tx, ns: Namespace, peer: OverlayPeer): void {
  addNeighbor(tx, ns, { ip: peer.ipv4, lladdr: peer.mac, dev: VXLAN_DEVICE })
  addFdbEntry(tx, ns, { mac: peer.mac, dev: VXLAN_DEVICE, dst: peer.vtep })
}

/**
 * peerAdd: the peer joins the network's database, and its entries the
 * namespace when this node has one (`ns`).
 *
 * @example
 * addOverlayPeer(tx, network, peer, tx.lab.namespaces[overlayNamespaceId(network)])
 */
export function addOverlayPeer(tx: Tx, network: Network, peer: OverlayPeer, ns: Namespace | undefined): void {
  if (!network.peers) tx.set(network, 'peers', [])
  const list = network.peers as OverlayPeer[]
  const old = list.find((p) => p.endpointId === peer.endpointId)
  if (old) tx.pull(list, old)
  tx.push(list, peer)
  if (ns) programPeer(tx, ns, peer)
}

/** peerDelete: the peer leaves the database, and its entries the namespace. */
export function removeOverlayPeer(
  tx: Tx,
  network: Network,
  endpointId: string,
  ns: Namespace | undefined,
): void {
  const old = network.peers?.find((p) => p.endpointId === endpointId)
  if (!old || !network.peers) return
  tx.pull(network.peers, old)
  if (ns) {
    deleteNeighbor(tx, ns, old.ipv4, VXLAN_DEVICE)
    deleteFdbEntry(tx, ns, old.mac, VXLAN_DEVICE)
  }
}
