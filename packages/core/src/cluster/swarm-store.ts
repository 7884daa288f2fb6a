/**
 * The swarm's store and the nodes' copies of it, kept in step around each
 * command a node runs (commands run one at a time, so a copy taken before
 * and written back after is one allocator, as the manager's is):
 * - the address allocators of swarm-scoped networks: a container on any
 *   node takes its overlay address from the one global pool (swarmkit's
 *   allocator on the manager answers a worker's network attachment);
 * - an attachable overlay a command on a node names joins that node's
 *   daemon as a copy of the manager's (same id, subnet, VXLAN id), and
 *   leaves a worker again with its last endpoint there;
 * - each node's peer database (networkDB gossip): the endpoints the other
 *   nodes have on the networks it holds, programmed into its overlay
 *   namespaces (drivers/overlay/overlay-peers.ts). Gossip runs beside the
 *   command: what it programs on the other nodes is not that command's.
 */

import { overlayNamespaceId } from '../drivers/overlay/overlay-driver.js'
import { addOverlayPeer, removeOverlayPeer } from '../drivers/overlay/overlay-peers.js'
import { removeNetwork } from '../engine/network-remove.js'
import type { Network, OverlayPeer } from '../model/docker.js'
import { findNetwork } from '../model/lookup.js'
import type { LabState } from '../model/state.js'
import { Tx } from '../model/tx.js'
import { drawHex } from '../rng.js'
import type { DockerCommand } from '../script/docker-command.js'
import type { ClusterNode, ClusterState } from './cluster-state.js'

/** A manager of the cluster's swarm (the node `swarm init` made, or one joined with the manager token). */
export function isManager(lab: LabState): boolean {
  return lab.swarm !== null && lab.swarm.role !== 'worker'
}

function swarmNetworks(lab: LabState): Network[] {
  return lab.networks.filter((n) => n.scope === 'swarm')
}

/** The networks a command asks the daemon to attach a container to. */
function networksNamed(command: DockerCommand | undefined): string[] {
  if (!command) return []
  if (command.kind === 'run' || command.kind === 'create')
    return [...(command.network ? [command.network] : []), ...(command.networks ?? []).map((n) => n.target)]
  if (command.kind === 'network connect') return [command.network]
  return []
}

/** The manager's definition of a network: what a node that joins it copies. */
function definitionOnManager(cluster: ClusterState, ref: string): Network | undefined {
  for (const node of cluster.nodes) {
    if (!isManager(node.lab)) continue
    const network = findNetwork(node.lab, ref)
    if (network?.scope === 'swarm') return network
  }
  return undefined
}

function copyOf(network: Network): Network {
  const { peers: _peers, ...definition } = JSON.parse(JSON.stringify(network)) as Network
  return { ...definition, endpoints: {}, instantiated: false }
}

/**
 * Before a command on `node`: its copies of the swarm networks take the
 * store's allocators, and an attachable network the command names (and the
 * node lacks) is copied from the manager, with its peers.
 */
export function beforeCommand(
  cluster: ClusterState,
  node: ClusterNode,
  command: DockerCommand | undefined,
): void {
  const lab = node.lab
  if (lab.swarm && !isManager(lab)) {
    for (const ref of networksNamed(command)) {
      if (findNetwork(lab, ref)) continue
      const network = definitionOnManager(cluster, ref)
      // A network that is not attachable stays on the manager: the worker answers "not found", as its daemon does.
      if (network?.attachable) lab.networks.push(copyOf(network))
    }
  }
  for (const network of swarmNetworks(lab)) {
    const store = cluster.pools[network.id]
    if (!store || !network.pool) continue
    network.pool.allocated = [...store.allocated]
    network.pool.cursor = store.cursor
  }
  syncPeers(cluster)
}

/**
 * After a command on `node`: the store takes its allocators back, a worker
 * lets go of the attachable networks it no longer uses, a new swarm gets its
 * manager token, and gossip tells every node of the endpoints of the others.
 */
