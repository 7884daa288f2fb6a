import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { DockerDaemonError } from '../errors.js'
import { releaseAddress } from '../ipam/pool.js'
import { createNamespace, deleteLink, deleteNamespace, findLink, namespaceOf } from '../kernel/netlink.js'
import { dropEndpoint } from '../model/endpoint-records.js'
import type { SwarmState } from '../model/state.js'
import type { Tx } from '../model/tx.js'
import { drawBase36, drawHex } from '../rng.js'
import { attachServiceEndpoint } from './endpoints.js'
import { createNetwork } from './network-create.js'
import { removeNetwork } from './network-remove.js'

const baseCreate = {
  kind: 'network create' as const,
  subnets: [] as string[],
  gateways: [] as string[],
  ipRanges: [] as string[],
  auxAddresses: [] as string[],
  internal: false,
  attachable: false,
  ipv6: false,
  labels: {},
  ipamDriver: 'default',
  ipamOptions: {},
  scope: '',
}

/**
 * `docker swarm init`: this node becomes a manager; the routing mesh's
 * `ingress` overlay (10.0.0.0/24, the first VXLAN id) and the node-local
 * `docker_gwbridge` (the next free local pool, ICC off) appear.
 */
export function initSwarm(tx: Tx, advertiseAddr: string | undefined): string {
  const lab = tx.lab
  if (lab.swarm) {
    throw new DockerDaemonError('CONFLICT', behaviourOf(lab).messages.alreadyInSwarm())
  }
  const nodeId = drawBase36(lab.rng, 25)
  const swarm: SwarmState = {
    nodeId,
    advertiseAddr: advertiseAddr ?? '',
    nextVni: 4096,
    peerName: drawHex(lab.rng, 12),
  }
  tx.set(lab, 'swarm', swarm)
  createNetwork(
    tx,
    {
      ...baseCreate,
      name: 'ingress',
      driver: 'overlay',
      ingress: true,
      options: {},
    },
    { daemon: true },
  )
  createNetwork(
    tx,
    {
      ...baseCreate,
      name: 'docker_gwbridge',
      driver: 'bridge',
      ingress: false,
      options: {
        'com.docker.network.bridge.enable_icc': 'false',
        'com.docker.network.bridge.enable_ip_masquerade': 'true',
        'com.docker.network.bridge.name': 'docker_gwbridge',
      },
    },
    { daemon: true },
  )
  // The ingress sandbox joins both at once: the routing mesh's entry on this node.
  const ingress = lab.networks.find((n) => n.name === 'ingress')
  const gw = lab.networks.find((n) => n.name === 'docker_gwbridge')
  const sandbox = '/var/run/docker/netns/ingress_sbox'
  createNamespace(tx, sandbox)
  if (ingress) {
    tx.set(ingress, 'instantiated', true)
    attachServiceEndpoint(tx, ingress, { key: 'ingress-sbox', name: 'ingress-endpoint' })
  }
  if (gw) attachServiceEndpoint(tx, gw, { key: 'ingress-sbox', name: 'gateway_ingress-sbox', sandbox })
  const token = `SWMTKN-1-${drawHex(lab.rng, 50)}-${drawHex(lab.rng, 25)}`
  tx.set(swarm, 'workerToken', token)
  return [
    `Swarm initialized: current node (${nodeId}) is now a manager.`,
    '',
    'To add a worker to this swarm, run the following command:',
    '',
    `    docker swarm join --token ${token} ${advertiseAddr ?? ''}:2377`,
    '',
    "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.",
    '',
    '',
  ].join('\n')
}

/** `docker swarm leave --force`: swarm-scoped networks go (docker_gwbridge stays, as on a real node). */
export function leaveSwarm(tx: Tx, force: boolean): string {
  const lab = tx.lab
  if (!lab.swarm) throw new DockerDaemonError('CONFLICT', behaviourOf(lab).messages.notInSwarm())
  if (!force) throw new DockerDaemonError('CONFLICT', behaviourOf(lab).messages.leaveLastManager())
  const gw = lab.networks.find((n) => n.name === 'docker_gwbridge')
  for (const ep of Object.values(gw?.endpoints ?? {})) {
    if (ep.containerId !== 'ingress-sbox' || !gw) continue
    if (ep.hostVeth && findLink(namespaceOf(tx, 'host'), ep.hostVeth))
      deleteLink(tx, namespaceOf(tx, 'host'), ep.hostVeth)
    if (gw.pool) releaseAddress(tx, gw.pool, ep.ipv4)
    dropEndpoint(tx, gw, ep.id)
  }
  if (lab.namespaces['/var/run/docker/netns/ingress_sbox'])
    deleteNamespace(tx, '/var/run/docker/netns/ingress_sbox')
  for (const network of lab.networks.filter((n) => n.scope === 'swarm')) {
    for (const ep of Object.values(network.endpoints)) dropEndpoint(tx, network, ep.id)
    removeNetwork(tx, network)
  }
  tx.set(lab, 'swarm', null)
  return 'Node left the swarm.\n'
}
