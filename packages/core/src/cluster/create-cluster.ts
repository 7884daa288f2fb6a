import type { HostDescription } from '../engine/host-description.js'
import { type CreateLabOptions, createLab } from '../engine/lab.js'
import { NetmodesError } from '../errors.js'
import type { ClusterNode, ClusterState } from './cluster-state.js'

/**
 * The swarm LAN of a cluster: TEST-NET-3 (RFC 5737), off every uplink's
 * range; node i is .(10+i), the bridge joining them .1 (nothing is routed
 * beyond it).
 */
export const SWARM_LAN = Object.freeze({ subnet: '203.0.113.0/24', gateway: '203.0.113.1', first: 11 })

/** What of a machine its nodes share (each node is a network namespace of it): its hostname and /etc files. */
export type MachineFiles = Pick<HostDescription, 'hostname' | 'nameservers' | 'resolvConf' | 'hostsFile'>

/** A node's host: lo and eth0 on the swarm LAN, a default route via the LAN's bridge. */
function nodeHost(name: string, address: string, index: number, machine: MachineFiles): HostDescription {
  const mac = `52:54:00:00:71:${(index + 1).toString(16).padStart(2, '0')}`
  return {
    hostname: name,
    nameservers: [SWARM_LAN.gateway],
    ...machine,
    addr: [
      {
        ifindex: 1,
        ifname: 'lo',
        flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
        mtu: 65536,
        operstate: 'UNKNOWN',
        link_type: 'loopback',
        address: '00:00:00:00:00:00',
        addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8, scope: 'host' }],
      },
      {
        ifindex: 2,
        ifname: 'eth0',
        flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
        mtu: 1500,
        operstate: 'UP',
        link_type: 'ether',
        address: mac,
        addr_info: [
          { family: 'inet', local: address, prefixlen: 24, broadcast: '203.0.113.255', scope: 'global' },
        ],
      },
    ],
    route: [
      { dst: 'default', gateway: SWARM_LAN.gateway, dev: 'eth0' },
      { dst: SWARM_LAN.subnet, dev: 'eth0', protocol: 'kernel', scope: 'link', prefsrc: address },
    ],
  }
}

/**
 * Starts a cluster of hosts, each with a fresh daemon of the same engine
 * (and daemon settings), none in a swarm yet. Each node draws its IDs from a
 * seed of its own (node1 the one given), so two nodes never share one.
 *
 * @example
 * const cluster = createCluster({ nodes: ['node1', 'node2'] })
 * cluster.nodes[1].address // '203.0.113.12'
 */
export function createCluster(
  options: Omit<CreateLabOptions, 'host'> & {
    nodes: readonly string[]
    /** The machine the nodes run on (default: each node named as its host, the LAN's bridge as nameserver). */
    machine?: MachineFiles
  },
): ClusterState {
  if (options.nodes.length < 1) throw new NetmodesError('INVALID_INPUT', 'a cluster needs at least one node')
  const seed = options.seed ?? 1
  const nodes: ClusterNode[] = options.nodes.map((name, i) => {
    const address = `203.0.113.${SWARM_LAN.first + i}`
    const { nodes: _nodes, machine, ...labOptions } = options
    const lab = createLab({
      ...labOptions,
      seed: seed + i * 7919,
      host: nodeHost(name, address, i, machine ?? {}),
    })
    return { name, address, lab }
  })
  return { nodes, lan: { subnet: SWARM_LAN.subnet, gateway: SWARM_LAN.gateway }, pools: {}, networkNodes: {} }
}

/** The node of that name, or a clear error naming the nodes there are. */
export function nodeNamed(cluster: ClusterState, name: string): ClusterNode {
  const node = cluster.nodes.find((n) => n.name === name)
  if (!node)
    throw new NetmodesError(
      'NOT_FOUND',
      `no node "${name}" in this lab (its nodes: ${cluster.nodes.map((n) => n.name).join(', ')})`,
    )
  return node
}
