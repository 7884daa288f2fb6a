/**
 * The simulator must reproduce every recorded observation of each real
 * engine it is held to (conformance.mjs `simulated`), exactly (after
 * normalization of random IDs and names).
 */
import { readFileSync } from 'node:fs'
import { renderObservationDiff } from '@netmodes/core'
import { describe, expect, test } from 'vitest'
import {
  engines,
  engineVersions,
  isPending,
  onlyOn,
  readRecording,
  recordedScenarios,
  recordedSnapshots,
  scoreRecording,
} from '../conformance.mjs'

test('every engine has recordings for every mode', () => {
  for (const engine of engineVersions) expect(recordedScenarios(engine).length).toBeGreaterThanOrEqual(15)
})

test('both engines have recordings of the same scenarios, but those one engine only runs', () => {
  const shared = (engine: string) => recordedScenarios(engine).filter((name) => !(name in onlyOn))
  expect(shared('28')).toEqual(shared('20.10'))
})

// What the simulator is held to: every recording but those still pending (conformance.mjs).
const heldTo = (engine: string): string[] =>
  [...recordedScenarios(engine), ...recordedSnapshots(engine)].filter((name) => !isPending(name))

for (const engine of engineVersions.filter((v) => engines[v]?.simulated)) {
  describe(`the simulator reproduces Docker Engine ${engine}`, () => {
    const scenarios: string[] = heldTo(engine)
    test.each(scenarios)('%s', (name) => {
      const result = scoreRecording(engine, readRecording(engine, name), name)
      if (result.mismatches.length) expect.fail(renderObservationDiff(result))
      expect(result.matched).toBe(result.total)
    })
  })
}

// Engines the simulator is not yet held to exactly: it may not fall below the
// facts it matched when the figure was last raised (floor-<engine>.json).
// Raise a floor when the simulator gets better; never lower one.
for (const engine of engineVersions.filter((v) => !engines[v]?.simulated)) {
  describe(`the simulator keeps what it matches of Docker Engine ${engine}`, () => {
    const floors = JSON.parse(
      readFileSync(new URL(`../floor-${engine}.json`, import.meta.url), 'utf8'),
    ) as Record<string, { matched: number; total: number }>
    const scenarios: string[] = heldTo(engine)
    test('every recording has a floor', () => {
      expect(Object.keys(floors).sort()).toEqual([...scenarios].sort())
    })
    test.each(scenarios)('%s', (name) => {
      const result = scoreRecording(engine, readRecording(engine, name), name)
      const floor = floors[name]
      expect(result.total, 'facts in the recording').toBe(floor?.total)
      if (result.matched < (floor?.matched ?? 0)) expect.fail(renderObservationDiff(result))
    })
  })
}

describe('a snapshot of the real host (labFromObservation) predicts the real probes', () => {
  test('probes: every trace line traced on the recorded host, read back into a lab', async () => {
    const { labFromObservation, traceLine } = await import('@netmodes/core')
    const recording = readRecording('20.10', 'probes')
    const lab = labFromObservation(recording, { kernel: { ipvlan: false, dummy: false, vlan: false } })
    const predicted = (recording.traces ?? []).map((t) => ({
      command: t.command,
      delivered: traceLine(lab, t.command).delivered,
    }))
    expect(predicted).toEqual(
      (recording.traces ?? []).map(({ command, delivered }) => ({ command, delivered })),
    )
    expect(predicted.length).toBeGreaterThanOrEqual(19)
  })
})
