/**
 * recordSwarmScenario on two real engines forming a swarm: the nodes
 * scripts/swarm-nodes.sh starts (Engine 20.10, one per network namespace,
 * their eth0s on one LAN). In CI (.ci/run starts them) a missing node
 * fails the suite; elsewhere it is skipped with the reason. The nodes must
 * be in no swarm: the test makes one, and leaves them as it found them.
 */
import { NetmodesError } from '@netmodes/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { callEngine } from '../src/_engine-request.js'
import {
  connectDocker,
  type DockerConnection,
  dockerClientOnPath,
  recordSwarmScenario,
} from '../src/index.js'

// scripts/swarm-nodes.sh's stable names for the 20.10 nodes.
const SOCKETS = ['unix:///run/netmodes-node1.sock', 'unix:///run/netmodes-node2.sock']
const isRoot = process.getuid?.() === 0

async function nodes(): Promise<{ conns?: Record<string, DockerConnection>; cli?: string; why?: string }> {
  try {
    if (!isRoot) throw new Error('the nodes are read as root (their namespaces, iptables)')
    const conns: Record<string, DockerConnection> = {}
    for (const [i, host] of SOCKETS.entries()) {
      const conn = await connectDocker({ host }).catch((error: Error) => {
        throw new Error(`node${i + 1}: ${error.message}; start the nodes with scripts/swarm-nodes.sh`)
      })
      const info = JSON.parse((await callEngine(conn.docker, { method: 'GET', path: '/info' })).text) as {
        Swarm?: { LocalNodeState?: string }
      }
      if ((info.Swarm?.LocalNodeState ?? 'inactive') !== 'inactive')
        throw new Error(`node${i + 1} at ${host} is in a swarm already: the test makes its own`)
      conns[`node${i + 1}`] = conn
    }
    const cli = dockerClientOnPath(/^20\.10\./)
    if (!cli) throw new Error('no docker 20.10 client on PATH')
    return { conns, cli }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    if (process.env.CI) throw new Error(`CI runs the multi-node tests and needs two swarm nodes: ${why}`)
    console.warn(`[@netmodes/docker] skipping the multi-node tests: ${why}`)
    return { why }
  }
}

const found = await nodes()
const IMAGE = 'netmodes/busybox:test'

async function contents(
  conn: DockerConnection,
): Promise<{ swarm: string; containers: number; networks: string[] }> {
  const info = JSON.parse((await callEngine(conn.docker, { method: 'GET', path: '/info' })).text) as {
    Swarm?: { LocalNodeState?: string }
  }
  const containers = JSON.parse(
    (await callEngine(conn.docker, { method: 'GET', path: '/containers/json', query: { all: '1' } })).text,
  ) as unknown[]
  const networks = JSON.parse((await callEngine(conn.docker, { method: 'GET', path: '/networks' })).text) as {
    Name: string
  }[]
  return {
    swarm: info.Swarm?.LocalNodeState ?? 'inactive',
    containers: containers.length,
    networks: networks.map((n) => n.Name).sort(),
  }
}

