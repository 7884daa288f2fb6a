import type { EngineVersion, ObservationComparison } from '@netmodes/core'
import {
  compareObservations,
  labFromObservation,
  normalizeObservation,
  observeLab,
  runDocker,
} from '@netmodes/core'
import type { DockerConnection } from './connect-docker.js'
import { hostFiles } from './host-files.js'
import { kernelProfile } from './kernel-profile.js'
import { observeEngine } from './observe-engine.js'
import { withReplay } from './replay-script.js'

/**
 * Replays a scenario on the simulator and on a real engine and compares what
 * each built, fact by fact. The simulator starts from the engine's state
 * before the replay (read with {@link observeEngine}), so an engine that
 * already runs things can be verified too. Everything the replay created on
 * the engine is removed afterwards, also when it fails half-way.
 *
 * @example
 * const result = await verifyScenario(conn, 'docker network create app')
 * result.mismatches // [] when netmodes is right
 */
export async function verifyScenario(
  conn: DockerConnection,
  source: string,
  options: { engine?: EngineVersion } = {},
): Promise<ObservationComparison> {
  const before = await observeEngine(conn)
  const profile = {
    ...(conn.local ? { kernel: await kernelProfile() } : {}),
    // The engine whose behaviour the simulator follows (default: core's, 20.10).
    ...(options.engine ? { version: options.engine } : {}),
  }
  const real = await withReplay(conn, source, async (replay) => ({
    ...(await observeEngine(conn)),
    steps: replay.steps,
  }))
  const lab = labFromObservation(before, profile, conn.local ? hostFiles() : {})
  const steps = real.steps
    .filter((s) => s.command.startsWith('docker '))
    .map((s) => {
      const r = runDocker(lab, s.command)
      return { command: s.command, exit: r.exitCode, stdout: r.output, stderr: r.error ?? '' }
    })
  return compareObservations(normalizeObservation(real), normalizeObservation(observeLab(lab, steps)))
}
