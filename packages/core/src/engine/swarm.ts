import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { DockerDaemonError } from '../errors.js'
import { releaseAddress } from '../ipam/pool.js'
import { createNamespace, deleteLink, deleteNamespace, findLink, namespaceOf } from '../kernel/netlink.js'
import type { Network } from '../model/docker.js'
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
  createGwBridge(tx)
  buildIngressSandbox(tx)
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

/** The node-local bridge overlay containers reach the outside through (ICC off, masquerading on). */
function createGwBridge(tx: Tx): void {
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
}

/** The ingress sandbox joins ingress and docker_gwbridge at once: the routing mesh's entry on this node. */
function buildIngressSandbox(tx: Tx): void {
  const lab = tx.lab
  const ingress = lab.networks.find((n) => n.name === 'ingress')
  const gw = lab.networks.find((n) => n.name === 'docker_gwbridge')
  const sandbox = INGRESS_SANDBOX
  createNamespace(tx, sandbox)
  if (ingress) {
    tx.set(ingress, 'instantiated', true)
    attachServiceEndpoint(tx, ingress, { key: 'ingress-sbox', name: 'ingress-endpoint' })
  }
  if (gw) attachServiceEndpoint(tx, gw, { key: 'ingress-sbox', name: 'gateway_ingress-sbox', sandbox })
}

const INGRESS_SANDBOX = '/var/run/docker/netns/ingress_sbox'

/** A join token's shape (swarmkit ca/config.go getCAHashFromToken): SWMTKN-1-<CA digest>-<secret>. */
function isJoinToken(token: string): boolean {
  const parts = token.split('-')
  return parts.length === 4 && parts[0] === 'SWMTKN' && parts[1] === '1'
}

/** What a worker learns from the manager it joins: the tokens it checks and the cluster's ingress network. */
export interface SwarmOfManager {
  workerToken: string
  managerToken: string
  /** The manager's ingress network: the same id, subnet and VXLAN id on every node. */
  ingress: Network
}

/**
 * What a daemon that is one node of a lab of several hosts can ask of the
 * others (cluster/ answers it): the manager listening at an address, and the
 * node's own address on the swarm LAN.
 */
export interface ClusterContext {
  managerAt(remoteAddr: string): SwarmOfManager | undefined
  ownAddress: string
}

/**
 * `docker swarm join --token TOKEN ADDR:2377`: the token says the role
 * (swarmkit checks its secret against the cluster's two); the node gets the
 * cluster's ingress network and its own docker_gwbridge and ingress sandbox,
 * as `swarm init` gives the first node.
 */
export function joinSwarm(
  tx: Tx,
  options: { token: string; advertiseAddr: string; manager: SwarmOfManager },
): string {
  const lab = tx.lab
  if (lab.swarm) throw new DockerDaemonError('CONFLICT', behaviourOf(lab).messages.alreadyInSwarm())
  const { token, manager } = options
  if (!isJoinToken(token)) throw new DockerDaemonError('INVALID_INPUT', 'invalid join token')
  if (token !== manager.workerToken && token !== manager.managerToken)
    throw new DockerDaemonError(
      'INVALID_INPUT',
      'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster',
    )
  const worker = token === manager.workerToken
  const swarm: SwarmState = {
    nodeId: drawBase36(lab.rng, 25),
    advertiseAddr: options.advertiseAddr,
    nextVni: 4096,
    peerName: drawHex(lab.rng, 12),
    ...(worker
      ? { role: 'worker' as const }
      : { workerToken: manager.workerToken, managerToken: manager.managerToken }),
  }
  tx.set(lab, 'swarm', swarm)
  // The network store is the cluster's: this node holds a copy of ingress, its endpoints its own.
  const { peers: _peers, ...definition } = JSON.parse(JSON.stringify(manager.ingress)) as Network
  const ingress: Network = { ...definition, endpoints: {}, instantiated: false }
  tx.push(lab.networks, ingress)
  createGwBridge(tx)
  buildIngressSandbox(tx)
  return `This node joined a swarm as a ${worker ? 'worker' : 'manager'}.\n`
}

/** `docker swarm leave --force`: swarm-scoped networks go (docker_gwbridge stays, as on a real node). */
export function leaveSwarm(tx: Tx, force: boolean): string {
  const lab = tx.lab
  if (!lab.swarm) throw new DockerDaemonError('CONFLICT', behaviourOf(lab).messages.notInSwarm())
  // Only a manager is warned (it may be the last one, whose leaving erases the swarm); a worker just goes.
  if (!force && lab.swarm.role !== 'worker')
    throw new DockerDaemonError('CONFLICT', behaviourOf(lab).messages.leaveLastManager())
  const gw = lab.networks.find((n) => n.name === 'docker_gwbridge')
  for (const ep of Object.values(gw?.endpoints ?? {})) {
    if (ep.containerId !== 'ingress-sbox' || !gw) continue
    if (ep.hostVeth && findLink(namespaceOf(tx, 'host'), ep.hostVeth))
      deleteLink(tx, namespaceOf(tx, 'host'), ep.hostVeth)
    if (gw.pool) releaseAddress(tx, gw.pool, ep.ipv4)
    dropEndpoint(tx, gw, ep.id)
  }
  if (lab.namespaces[INGRESS_SANDBOX]) deleteNamespace(tx, INGRESS_SANDBOX)
  for (const network of lab.networks.filter((n) => n.scope === 'swarm')) {
    for (const ep of Object.values(network.endpoints)) dropEndpoint(tx, network, ep.id)
    removeNetwork(tx, network)
  }
  tx.set(lab, 'swarm', null)
  return 'Node left the swarm.\n'
}
