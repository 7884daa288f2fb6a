import { NetmodesError } from '../errors.js'
import type { LabState } from '../model/state.js'
import { labProblem } from './lab-schema/lab-problem.js'

/**
 * A lab as JSON text. The state is plain data, so this is lossless:
 * `fromJSON(toJSON(lab))` deep-equals `lab`.
 *
 * @example
 * const saved = toJSON(lab)
 */
export function toJSON(lab: LabState): string {
  return JSON.stringify(lab)
}

/**
 * Restores a lab saved with {@link toJSON}. A lab loads whole or not at
 * all: anything that is not one, down to a single field out of range, is
 * refused with the path of that field.
 *
 * @example
 * fromJSON(text) // throws "lab file is not a netmodes lab (schema 1): rng.counter: must be an integer in 0..2^53-1"
 */
export function fromJSON(text: string): LabState {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new NetmodesError('INVALID_INPUT', `lab file is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    })
  }
  const problem = labProblem(value)
  if (problem)
    throw new NetmodesError('INVALID_INPUT', `lab file is not a netmodes lab (schema 1): ${problem}`)
  return value as LabState
}
