/**
 * The one place the UI reads what a docker command did underneath: core
 * gives each operation as data (`{ tool, args }`) and prints it with
 * `operationText`.
 */
import { operationText, type StepResult } from '@netmodes/core'

/** The low-level operations of one step, as the commands a person would type. */
export function operationsOf(result: StepResult): string[] {
  return result.operations.map(operationText)
}
