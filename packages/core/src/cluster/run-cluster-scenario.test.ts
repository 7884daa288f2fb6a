import { describe, expect, test } from 'vitest'
import { describeHop } from '../dataplane/describe-hop.js'
import type { Hop } from '../dataplane/trace-types.js'
import { overlayNamespaceId } from '../drivers/overlay/overlay-driver.js'
import { fromJSON, toJSON } from '../engine/serialize.js'
import { containerByName, findNetwork } from '../model/lookup.js'
import { ScenarioLineError } from '../script/scenario-line-error.js'
import type { ClusterState } from './cluster-state.js'
import { nodeNamed } from './create-cluster.js'
import { type ClusterOutcome, runClusterScenario } from './run-cluster-scenario.js'
import { runOnNode } from './run-on-node.js'

const SWARM = `nodes node1 node2
docker swarm init --advertise-addr 203.0.113.11
docker --node node2 swarm join --token WORKER_TOKEN 203.0.113.11:2377
docker network create -d overlay --attachable --subnet 10.210.0.0/24 ov
docker run -d --name a1 --network ov netmodes/busybox:test sleep 3600
docker --node node2 run -d --name b1 --network ov netmodes/busybox:test nc -ll -p 80 -e echo ok
`

function docker(outcomes: ClusterOutcome[]) {
  return outcomes.flatMap((o) => (o.kind === 'docker' ? [o] : []))
}

function traces(outcomes: ClusterOutcome[]) {
  return outcomes.flatMap((o) => (o.kind === 'trace' ? [o.trace] : []))
}

function endpointOf(cluster: ClusterState, node: string, container: string, network = 'ov') {
  const lab = nodeNamed(cluster, node).lab
  const c = containerByName(lab, container)
  const n = findNetwork(lab, network)
  return n?.endpoints[c?.endpoints[n.id] ?? '']
}

