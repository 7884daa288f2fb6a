/**
 * The simulator must reproduce every recorded observation of the real
 * engine, exactly (after normalization of random IDs and names).
 */
import { renderObservationDiff } from '@netmodes/core'
import { describe, expect, test } from 'vitest'
// @ts-expect-error plain ESM helper shared with score.mjs
import { readRecording, recordedScenarios, scoreRecording } from '../conformance.mjs'

const scenarios: string[] = recordedScenarios()

describe('the simulator reproduces Docker Engine 20.10.24', () => {
  test('there are recordings for every mode', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(15)
  })
  test.each(scenarios)('%s', (name) => {
    const result = scoreRecording(readRecording(name))
    if (result.mismatches.length) expect.fail(renderObservationDiff(result))
    expect(result.matched).toBe(result.total)
  })
})
