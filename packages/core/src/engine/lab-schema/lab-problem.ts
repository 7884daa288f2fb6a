import { refine } from './field-schema.js'
import { labReferenceProblem } from './lab-references.js'
import { labSchema } from './lab-schema.js'

/**
 * Why a parsed JSON value is not a usable lab ("path: problem"), or
 * undefined when it is one: every field's type and range, then the ids the
 * fields refer to.
 *
 * @example
 * labProblem({ ...lab, rng: { seed: 1, counter: 1e300 } }) // 'rng.counter: must be an integer in 0..2^53-1'
 */
export function labProblem(value: unknown): string | undefined {
  return checkedLab.problem(value, undefined)
}

const checkedLab = refine(labSchema, (lab) => labReferenceProblem(lab))