describe.each(['20.10', '28'] as const)('a swarm of two nodes (engine %s)', (engine) => {
  test('init on node1, join on node2 with the worker token: each node has ingress and its own docker_gwbridge', () => {
    const { cluster, outcomes } = runClusterScenario(SWARM, { engine })
    const steps = docker(outcomes)
    expect(steps.map((s) => [s.node, s.result.exitCode])).toEqual([
      ['node1', 0],
      ['node2', 0],
      ['node1', 0],
      ['node1', 0],
      ['node2', 0],
    ])
    expect(steps[1]?.result.output).toBe('This node joined a swarm as a worker.\n')
    const [n1, n2] = cluster.nodes.map((n) => n.lab)
    expect(n2?.swarm?.role).toBe('worker')
    expect(n2?.swarm?.advertiseAddr).toBe('203.0.113.12')
    // One ingress network for the cluster: same id, subnet and VXLAN id on both.
    const ingress = [n1, n2].map((lab) => lab?.networks.find((n) => n.ingress))
    expect(ingress[1]?.id).toBe(ingress[0]?.id)
    expect(ingress[1]?.vni).toBe(ingress[0]?.vni)
    expect(ingress[1]?.ipam.config).toEqual(ingress[0]?.ipam.config)
    // docker_gwbridge is each node's own.
    expect(findNetwork(n2!, 'docker_gwbridge')?.id).not.toBe(findNetwork(n1!, 'docker_gwbridge')?.id)
    // Each ingress sandbox took its own address from the one ingress pool.
    const sbox = [n1, n2].map(
      (lab) => Object.values(lab?.networks.find((n) => n.ingress)?.endpoints ?? {})[0]?.ipv4,
    )
    expect(sbox).toEqual(['10.0.0.2', '10.0.0.3'])
  })

  test('addresses of a swarm network come from one pool whichever node asks', () => {
    const { cluster } = runClusterScenario(SWARM, { engine })
    expect(endpointOf(cluster, 'node1', 'a1')?.ipv4).toBe('10.210.0.2')
    // node1's load balancer took .3; node2's container and load balancer follow.
    expect(endpointOf(cluster, 'node2', 'b1')?.ipv4).toBe('10.210.0.4')
    runOnNode(cluster, 'docker run -d --name a2 --network ov netmodes/busybox:test sleep 3600')
    expect(endpointOf(cluster, 'node1', 'a2')?.ipv4).toBe('10.210.0.6')
  })

  test('the overlay reaches a worker with its first container there, and leaves it with its last', () => {
    const { cluster } = runClusterScenario(SWARM, { engine })
    const node2 = nodeNamed(cluster, 'node2').lab
    const ov = findNetwork(nodeNamed(cluster, 'node1').lab, 'ov')
    expect(findNetwork(node2, 'ov')?.id).toBe(ov?.id)
    expect(findNetwork(node2, 'ov')?.vni).toBe(ov?.vni)
    expect(runOnNode(cluster, 'docker --node node2 rm -f b1').result.exitCode).toBe(0)
    expect(findNetwork(node2, 'ov')).toBeUndefined()
    expect(runOnNode(cluster, 'docker --node node2 network ls').result.output).not.toContain(' ov ')
    // Gossip takes b1 out of node1's peer database and its overlay namespace.
    const node1 = nodeNamed(cluster, 'node1').lab
    const ns = node1.namespaces[overlayNamespaceId(ov!)]
    expect(ns?.neighbors ?? []).toEqual([])
    expect(ns?.fdb ?? []).toEqual([])
  })

  test('each overlay namespace holds a neighbour and a forwarding entry for every endpoint of the other node', () => {
    const { cluster } = runClusterScenario(SWARM, { engine })
    const b1 = endpointOf(cluster, 'node2', 'b1')
    const node1 = nodeNamed(cluster, 'node1').lab
    const ns = node1.namespaces[overlayNamespaceId(findNetwork(node1, 'ov')!)]
    expect(ns?.neighbors).toContainEqual({ ip: b1?.ipv4, lladdr: b1?.mac, dev: 'vxlan0' })
    expect(ns?.fdb).toContainEqual({ mac: b1?.mac, dev: 'vxlan0', dst: '203.0.113.12' })
    const a1 = endpointOf(cluster, 'node1', 'a1')
    const node2 = nodeNamed(cluster, 'node2').lab
    const ns2 = node2.namespaces[overlayNamespaceId(findNetwork(node2, 'ov')!)]
    expect(ns2?.fdb).toContainEqual({ mac: a1?.mac, dev: 'vxlan0', dst: '203.0.113.11' })
    // `network inspect` on either node lists both nodes as the network's peers, in the
    // order they joined it (node1 first: a1 started there first), as the real swarm does.
    for (const node of ['node1', 'node2']) {
      const inspect = JSON.parse(runOnNode(cluster, `docker --node ${node} network inspect ov`).result.output)
      expect(inspect[0].Peers.map((p: { IP: string }) => p.IP)).toEqual(['203.0.113.11', '203.0.113.12'])
    }
    // A node's lab with its peer entries is still a lab file.
    expect(toJSON(fromJSON(toJSON(node2)))).toBe(toJSON(node2))
  })

  test('a trace from node1 to node2 by name crosses in VXLAN: outer addresses of the nodes, UDP 4789, the VNI', () => {
    const { cluster, outcomes } = runClusterScenario(`${SWARM}trace a1 -> b1:80/tcp\n`, { engine })
    const [t] = traces(outcomes)
    expect(t?.delivered).toBe(true)
    const vni = findNetwork(nodeNamed(cluster, 'node1').lab, 'ov')?.vni
    const hops = t?.hops ?? []
    expect(hops[0]).toMatchObject({
      kind: 'resolve',
      method: 'embedded-dns',
      address: '10.210.0.4',
      node: 'node1',
    })
    const encap = hops.find((h) => h.kind === 'vxlan' && h.stage === 'encap')
    const decap = hops.find((h) => h.kind === 'vxlan' && h.stage === 'decap')
    expect(encap).toMatchObject({
      node: 'node1',
      vni,
      port: 4789,
      outer: { src: '203.0.113.11', dst: '203.0.113.12' },
    })
    expect(decap).toMatchObject({ node: 'node2', vni, outer: { src: '203.0.113.11', dst: '203.0.113.12' } })
    expect(hops.find((h) => h.kind === 'wire')).toMatchObject({ node: 'node1', iface: 'eth0', to: 'node2' })
    const last = hops[hops.length - 1] as Hop
    expect(last).toMatchObject({
      kind: 'deliver',
      node: 'node2',
      address: '10.210.0.4',
      port: 80,
      listener: 'known',
    })
    // The reply crosses back the other way.
    const back = t?.delivered ? t.reply.hops : []
    expect(back.find((h) => h.kind === 'vxlan' && h.stage === 'encap')).toMatchObject({
      node: 'node2',
      outer: { src: '203.0.113.12', dst: '203.0.113.11' },
    })
    expect(back[back.length - 1]).toMatchObject({ kind: 'deliver', node: 'node1', listener: 'client' })
    expect(describeHop(encap as Hop)).toBe(
      `[node1 ${overlayNamespaceId(findNetwork(nodeNamed(cluster, 'node1').lab, 'ov')!)
        .split('/')
        .pop()}] vxlan0: encapsulates the frame for 10.210.0.4 (${endpointOf(cluster, 'node2', 'b1')?.mac}) in VXLAN id ${vni}: UDP 203.0.113.11 > 203.0.113.12:4789, the VTEP its forwarding entry names`,
    )
  })

  test('by address, and to a port nothing listens on', () => {
    const { outcomes } = runClusterScenario(`${SWARM}trace a1 -> 10.210.0.4\ntrace a1 -> b1:81/tcp\n`, {
      engine,
    })
    const [byAddress, closed] = traces(outcomes)
    expect(byAddress?.delivered).toBe(true)
    expect(closed?.delivered).toBe(false)
    expect(closed?.delivered === false && closed.reasonCode).toBe('nothing-listening')
  })

  test("a node's host reaches no overlay address on another node (no route to the overlay's subnet)", () => {
    const { outcomes } = runClusterScenario(`${SWARM}trace node1 -> b1\n`, { engine })
    expect(traces(outcomes)[0]?.delivered).toBe(false)
  })

  test('a bridge container on node1 does not resolve a container of node2', () => {
    const { outcomes } = runClusterScenario(
      `${SWARM}docker run -d --name plain netmodes/busybox:test sleep 3600\ntrace plain -> b1\n`,
      { engine },
    )
    const t = traces(outcomes)[0]
    expect(t?.delivered === false && t.reasonCode).toBe('name-not-resolved')
  })
})

