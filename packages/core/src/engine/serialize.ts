import { NetmodesError } from '../errors.js'
import type { LabState } from '../model/state.js'

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

/** Restores a lab saved with {@link toJSON}; rejects anything that is not one. */
export function fromJSON(text: string): LabState {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new NetmodesError('INVALID_INPUT', `lab file is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    })
  }
  const lab = value as Partial<LabState> | null
  if (
    !lab ||
    typeof lab !== 'object' ||
    lab.schema !== 1 ||
    !lab.namespaces ||
    !Array.isArray(lab.networks) ||
    !lab.netfilter
  ) {
    throw new NetmodesError('INVALID_INPUT', 'lab file is not a netmodes lab (schema 1)')
  }
  return lab as LabState
}
