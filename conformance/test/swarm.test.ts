/**
 * Multi-node recordings (scenarios/swarm-*.sh, one observation per node) are
 * scored node by node on core's simulated cluster. Held here to the real
 * recordings of two-node swarms of both engines (fixtures/: swarm-overlay and
 * swarm-service with their scenarios, byte for byte as recorded on the real
 * swarms), so the scoring path is checked before such recordings are in
 * recorded/.
 */
import { readFileSync } from 'node:fs'
import { renderObservationDiff } from '@netmodes/core'
import { expect, test } from 'vitest'
import {
  isSwarmRecording,
  type SwarmRecordingFile,
  scoreRecording,
  scoreSwarmRecording,
} from '../conformance.mjs'

const fixture = (file: string) => readFileSync(new URL(`fixtures/${file}`, import.meta.url), 'utf8')
const recording = JSON.parse(fixture('swarm-overlay-20.10.json')) as SwarmRecordingFile
const source = fixture('swarm-overlay.sh')

test('a multi-node recording is told from a single-node one', () => {
  expect(isSwarmRecording(recording)).toBe(true)
  expect(isSwarmRecording({ steps: [] })).toBe(false)
})

test.each([
  ['20.10', 'swarm-overlay'],
  ['28', 'swarm-overlay'],
  ['20.10', 'swarm-service'],
  ['28', 'swarm-service'],
])(
  'the simulated cluster reproduces a real two-node %s recording of %s, state and probes',
  (engine, name) => {
    const real = JSON.parse(fixture(`${name}-${engine}.json`)) as SwarmRecordingFile
    const result = scoreSwarmRecording(engine, real, name, fixture(`${name}.sh`))
    if (result.mismatches.length) expect.fail(renderObservationDiff(result))
    expect(result.total).toBeGreaterThan(300)
    expect(result.matched).toBe(result.total)
  },
)

test('a probe the simulator would predict otherwise is a mismatch on its node', () => {
  const changed = JSON.parse(JSON.stringify(recording)) as SwarmRecordingFile
  const t = changed.nodes.node2?.traces?.find((x) => x.command === 'trace b1 -> a1:80/tcp')
  if (!t) throw new Error('the fixture has no trace b1 -> a1:80/tcp')
  t.delivered = false
  const result = scoreSwarmRecording('20.10', changed, 'swarm-overlay', source)
  expect(result.total - result.matched).toBe(1)
  expect(result.mismatches[0]?.path).toMatch(/^node2\/traces/)
})

test('scoreRecording sends a multi-node recording to the cluster', () => {
  // Without a scenario file of that name the cluster has nothing to replay: the file is read.
  expect(() => scoreRecording('20.10', recording as never, 'swarm-no-such-scenario')).toThrow(/ENOENT/)
})

// The overlay driver's kernel entries, against what the real nodes had in
// each overlay's namespace: the PERMANENT neighbour entries and the fdb
// entries with a remote `dst`, for every endpoint of the other node (its
// containers' and its load balancer's), and the VXLAN device's id and port.
// Not yet compared: the ingress network's namespace (the model gives the
// ingress sandbox and the load balancers addresses, not their veths) and the
// kernel's own fdb entries (port MACs, multicast groups).
test("each node's overlay namespace holds the peer entries the real node had", async () => {
  const { simulateClusterObservation } = await import('@netmodes/core')
  const simulated = simulateClusterObservation(source, { engine: '20.10' })
  for (const node of ['node1', 'node2']) {
    type Overlay = {
      fdb: { mac: string; ifname: string; dst?: string }[]
      neigh: { dst: string; lladdr: string }[]
      link: {
        ifname: string
        linkinfo?: { info_kind?: string; info_data?: { id?: number; port?: number } }
      }[]
    }
    const real = (recording.nodes[node]?.overlays as Record<string, Overlay> | undefined)?.ov
    const ours = simulated.nodes[node]?.overlays?.ov as unknown as Overlay
    const remote = (o: Overlay | undefined) =>
      (o?.fdb ?? [])
        .filter((f) => f.dst)
        .map((f) => `${f.mac} ${f.ifname} ${f.dst}`)
        .sort()
    const neigh = (o: Overlay | undefined) => (o?.neigh ?? []).map((n) => `${n.dst} ${n.lladdr}`).sort()
    const vxlan = (o: Overlay | undefined) => o?.link.find((l) => l.ifname === 'vxlan0')?.linkinfo?.info_data
    expect(remote(ours), node).toEqual(remote(real))
    expect(remote(ours).length, node).toBe(2)
    expect(neigh(ours), node).toEqual(neigh(real))
    expect(vxlan(ours), node).toMatchObject({ id: vxlan(real)?.id, port: vxlan(real)?.port })
  }
})
