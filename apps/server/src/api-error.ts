/**
 * The server's one error shape, `{ "error": { "code", "message", "line"? } }`,
 * whose codes are core's (their statuses from core's ERROR_CODES table, the
 * CLI's exit codes' twin) and HTTP's own. No stack trace is ever part of it.
 */
import type { ErrorCode } from '@netmodes/core'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** The codes a client can see: core's, and those of HTTP itself. */
export type ApiErrorCode =
  | ErrorCode
  | 'MALFORMED_JSON'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'DOCKER_ERROR'
  | 'SCENARIO_LINE'
  | 'REQUEST_TIMEOUT'
  | 'TIME_LIMIT'
  | 'ROUTE_NOT_FOUND'
  | 'INVALID_TOKEN'
  | 'LIVE_OFF'
  | 'ENGINE_UNAVAILABLE'
  | 'UNAUTHORIZED'
  | 'WRITES_OFF'

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; line?: number }
}

/**
 * An error bound for the client, with its status.
 *
 * @example
 * throw new ApiError(404, 'NOT_FOUND', 'no saved lab abc123')
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  get body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.line ? { line: this.line } : {}) } }
  }
}
