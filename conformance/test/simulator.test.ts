/**
 * The simulator must reproduce every recorded observation of the real
 * engine, exactly (after normalization of random IDs and names).
 */
import { renderObservationDiff } from '@netmodes/core'
import { describe, expect, test } from 'vitest'
import { readRecording, recordedScenarios, recordedSnapshots, scoreRecording } from '../conformance.mjs'

const scenarios: string[] = [...recordedScenarios(), ...recordedSnapshots()]

describe('the simulator reproduces Docker Engine 20.10.24', () => {
  test('there are recordings for every mode', () => {
    expect(recordedScenarios().length).toBeGreaterThanOrEqual(15)
  })
  test.each(scenarios)('%s', (name) => {
    const result = scoreRecording(readRecording(name), name)
    if (result.mismatches.length) expect.fail(renderObservationDiff(result))
    expect(result.matched).toBe(result.total)
  })
})

describe('a snapshot of the real host (labFromObservation) predicts the real probes', () => {
  test('probes: every trace line traced on the recorded host, read back into a lab', async () => {
    const { labFromObservation, traceLine } = await import('@netmodes/core')
    const recording = readRecording('probes')
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
