import { readFileSync } from 'node:fs'
import type { EngineVersion, ObservationComparison, RawObservation } from '@netmodes/core'
import {
  compareObservations,
  daemonOfScenario,
  engineOfServerVersion,
  escapeControl,
  hostBeforeScenario,
  isNetmodesError,
  NetmodesError,
  normalizeObservation,
  onlyRecordedViews,
  parseScenario,
  renderObservationDiff,
  ScenarioLineError,
  simulateObservation,
} from '@netmodes/core'
import { EXIT } from './run-scenario-file.js'

export interface VerifyScenarioFileOptions {
  script: string
  against?: string
  /** The engine to simulate; default: the live engine's (or the recording's) own version. */
  engine?: EngineVersion
  json: boolean
  stdout: (text: string) => void
  stderr: (text: string) => void
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new NetmodesError(
      'NOT_FOUND',
      `cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code}`,
    )
  }
}

/** Compares the simulator with a recorded observation of the same scenario. */
function verifyAgainstRecording(
  source: string,
  recordingPath: string,
  asked: EngineVersion | undefined,
): ObservationComparison {
  let recording: RawObservation
  try {
    recording = JSON.parse(readText(recordingPath, 'recording')) as RawObservation
  } catch (error) {
    if (isNetmodesError(error)) throw error
    throw new NetmodesError(
      'INVALID_INPUT',
      `recording ${recordingPath} is not valid JSON: ${(error as Error).message}`,
    )
  }
  // The docker lines, and the host lines where they stand (the recording's host holds what they made).
  const commands = parseScenario(source)
    .filter((s) => s.kind === 'docker' || s.kind === 'host')
    .map((s) => (s.kind === 'host' ? `host ${s.text}` : s.text))
  // The recording names the engine it was made on; a recording without one is of 20.10.
  const engine = asked ?? (recording.engine ? engineOfServerVersion(recording.engine) : '20.10')
  // The recorder started the engine with the scenario's dockerd flags; the simulated daemon starts with them too.
  const simulated = simulateObservation(commands, {
    host: hostBeforeScenario(recording),
    engine,
    daemon: daemonOfScenario(source),
  })
  // What the recorder did not read yet when the recording was made is not compared.
  return compareObservations(
    normalizeObservation(recording),
    normalizeObservation(onlyRecordedViews(recording, simulated)),
  )
}

/** Compares the simulator with a live engine through @netmodes/docker (loaded only when needed). */
async function verifyAgainstEngine(
  source: string,
  asked: EngineVersion | undefined,
  stderr: (s: string) => void,
): Promise<ObservationComparison> {
  // A live engine is compared as it runs: netmodes does not restart it with a scenario's flags.
  const first = parseScenario(source)[0]
  if (first?.kind === 'dockerd')
    throw new ScenarioLineError(
      first.line,
      'netmodes verify compares with the engine as it runs and does not restart it: start dockerd with these flags yourself and drop the line, or verify against a recording (--against) made with them',
    )
  const docker = await import('@netmodes/docker')
  const { startProgress } = await import('./inspect/live.js')
  const conn = await docker.connectDocker()
  // Without --engine the live engine's own version picks the profile (an unmodelled one is refused).
  const engine = asked ?? engineOfServerVersion(conn.serverVersion)
  stderr(
    `verifying against Docker Engine ${conn.serverVersion} at ${conn.endpoint} (simulated as ${engine})…\n`,
  )
  const stop = startProgress('replaying on the engine and on the simulator…')
  try {
    return await docker.verifyScenario(conn, source, { engine })
  } finally {
    stop()
  }
}

/**
 * `netmodes verify`: exit 0 when every observed fact matches, 1 when some
 * differ (the diff says which), 2 on bad input or no engine.
 */
export async function verifyScenarioFile(options: VerifyScenarioFileOptions): Promise<number> {
  try {
    const source = readText(options.script, 'scenario')
    // A bad statement is refused before the engine (or the recording) is touched.
    parseScenario(source)
    const result = options.against
      ? verifyAgainstRecording(source, options.against, options.engine)
      : await verifyAgainstEngine(source, options.engine, options.stderr)
    if (options.json) options.stdout(`${JSON.stringify(result, null, 2)}\n`)
    else options.stdout(renderObservationDiff(result))
    return result.mismatches.length === 0 ? EXIT.ok : EXIT.dockerError
  } catch (error) {
    if (error instanceof ScenarioLineError) {
      options.stderr(`netmodes: ${escapeControl(options.script)}:${error.line}: ${error.detail}\n`)
      return EXIT.usage
    }
    if (isNetmodesError(error)) {
      options.stderr(`netmodes: ${escapeControl(error.message)}\n`)
      return EXIT.usage
    }
    throw error
  }
}
