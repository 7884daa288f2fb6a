import type { ObservationComparison, RawObservation } from '@netmodes/core'

export const here: string
export const recordedDir: string
export function recordedScenarios(): string[]
export function recordedSnapshots(): string[]
export function readRecording(name: string): RawObservation
export function readScenario(name: string): string
export function scoreRecording(recording: RawObservation, name?: string): ObservationComparison
