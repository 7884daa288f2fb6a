import type { RawObservation } from './raw-observation.js'

/**
 * An observation cut to what a recording holds: a recording made before the
 * recorder read the containers' /etc files, or `ip6tables-save`, has none
 * of them to compare, so the other side's are left out too (they are
 * compared where they were recorded).
 *
 * @example
 * compareObservations(normalizeObservation(recording), normalizeObservation(onlyRecordedViews(recording, simulated)))
 */
export function onlyRecordedViews(recording: RawObservation, observation: RawObservation): RawObservation {
  const cut = { ...observation }
  if (recording.files === undefined) delete cut.files
  if (recording.ip6tables === undefined) delete cut.ip6tables
  return cut
}
