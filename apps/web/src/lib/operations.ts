/**
 * The one place the UI reads what a docker command did underneath. Today a
 * step's operations are the commands a person would type, as strings; when
 * core makes them data with a render function, this is the line to change.
 */
import type { StepResult } from '@netmodes/core'

/** The low-level operations of one step, as the commands a person would type. */
export function operationsOf(result: StepResult): string[] {
  return result.operations.map((operation) => String(operation))
}
