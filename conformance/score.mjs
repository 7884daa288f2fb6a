// `pnpm conformance`: how much of what a real Docker Engine 20.10 did the simulator reproduces,
// fact by fact, per scenario and overall, with the diff of every fact that does not match.
import { renderObservationDiff } from '@netmodes/core'
import { readRecording, recordedScenarios, recordedSnapshots, scoreRecording } from './conformance.mjs'

let matched = 0
let total = 0
const failures = []
for (const name of [...recordedScenarios(), ...recordedSnapshots()]) {
  const result = scoreRecording(readRecording(name), name)
  matched += result.matched
  total += result.total
  const pct = ((100 * result.matched) / result.total).toFixed(1)
  console.log(
    `${result.mismatches.length === 0 ? '✓' : '✗'} ${name.padEnd(26)} ${result.matched}/${result.total} (${pct}%)`,
  )
  if (result.mismatches.length) failures.push([name, result])
}
for (const [name, result] of failures) console.log(`\n── ${name}\n${renderObservationDiff(result)}`)
console.log(
  `\nconformance: ${matched}/${total} observations match (${((100 * matched) / total).toFixed(2)}%)`,
)
process.exitCode = matched === total ? 0 : 1
