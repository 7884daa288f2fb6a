// Shared by score.mjs and the tests: load the recordings and replay them on the simulator.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  compareObservations,
  hostFromObservation,
  normalizeObservation,
  simulateObservation,
} from '@netmodes/core'

export const here = fileURLToPath(new URL('.', import.meta.url))
export const recordedDir = process.env.NETMODES_RECORDED ?? `${here}recorded/`
const machine = JSON.parse(readFileSync(`${here}host.json`, 'utf8'))

/** Scenario names that have a recording, in name order. */
export function recordedScenarios() {
  return readdirSync(recordedDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort()
}

/**
 * Mid-scenario observations (`snapshot LABEL` lines), as "NAME@LABEL": the
 * state part-way through a sequence (before a stop, after a disconnect).
 */
export function recordedSnapshots() {
  const dir = `${recordedDir}snapshots/`
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .sort()
    .flatMap((name) =>
      readdirSync(`${dir}${name}`)
        .filter((f) => f.endsWith('.json'))
        .map((f) => `${name}@${f.slice(0, -5)}`)
        .sort(),
    )
}

export function readRecording(name) {
  const [scenario, label] = name.split('@')
  const file = label ? `${recordedDir}snapshots/${scenario}/${label}.json` : `${recordedDir}${scenario}.json`
  return JSON.parse(readFileSync(file, 'utf8'))
}

export function readScenario(name) {
  return readFileSync(`${here}scenarios/${name}.sh`, 'utf8')
}

/**
 * Replays a recording on a simulated copy of the recording host and compares.
 * A whole scenario is replayed from its file, so `trace` lines run where they
 * stand; a snapshot replays the docker lines recorded up to it.
 */
export function scoreRecording(recording, name) {
  const host = hostFromObservation(recording, {
    nameservers: machine.nameservers,
    hostname: machine.hostname ?? 'recorder',
    ...(machine.resolvConf !== undefined ? { resolvConf: machine.resolvConf } : {}),
    ...(machine.hostsFile !== undefined ? { hostsFile: machine.hostsFile } : {}),
  })
  const lines =
    name && !name.includes('@')
      ? readScenario(name)
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l.startsWith('docker ') || l.startsWith('trace '))
      : recording.steps.filter((s) => s.command.startsWith('docker ')).map((s) => s.command)
  const simulated = simulateObservation(lines, { host, profile: { kernel: machine.kernel } })
  // Recordings made before the recorder read the containers' /etc files have none to compare.
  if (!recording.files) delete simulated.files
  return compareObservations(normalizeObservation(recording), normalizeObservation(simulated))
}
