import type { CreateLabOptions, ObservationComparison, RawObservation } from '@netmodes/core'

/** An engine the scenarios are recorded on (see conformance.mjs). */
export interface RecordedEngine {
  hostEnv: string
  pidfileEnv?: string
  cli: string | undefined
  clientVersion: RegExp | undefined
  simulated: boolean
  /** The engines of the multi-node scenarios: node i's socket and pidfile, and their docker client's version. */
  swarm: { clientVersion: RegExp; socket(i: number): string; pidfile(i: number): string }
}

/** A multi-node recording: node1's engine version and one observation per node. */
export interface SwarmRecordingFile {
  engine: string
  nodes: Record<string, RawObservation & { overlays?: Record<string, unknown> }>
}

export const here: string
export const engines: Record<string, RecordedEngine>
export const engineVersions: string[]
export const pending: ReadonlySet<string>
export function isPending(name: string): boolean
export const onlyOn: Record<string, string[]>
export function scenarioRunsOn(name: string, engine: string): boolean
export function recordedDir(engine: string): string
export function recordedScenarios(engine: string): string[]
export function recordedSnapshots(engine: string): string[]
export function readRecording(engine: string, name: string): RawObservation
export function readScenario(name: string): string
export function compareRuns(
  engine: string,
  expected: RawObservation,
  actual: RawObservation,
): ObservationComparison
export function replayInputs(
  engine: string,
  recording: RawObservation,
  name?: string,
): { lines: string[]; labOptions: CreateLabOptions }
export function swarmNodeReset(
  engine: string,
  i: number,
): { host: string; pidfile: string; egressGuard: false }
export function isSwarmRecording(recording: unknown): recording is SwarmRecordingFile
export function maskSwarmIds<T extends SwarmRecordingFile>(recording: T): T
export function compareSwarmRuns(
  engine: string,
  expected: SwarmRecordingFile,
  actual: SwarmRecordingFile,
): ObservationComparison
export function scoreSwarmRecording(
  engine: string,
  recording: SwarmRecordingFile,
  name: string,
  source?: string,
): ObservationComparison
export function compareReplay(
  engine: string,
  recording: RawObservation,
  observed: RawObservation,
): ObservationComparison
export function scoreRecording(
  engine: string,
  recording: RawObservation,
  name?: string,
): ObservationComparison
