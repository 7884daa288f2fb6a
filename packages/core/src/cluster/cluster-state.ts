/**
 * A lab of several hosts: one Docker daemon per host, each its own lab (its
 * namespaces, bridges, iptables, docker_gwbridge, containers), on one LAN,
 * and what the swarm keeps for all of them. Docker's swarm-wide state lives
 * in the managers' raft store; each node's daemon holds a copy of what
 * concerns it. Here the copies are the nodes' labs (each node's `swarm`, its
 * copy of the swarm-scoped networks) and the cluster keeps the one store
 * every copy comes from: the address allocators of the swarm-scoped networks
 * (the manager's IPAM, global: one allocator whichever node asks).
 */

import type { IpamPool } from '../model/docker.js'
import type { LabState } from '../model/state.js'

/** One host of the cluster. */
export interface ClusterNode {
  name: string
  /** Its address on the swarm LAN (eth0). */
  address: string
  lab: LabState
}

/** The cluster: its hosts in the order `nodes` named them, and the swarm's store. */
export interface ClusterState {
  nodes: ClusterNode[]
  /** The LAN joining the hosts (a Linux bridge): its subnet and the bridge's own address. */
  lan: { subnet: string; gateway: string }
  /** The manager's allocators of the swarm-scoped networks, by network id (swarmkit's IPAM allocator). */
  pools: Record<string, IpamPool>
  /**
   * networkDB's nodes of each swarm network, by network id, in the order they
   * joined it (a node joins when the network is instantiated there): what
   * `network inspect` lists as Peers on every node.
   */
  networkNodes: Record<string, string[]>
  /** The swarm's services (swarmkit's store on the managers); absent until the first. */
  services?: SwarmService[]
}

/** A service as the manager keeps it. */
export interface SwarmService {
  id: string
  name: string
  image: string
  cmd: string[]
  endpointMode: 'vip' | 'dnsrr'
  /** Network ids, in `--network` order. */
  networks: string[]
  /** Virtual IPs by network id (vip mode). */
  vips: Record<string, string>
  replicas: number
  /** Its tasks: the container each runs as, on which node. */
  tasks: { slot: number; id: string; node: string; container: string }[]
}
