import { ErrorSchema } from '../schemas.js'

/** One error response of the OpenAPI document, in the one error shape. */
export const apiError = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
})

/** The errors every scenario route may answer with, for the OpenAPI document. */
export const SCENARIO_ERRORS = {
  400: apiError('Malformed JSON, or a field that breaks the schema (the message names it).'),
  408: apiError('The request body did not arrive within the time limit.'),
  413: apiError('The body is over the limit.'),
  415: apiError('The body is not application/json.'),
  422: apiError("A scenario line failed: Docker's own text and the line number."),
  503: apiError('The answer did not come within the per-request time limit.'),
} as const

export const NOT_FOUND = { 404: apiError('No such saved lab.') } as const