describe('across the swarm LAN (no overlay)', () => {
  const LAN = `${SWARM}docker --node node2 run -d --name web -p 8080:80 nginx
trace node1 -> node2
trace a1 -> node2:8080/tcp
trace node1 -> node2:8081/tcp
`
  test("a node reaches another's host address over the LAN", () => {
    const [ping] = traces(runClusterScenario(LAN, { engine: '20.10' }).outcomes)
    expect(ping?.delivered && ping.reply.delivered).toBe(true)
    expect(ping?.hops.find((h) => h.kind === 'wire')).toMatchObject({ node: 'node1', to: 'node2' })
    expect(ping?.hops[ping.hops.length - 1]).toMatchObject({
      kind: 'deliver',
      node: 'node2',
      namespace: 'host',
    })
  })

  test("a container reaches a port published on another node: each host's NAT is its own, undone there", () => {
    const t = traces(runClusterScenario(LAN, { engine: '20.10' }).outcomes)[1]
    expect(t?.delivered && t.reply.delivered).toBe(true)
    const nat = (hops: Hop[]) =>
      hops.filter((h) => h.kind === 'nat').map((h) => `${h.node} ${h.kind === 'nat' ? h.type : ''}`)
    expect(nat(t?.hops ?? [])).toEqual(['node1 MASQUERADE', 'node2 DNAT'])
    expect(nat(t?.delivered ? t.reply.hops : [])).toEqual(['node2 un-DNAT', 'node1 un-SNAT'])
  })

  test('a port nothing is published on, on the other node, is refused there', () => {
    const t = traces(runClusterScenario(LAN, { engine: '20.10' }).outcomes)[2]
    expect(t?.delivered === false && [t.reasonCode, t.droppedAt.node]).toEqual([
      'port-not-published',
      'node2',
    ])
  })
})

