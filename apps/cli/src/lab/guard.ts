import { ERROR_CODES, isNetmodesError } from '@netmodes/core'
import type { Colors } from '../cli/color.js'

/**
 * Runs a command's body and turns netmodes' own errors (a missing or
 * damaged lab file, bad input) into a message on stderr and the exit code
 * core's table gives the error's code (2).
 */
export function guard(
  stderr: (text: string) => void,
  colors: Colors | undefined,
  body: () => number,
): number {
  try {
    return body()
  } catch (error) {
    if (!isNetmodesError(error)) throw error
    stderr(`${colors ? colors.red('netmodes:') : 'netmodes:'} ${error.message}\n`)
    return ERROR_CODES[error.code].exitCode
  }
}
