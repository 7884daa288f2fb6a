/**
 * Neighbour and forwarding entries a program writes into a namespace: the
 * overlay driver's `ip neigh` and `bridge fdb` entries for endpoints on other
 * nodes (libnetwork drivers/overlay/peerdb.go peerAdd: sbox.AddNeighbor for
 * the peer's IP, then the same with Family(AF_BRIDGE) for its VTEP), each
 * logged as the command a person would type.
 */

import type { FdbEntry, Namespace, Neighbor } from '../model/namespace.js'
import type { Tx } from '../model/tx.js'
import { ipOperation, netnsName } from './ip-operation.js'

function bridgeOperation(nsId: string, args: string[]): { tool: string; args: string[] } {
  // bridge(8) has no -n: a namespace other than the host's is entered with ip netns exec.
  return nsId === 'host'
    ? { tool: 'bridge', args }
    : { tool: 'ip', args: ['netns', 'exec', netnsName(nsId), 'bridge', ...args] }
}

/**
 * `ip neigh add IP lladdr MAC dev DEV nud permanent`: the kernel answers ARP
 * for IP itself (the VXLAN device's `proxy`), so no broadcast crosses nodes.
 *
 * @example
 * addNeighbor(tx, ns, { ip: '10.210.0.3', lladdr: '02:42:0a:d2:00:03', dev: 'vxlan0' })
 */
export function addNeighbor(tx: Tx, ns: Namespace, entry: Neighbor): void {
  if (!ns.neighbors) tx.set(ns, 'neighbors', [])
  const list = ns.neighbors as Neighbor[]
  const old = list.find((n) => n.ip === entry.ip && n.dev === entry.dev)
  if (old) tx.pull(list, old)
  tx.push(list, entry)
  tx.log(
    ipOperation(ns.id, [
      'neigh',
      'add',
      entry.ip,
      'lladdr',
      entry.lladdr,
      'dev',
      entry.dev,
      'nud',
      'permanent',
    ]),
  )
}

/** `ip neigh del IP dev DEV`. */
export function deleteNeighbor(tx: Tx, ns: Namespace, ip: string, dev: string): void {
  const old = ns.neighbors?.find((n) => n.ip === ip && n.dev === dev)
  if (!old || !ns.neighbors) return
  tx.pull(ns.neighbors, old)
  tx.log(ipOperation(ns.id, ['neigh', 'del', ip, 'dev', dev]))
}

/**
 * `bridge fdb add MAC dev DEV dst VTEP self permanent`: frames for MAC leave
 * the VXLAN device encapsulated towards the node at VTEP.
 *
 * @example
 * addFdbEntry(tx, ns, { mac: '02:42:0a:d2:00:03', dev: 'vxlan0', dst: '203.0.113.12' })
 */
export function addFdbEntry(tx: Tx, ns: Namespace, entry: FdbEntry): void {
  if (!ns.fdb) tx.set(ns, 'fdb', [])
  const list = ns.fdb as FdbEntry[]
  const old = list.find((f) => f.mac === entry.mac && f.dev === entry.dev)
  if (old) tx.pull(list, old)
  tx.push(list, entry)
  tx.log(
    bridgeOperation(ns.id, [
      'fdb',
      'add',
      entry.mac,
      'dev',
      entry.dev,
      'dst',
      entry.dst,
      'self',
      'permanent',
    ]),
  )
}

/** `bridge fdb del MAC dev DEV self`. */
export function deleteFdbEntry(tx: Tx, ns: Namespace, mac: string, dev: string): void {
  const old = ns.fdb?.find((f) => f.mac === mac && f.dev === dev)
  if (!old || !ns.fdb) return
  tx.pull(ns.fdb, old)
  tx.log(bridgeOperation(ns.id, ['fdb', 'del', mac, 'dev', dev, 'self']))
}