export function afterCommand(cluster: ClusterState, node: ClusterNode): void {
  const lab = node.lab
  if (lab.swarm && isManager(lab) && !lab.swarm.managerToken && lab.swarm.workerToken) {
    // The two tokens share the cluster CA's digest; only the secret differs (swarmkit ca.GenerateJoinToken).
    const digest = lab.swarm.workerToken.split('-')[2] ?? ''
    lab.swarm.managerToken = `SWMTKN-1-${digest}-${drawHex(lab.rng, 25)}`
  }
  if (lab.swarm && !isManager(lab)) {
    for (const network of swarmNetworks(lab)) {
      if (network.ingress || Object.keys(network.endpoints).length > 0) continue
      const tx = new Tx(lab)
      removeNetwork(tx, network)
    }
  }
  for (const network of swarmNetworks(lab)) {
    if (network.pool) cluster.pools[network.id] = JSON.parse(JSON.stringify(network.pool))
  }
  const held = new Set(cluster.nodes.flatMap((n) => swarmNetworks(n.lab).map((x) => x.id)))
  for (const id of Object.keys(cluster.pools)) if (!held.has(id)) delete cluster.pools[id]
  syncPeers(cluster)
}

/** Every endpoint each node holds on a swarm network, as the other nodes' peer databases list it. */
function peersByNetwork(cluster: ClusterState): Map<string, OverlayPeer[]> {
  const out = new Map<string, OverlayPeer[]>()
  for (const node of cluster.nodes) {
    if (!node.lab.swarm) continue
    for (const network of swarmNetworks(node.lab)) {
      if (network.driver !== 'overlay') continue
      const list = out.get(network.id) ?? []
      for (const ep of Object.values(network.endpoints)) {
        if (!ep.ipv4 || !ep.mac) continue
        list.push({
          name: ep.name,
          endpointId: ep.id,
          containerId: ep.containerId,
          ipv4: ep.ipv4,
          prefixlen: ep.prefixlen,
          mac: ep.mac,
          vtep: node.lab.swarm.advertiseAddr || node.address,
          node: node.name,
          peerName: node.lab.swarm.peerName,
        })
      }
      out.set(network.id, list)
    }
  }
  return out
}

/**
 * networkDB's nodes of each network: a node joins a network's gossip when the
 * network is instantiated there and leaves it when the network goes; every
 * node's copy lists them in the order they joined.
 */
function syncNetworkNodes(cluster: ClusterState): void {
  const holders = new Map<string, Set<string>>()
  for (const node of cluster.nodes) {
    if (!node.lab.swarm) continue
    for (const network of swarmNetworks(node.lab)) {
      if (!network.instantiated) continue
      const set = holders.get(network.id) ?? new Set<string>()
      set.add(node.name)
      holders.set(network.id, set)
    }
  }
  for (const [id, names] of Object.entries(cluster.networkNodes)) {
    const kept = names.filter((n) => holders.get(id)?.has(n))
    if (kept.length > 0) cluster.networkNodes[id] = kept
    else delete cluster.networkNodes[id]
  }
  for (const [id, names] of holders) {
    const list = cluster.networkNodes[id] ?? []
    for (const n of cluster.nodes) if (names.has(n.name) && !list.includes(n.name)) list.push(n.name)
    cluster.networkNodes[id] = list
  }
  for (const node of cluster.nodes) {
    for (const network of swarmNetworks(node.lab)) {
      const names = cluster.networkNodes[network.id]
      if (!network.instantiated || !names) continue
      network.peerNodes = names.flatMap((name) => {
        const swarm = cluster.nodes.find((n) => n.name === name)?.lab.swarm
        return swarm ? [{ name: swarm.peerName, ip: swarm.advertiseAddr }] : []
      })
    }
  }
}

/** networkDB: each node's copy of a network lists the other nodes' endpoints on it, and nothing stale. */
function syncPeers(cluster: ClusterState): void {
  syncNetworkNodes(cluster)
  const all = peersByNetwork(cluster)
  for (const node of cluster.nodes) {
    for (const network of swarmNetworks(node.lab)) {
      if (network.driver !== 'overlay') continue
      const wanted = (all.get(network.id) ?? []).filter((p) => p.node !== node.name)
      const have = network.peers ?? []
      const same =
        wanted.length === have.length &&
        wanted.every((p) =>
          have.some((h) => h.endpointId === p.endpointId && h.ipv4 === p.ipv4 && h.vtep === p.vtep),
        )
      if (same) continue
      const tx = new Tx(node.lab)
      const ns = node.lab.namespaces[overlayNamespaceId(network)]
      for (const old of [...have]) {
        if (!wanted.some((p) => p.endpointId === old.endpointId && p.ipv4 === old.ipv4))
          removeOverlayPeer(tx, network, old.endpointId, ns)
      }
      for (const peer of wanted) {
        if (
          !have.some((h) => h.endpointId === peer.endpointId && h.ipv4 === peer.ipv4 && h.vtep === peer.vtep)
        )
          addOverlayPeer(tx, network, peer, ns)
      }
    }
  }
}
