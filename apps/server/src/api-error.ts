/**
 * The server's one error shape, `{ "error": { "code", "message", "line"? } }`,
 * and the one table from core's error codes to HTTP statuses (as trpc's
 * getHTTPStatusCode does). No stack trace is ever part of it.
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

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; line?: number }
}

/**
 * A core error's status when it comes out of a request's own fields (a
 * trace to a container the lab lacks): the request was understood but
 * cannot be answered, 422, except for a missing thing (404) and our bugs.
 */
export const STATUS_OF_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  INVALID_INPUT: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EXHAUSTED: 422,
  UNSUPPORTED: 422,
  INTERNAL: 500,
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
