import { ErrorSchema } from '../schemas.js'

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
})

/** The errors every scenario route may answer with, for the OpenAPI document. */
export const SCENARIO_ERRORS = {
  400: error('Malformed JSON, or a field that breaks the schema (the message names it).'),
  408: error('The request body did not arrive within the time limit.'),
  413: error('The body is over the limit.'),
  415: error('The body is not application/json.'),
  422: error("A scenario line failed: Docker's own text and the line number."),
  503: error('The answer did not come within the per-request time limit.'),
} as const

export const NOT_FOUND = { 404: error('No such saved lab.') } as const