describe.skipIf(!found.conns)('recordSwarmScenario on two real nodes', () => {
  const conns = found.conns as Record<string, DockerConnection>
  const cli = found.cli as string
  let before: Awaited<ReturnType<typeof contents>>[] = []
  beforeAll(async () => {
    before = [
      await contents(conns.node1 as DockerConnection),
      await contents(conns.node2 as DockerConnection),
    ]
  })
  afterAll(async () => {
    // As the test found them: no swarm, no container, the same networks.
    expect([
      await contents(conns.node1 as DockerConnection),
      await contents(conns.node2 as DockerConnection),
    ]).toEqual(before)
  })

  test('a swarm across two engines: the join with the real token, probes across nodes, each node observed, all undone', async () => {
    const script = [
      'nodes node1 node2',
      'docker swarm init --advertise-addr 203.0.113.11',
      'docker --node node2 swarm join --token WORKER_TOKEN 203.0.113.11:2377',
      'docker network create -d overlay --attachable --subnet 10.212.7.0/24 nmt-ov',
      `docker run -d --name nmt-a1 --network nmt-ov --ip 10.212.7.10 ${IMAGE} nc -ll -p 80 -e echo ok`,
      `docker --node node2 run -d --name nmt-b1 --network nmt-ov ${IMAGE} sleep 3600`,
      'docker --node node2 network rm nmt-ov',
      'trace nmt-b1 -> nmt-a1:80/tcp',
      'trace nmt-b1 -> nmt-a1:81/tcp',
      'trace nmt-a1 -> nmt-b1',
      'trace node2 -> nmt-a1',
    ].join('\n')
    const recording = await recordSwarmScenario(conns, script, { cli })
    const { node1, node2 } = recording.nodes
    if (!node1 || !node2) throw new Error('a node is missing from the recording')
    expect(recording.engine).toMatch(/^20\.10\./)
    expect(node1.steps.map((s) => [s.line, s.exit])).toEqual([
      [2, 0],
      [4, 0],
      [5, 0],
    ])
    // Recorded as written (the placeholder, not the token), run with the token node1's swarm gave.
    expect(node2.steps.map((s) => [s.line, s.command, s.exit, s.stdout])).toEqual([
      [
        3,
        'docker --node node2 swarm join --token WORKER_TOKEN 203.0.113.11:2377',
        0,
        'This node joined a swarm as a worker.\n',
      ],
      [
        6,
        `docker --node node2 run -d --name nmt-b1 --network nmt-ov ${IMAGE} sleep 3600`,
        0,
        expect.stringMatching(/^[0-9a-f]{64}\n$/),
      ],
      // A worker cannot remove a swarm network: the 20.10 client's own words.
      [7, 'docker --node node2 network rm nmt-ov', 1, ''],
    ])
    expect(node2.steps[2]?.stderr).toMatch(
      /^Error response from daemon: This node is not a swarm manager\. Worker nodes can't be used to view or modify cluster state\./,
    )
    // Each probe is kept by the node it was sent from.
    expect(node2.traces?.map((t) => [t.line, t.command, t.delivered])).toEqual([
      [8, 'trace nmt-b1 -> nmt-a1:80/tcp', true],
      [9, 'trace nmt-b1 -> nmt-a1:81/tcp', false],
      [11, 'trace node2 -> nmt-a1', false],
    ])
    expect(node1.traces?.map((t) => [t.command, t.delivered])).toEqual([['trace nmt-a1 -> nmt-b1', true]])
    // Each node's own engine: a1 on node1, b1 on node2, the overlay on both.
    expect(node1.containers.map((c) => c.Name)).toEqual(['/nmt-a1'])
    expect(node2.containers.map((c) => c.Name)).toEqual(['/nmt-b1'])
    expect(node2.networks.map((n) => n.Name)).toContain('nmt-ov')
    // The machine's link (the LAN's eth0) is left out; what Docker made stays.
    const links = (node2.namespaces.host?.addr ?? []).map((l) => (l as { ifname: string }).ifname)
    expect(links).not.toContain('eth0')
    expect(links).toContain('docker_gwbridge')
    // node2's overlay namespace: the vxlan device and the static FDB entry for a1 behind node1's address.
    const ov = node2.overlays?.['nmt-ov']
    const vxlan = ov?.link.find((l) => (l as { ifname: string }).ifname === 'vxlan0') as
      | { linkinfo: { info_kind: string; info_data: { id: number; port: number } } }
      | undefined
    expect(vxlan?.linkinfo.info_kind).toBe('vxlan')
    expect(vxlan?.linkinfo.info_data.port).toBe(4789)
    expect(ov?.fdb).toContainEqual(expect.objectContaining({ mac: '02:42:0a:d4:07:0a', dst: '203.0.113.11' }))
    expect(ov?.neigh).toContainEqual(
      expect.objectContaining({ dst: '10.212.7.10', lladdr: '02:42:0a:d4:07:0a' }),
    )
  })

  test('a line on a node it was given no engine for is refused before anything runs', async () => {
    const only = { node1: conns.node1 as DockerConnection }
    const refused = recordSwarmScenario(
      only,
      'nodes node1 node2\ndocker swarm init --advertise-addr 203.0.113.11',
      { cli },
    )
    await expect(refused).rejects.toThrow(NetmodesError)
    await expect(refused).rejects.toThrow(/the scenario runs on node2, which was given no engine/)
    await expect(recordSwarmScenario(conns, 'docker network ls', { cli })).rejects.toThrow(
      /a multi-node scenario starts with a "nodes node1 node2\.\.\." line/,
    )
  })
})
