// `pnpm bench` in packages/core: prints the core's figures (built package, Node --expose-gc),
// then each goal with its figure on both engine profiles beside the baseline it started from.

import { benchEngine } from './engine.mjs'
import { benchIpam } from './ipam.mjs'
import { benchScenario } from './scenario.mjs'
import { benchTrace } from './trace.mjs'
import { benchWhatIf } from './what-if.mjs'

/**
 * The goals of a web page that re-simulates a scenario on every keystroke, and the figures
 * measured before the work on them began (2026-12-03). `under` is the goal; a goal without
 * one is watched (it must not grow). A baseline that was not measured for a profile is null.
 */
const GOALS = [
  { key: 'scenario', what: '1 network + 50 containers with -p', unit: 'ms', under: 1 },
  { key: 'host10k', what: 'build the 10,000-container host', unit: 'ms', under: 500 },
  { key: 'parse', what: 'parse one docker run line', unit: 'µs' },
  { key: 'networkCreate', what: 'docker network create, per command', unit: 'µs' },
  { key: 'toJSON', what: 'serialize the 10,000-container lab', unit: 'ms' },
  { key: 'firstTrace', what: 'first trace on the 10,000-container host', unit: 'ms' },
]
const BASELINE_DATE = '2026-12-03'
const BASELINES = {
  scenario: { '20.10': 7.7, 28: 5.3 },
  host10k: { '20.10': 2190, 28: 2450 },
  parse: { both: 11 },
  networkCreate: { '20.10': 567, 28: null },
  toJSON: { '20.10': 297, 28: null },
  firstTrace: { '20.10': 175, 28: null },
}

const rows = [
  ...(await benchScenario()),
  ...(await benchIpam()),
  ...(await benchEngine()),
  ...(await benchTrace()),
  ...(await benchWhatIf()),
]
const number = (v) => v.toLocaleString('en-US', { maximumFractionDigits: 3 })
const width = Math.max(...rows.map((r) => r.name.length))
for (const r of rows) console.log(`${r.name.padEnd(width)}  ${number(r.value)} ${r.unit}`)

// One cell per profile: the figure now, then the baseline; the parser has no profile, so one figure serves both.
const figure = (key, profile) =>
  rows.find((r) => r.goal === key && r.profile === profile) ??
  rows.find((r) => r.goal === key && r.profile === 'both')
const baseline = (key, profile) => BASELINES[key][profile] ?? BASELINES[key].both ?? null
const cell = (goal, profile) => {
  const now = figure(goal.key, profile)
  const before = baseline(goal.key, profile)
  const met = goal.under === undefined || now === undefined ? '' : now.value < goal.under ? ' ok' : ' MISSED'
  return `${now ? number(now.value) : '?'} (was ${before === null ? '—' : number(before)})${met}`
}
console.log(`\nGoals (${BASELINE_DATE} baselines in parentheses)`)
const goalWidth = Math.max(...GOALS.map((g) => g.what.length + 12))
for (const g of GOALS) {
  const target = g.under === undefined ? 'watch' : `< ${number(g.under)} ${g.unit}`
  console.log(
    `${`${g.what} [${g.unit}]`.padEnd(goalWidth)}  ${target.padEnd(8)}  20.10: ${cell(g, '20.10').padEnd(24)}  28: ${cell(g, '28')}`,
  )
}