describe('the refusals a swarm gives', () => {
  test('a worker cannot create an overlay; a wrong or malformed token does not join', () => {
    const { outcomes } = runClusterScenario(
      `nodes node1 node2 node3
docker swarm init --advertise-addr 203.0.113.11
docker --node node2 swarm join --token SWMTKN-1-abc-def 203.0.113.11:2377
docker --node node2 swarm join --token not-a-token 203.0.113.11:2377
docker --node node2 swarm join --token WORKER_TOKEN 203.0.113.11:2377
docker --node node2 swarm join --token WORKER_TOKEN 203.0.113.11:2377
docker --node node2 network create -d overlay ov
docker --node node3 swarm join --token WORKER_TOKEN 203.0.113.12:2377
docker --node node3 swarm join --token MANAGER_TOKEN 203.0.113.11:2377
docker --node node3 network create -d overlay --attachable ov3
`,
      { engine: '20.10' },
    )
    expect(docker(outcomes).map((s) => s.result.error ?? s.result.output)).toEqual([
      expect.stringContaining('Swarm initialized'),
      'Error response from daemon: rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster\n',
      'Error response from daemon: invalid join token\n',
      'This node joined a swarm as a worker.\n',
      'Error response from daemon: This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.\n',
      'Error response from daemon: Cannot create a multi-host network from a worker node. Please create the network from a manager node.\n',
      // node2 is a worker: no manager listens at its address.
      expect.stringContaining('Timeout was reached before node joined'),
      'This node joined a swarm as a manager.\n',
      expect.stringMatching(/^[0-9a-z]{25}\n$/),
    ])
  })

  test('a worker leaves without --force; the manager forgets its endpoints', () => {
    const { cluster } = runClusterScenario(SWARM, { engine: '20.10' })
    expect(runOnNode(cluster, 'docker --node node2 rm -f b1').result.exitCode).toBe(0)
    expect(runOnNode(cluster, 'docker --node node2 swarm leave').result.output).toBe('Node left the swarm.\n')
    const node1 = nodeNamed(cluster, 'node1').lab
    expect(findNetwork(node1, 'ingress')?.peers ?? []).toEqual([])
    const inspect = JSON.parse(runOnNode(cluster, 'docker network inspect ingress').result.output)
    expect(inspect[0].Peers.map((p: { IP: string }) => p.IP)).toEqual(['203.0.113.11'])
    // The manager is still warned.
    expect(runOnNode(cluster, 'docker swarm leave').result.error).toContain(
      'Use `--force` to ignore this message.',
    )
  })

  test('a lab of one host has no manager to join, and is left as it was', () => {
    const { cluster } = runClusterScenario('nodes node1 node2\n', {})
    const before = toJSON(nodeNamed(cluster, 'node2').lab)
    const step = runOnNode(cluster, 'docker --node node2 swarm join --token SWMTKN-1-a-b 203.0.113.99:2377')
    expect(step.result.exitCode).toBe(1)
    expect(toJSON(nodeNamed(cluster, 'node2').lab)).toBe(before)
  })

  test.each([
    ['docker network ls\nnodes node1 node2\n', 2, 'must be the first statement'],
    ['nodes node1\n', 1, '"nodes" needs 2 to 9 host names (got 1)'],
    ['nodes node1 node1\n', 1, 'host "node1" is named twice'],
    ['nodes node1 Node2\n', 1, 'host name "Node2"'],
    [
      'nodes node1 node2\ndocker --node node9 ps\n',
      2,
      'no node "node9" (this scenario\'s nodes: node1, node2)',
    ],
    ['nodes node1 node2\nhost ip link add br9 type bridge\n', 2, 'are for a lab of one host'],
    ['nodes node1 node2\ntrace nobody -> node1\n', 2, 'trace source "nobody"'],
  ])('%j is refused at line %i', (source, line, message) => {
    let error: unknown
    try {
      runClusterScenario(source)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ScenarioLineError)
    expect((error as ScenarioLineError).line).toBe(line)
    expect((error as ScenarioLineError).message).toContain(message)
  })
})
