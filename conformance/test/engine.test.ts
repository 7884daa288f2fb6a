/**
 * The recordings must still be what a fresh real engine does: each scenario
 * is replayed on a freshly reset local Docker Engine and observed again, and
 * the observation must equal the recording fact for fact. Neither side holds
 * the links of the machine it ran on (recordScenario leaves them out), so
 * this holds on a machine the recordings were not made on. This keeps the
 * recordings (and so the simulator's target) from drifting from reality.
 *
 * It needs root and a local dockerd it may restart (scripts/test-engine.sh
 * prepares one). In CI a missing engine fails the suite; elsewhere the suite
 * says why it is skipped.
 */
import { compareObservations, normalizeObservation, renderObservationDiff } from '@netmodes/core'
import { connectDocker, recordScenario, resetEngine } from '@netmodes/docker'
import { beforeAll, describe, expect, test } from 'vitest'
import { readRecording, readScenario, recordedScenarios } from '../conformance.mjs'

const scenarios: string[] = recordedScenarios()
const engine = await connectDocker().then(
  (conn) => ({ ok: true as const, conn }),
  (error: Error) => ({ ok: false as const, why: error.message }),
)
const isRoot = process.getuid?.() === 0
// Each scenario resets the engine (everything on it goes): as packages/docker's
// resetEngine test, it runs in CI, which owns its engine, or when asked for.
const allowed = !!process.env.CI || process.env.NETMODES_RESET_ENGINE === '1'
const runnable = engine.ok && isRoot && allowed
if (!runnable && !process.env.CI) {
  const why = !allowed
    ? 'it resets the engine at DOCKER_HOST between scenarios; set NETMODES_RESET_ENGINE=1 to run it'
    : engine.ok
      ? 'not root (the engine is reset between scenarios)'
      : engine.why
  console.warn(`conformance against a real engine skipped: ${why}`)
}

describe.skipIf(!runnable && !process.env.CI)('a fresh Docker Engine still does what was recorded', () => {
  beforeAll(() => {
    if (!engine.ok) throw new Error(`CI needs a Docker engine: ${engine.why}`)
    if (!isRoot) throw new Error('CI needs root to reset the Docker engine between scenarios')
  })
  test.each(scenarios)('%s', { timeout: 180_000 }, async (name) => {
    // Replayed and observed as the recorder does, the machine's own links left out.
    const conn = await resetEngine()
    const recorded = readRecording(name)
    const observed = await recordScenario(conn, readScenario(name))
    // A recording made before the recorder read the containers' /etc files has
    // none to hold the engine to: those are compared where they were recorded.
    if (recorded.files === undefined) delete observed.files
    const result = compareObservations(normalizeObservation(recorded), normalizeObservation(observed))
    if (result.mismatches.length)
      expect.fail(renderObservationDiff(result, { expected: 'recorded', actual: 'engine now' }))
    expect(result.matched).toBe(result.total)
  })
})
