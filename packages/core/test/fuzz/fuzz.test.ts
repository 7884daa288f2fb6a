/**
 * The fuzzer: random docker command lines on saved labs, and random lab
 * files, against the invariants. `pnpm test` runs a bounded number of cases
 * with a fixed seed; `pnpm fuzz` (at the repo root) runs 100,000 with a new
 * seed each time. FUZZ_SEED replays a run, FUZZ_RUNS sets the number of
 * cases, FUZZ_OFF=proto,ports switches input generators off.
 */
import fc from 'fast-check'
import { afterAll, test } from 'vitest'
import { fromJSON, type LabState, toJSON } from '../../src/index.js'
import { loadCorpus } from './corpus.js'
import { dockerLineArbitrary, GENERATORS, type GeneratorName } from './docker-line-arbitrary.js'
import { checkLabText, runChecked } from './invariants.js'
import { labTextArbitrary } from './lab-arbitrary.js'

const env = process.env
const RUNS = Number(env.FUZZ_RUNS ?? 1000)
const SEED =
  env.FUZZ_SEED !== undefined
    ? Number(env.FUZZ_SEED)
    : env.FUZZ_RANDOM
      ? (Date.now() ^ (Math.random() * 2 ** 31)) | 0
      : 20261202
const OFF = new Set(
  (env.FUZZ_OFF ?? '')
    .split(',')
    .filter((g): g is GeneratorName => (GENERATORS as readonly string[]).includes(g)),
)

const corpus = loadCorpus()
// Each saved lab loaded (and so checked) once; a case works on a copy.
const savedLabs = corpus.labs.map((text) => fromJSON(text))
const counts = { lines: 0, labs: 0, refused: 0, stopped: 0 }
const started = performance.now()

afterAll(() => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `fuzz: seed ${SEED} (FUZZ_SEED=${SEED} replays it), ${counts.lines + counts.labs} cases: ${counts.lines} docker command sequences, ${counts.labs} lab files (${counts.refused} refused, ${counts.stopped} loaded but stopped the engine, unchanged), in ${seconds} s${OFF.size ? `; generators off: ${[...OFF].join(',')}` : ''}`,
  )
})

test('fuzz: random docker command lines on saved labs', () => {
  const line = dockerLineArbitrary(corpus.commands, OFF)
  fc.assert(
    fc.property(
      fc.nat({ max: corpus.labs.length - 1 }),
      fc.array(line, { minLength: 1, maxLength: 3 }),
      (labIndex, lines) => {
        counts.lines++
        const lab = structuredClone(savedLabs[labIndex] as LabState)
        for (const l of lines) runChecked(lab, l)
        // What the commands left is a lab that loads back as itself.
        if (toJSON(fromJSON(toJSON(lab))) !== toJSON(lab))
          throw new Error('the lab does not load back as itself')
      },
    ),
    { seed: SEED, numRuns: Math.round(RUNS * 0.7) },
  )
}, 3_600_000)

test('fuzz: random lab files', () => {
  fc.assert(
    fc.property(labTextArbitrary(corpus.labs), (text) => {
      counts.labs++
      const outcome = checkLabText(text)
      if (outcome === 'refused') counts.refused++
      if (outcome === 'stopped') counts.stopped++
    }),
    { seed: SEED + 1, numRuns: Math.round(RUNS * 0.3) },
  )
}, 3_600_000)
