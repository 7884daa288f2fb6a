/**
 * Multi-node recordings (scenarios/swarm-*.sh, one observation per node) are
 * scored node by node on core's simulated cluster. Held here to a real
 * recording of two 20.10 nodes (fixtures/: swarm-overlay as recorded on the
 * real swarm), so the scoring path is checked before such recordings are in
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

test('the simulated cluster reproduces a real two-node swarm-overlay recording, state and probes', () => {
  const result = scoreSwarmRecording('20.10', recording, 'swarm-overlay', source)
  if (result.mismatches.length) expect.fail(renderObservationDiff(result))
  expect(result.total).toBeGreaterThan(300)
  expect(result.matched).toBe(result.total)
})

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
