import type { Observation } from './normalize-observation.js'

/** One fact the two observations disagree on. */
export interface ObservationMismatch {
  path: string
  /** What the reference (the real engine) shows; undefined when it has no such fact. */
  expected?: string
  /** What the simulator shows; undefined when it has no such fact. */
  actual?: string
}

export interface ObservationComparison {
  matched: number
  total: number
  mismatches: ObservationMismatch[]
}

/**
 * Compares two normalized observations fact by fact; the score is the share
 * of the reference's facts (and of the facts only the other has) that agree.
 *
 * @example
 * const { matched, total } = compareObservations(engineFacts, simulatorFacts)
 */
export function compareObservations(expected: Observation, actual: Observation): ObservationComparison {
  const paths = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()
  const mismatches: ObservationMismatch[] = []
  for (const path of paths) {
    const e = expected[path]
    const a = actual[path]
    if (e !== a)
      mismatches.push({
        path,
        ...(e !== undefined ? { expected: e } : {}),
        ...(a !== undefined ? { actual: a } : {}),
      })
  }
  return { matched: paths.length - mismatches.length, total: paths.length, mismatches }
}

/**
 * A diff a person can act on: each fact that differs, what the engine
 * showed and what netmodes computed.
 */
export function renderObservationDiff(
  comparison: ObservationComparison,
  labels = { expected: 'engine', actual: 'netmodes' },
): string {
  const lines: string[] = []
  const show = (v: string | undefined) =>
    v === undefined
      ? '(absent)'
      : v.includes('\n')
        ? `\n      ${v.split('\n').join('\n      ')}`
        : JSON.stringify(v)
  for (const m of comparison.mismatches) {
    lines.push(`✗ ${m.path}`)
    lines.push(`    ${labels.expected}: ${show(m.expected)}`)
    lines.push(`    ${labels.actual}: ${show(m.actual)}`)
  }
  const pct = comparison.total === 0 ? 100 : (100 * comparison.matched) / comparison.total
  lines.push(`${comparison.matched}/${comparison.total} facts match (${pct.toFixed(1)}%)`)
  return `${lines.join('\n')}\n`
}
