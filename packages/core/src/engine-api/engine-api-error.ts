import type { ErrorCode } from '../errors.js'

/**
 * An Engine API error: the status and `{"message": ...}` the engine answers
 * with (api/server/httpstatus: errdefs kinds to statuses).
 */
export class EngineApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * The status moby gives each kind of daemon error (errdefs → httpstatus):
 * invalid parameter 400, not found 404, conflict 409, a system error 500.
 */
export const STATUS_OF_CODE: Readonly<Record<ErrorCode, number>> = Object.freeze({
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EXHAUSTED: 400,
  UNSUPPORTED: 400,
  INTERNAL: 500,
})
