/**
 * What each error code means to a front end, in one table: the exit code
 * the CLI ends with and the HTTP status the server answers with (as trpc's
 * `rpc/codes.ts` keeps one table for every transport). The CLI's codes are
 * its documented ones: 2 for any of netmodes' own errors (1 is left to a
 * docker command that failed, with docker's own code when it has one).
 */
import type { ErrorCode } from './errors.js'

export interface ErrorCodeMeaning {
  /** The CLI's exit code. */
  exitCode: number
  /** The server's status when the error answers a request. */
  httpStatus: number
}

/**
 * @example
 * ERROR_CODES[error.code].httpStatus // 404 for NOT_FOUND
 */
export const ERROR_CODES: Readonly<Record<ErrorCode, ErrorCodeMeaning>> = Object.freeze({
  // The request was understood but its content cannot be run: a bad trace spec, a bad address.
  INVALID_INPUT: { exitCode: 2, httpStatus: 422 },
  // A container, rule or lab the request names is not there.
  NOT_FOUND: { exitCode: 2, httpStatus: 404 },
  CONFLICT: { exitCode: 2, httpStatus: 409 },
  EXHAUSTED: { exitCode: 2, httpStatus: 422 },
  UNSUPPORTED: { exitCode: 2, httpStatus: 422 },
  INTERNAL: { exitCode: 2, httpStatus: 500 },
})
