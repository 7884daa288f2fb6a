/**
 * Hands a job to the worker pool within what is left of the request's time
 * limit, and turns every way it can end into a response or an ApiError.
 */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ApiError, type ApiErrorCode } from './api-error.js'
import type { AppDeps, AppEnv } from './app-env.js'
import type { Job, JobResult } from './job.js'
import { JobCutOff } from './worker-pool.js'

/**
 * The job's answer, or throws the ApiError the client gets.
 *
 * @example
 * const report = await ask(c, deps, { kind: 'simulate', lab: body })
 */
export async function ask(c: Context<AppEnv>, deps: AppDeps, job: Job): Promise<unknown> {
  c.set('bodyRead', true)
  const left = deps.timeLimitMs - (performance.now() - c.get('startedAt'))
  try {
    return answerOrThrow(await deps.pool.run(job, { deadlineMs: left, signal: c.req.raw.signal }))
  } catch (error) {
    if (error instanceof JobCutOff) {
      throw new ApiError(
        503,
        'TIME_LIMIT',
        error.reason === 'deadline'
          ? `the simulation did not finish within the server's time limit (${deps.timeLimitMs} ms)`
          : 'the simulation was cut off',
      )
    }
    throw error
  }
}

/**
 * A job's value, or the ApiError its failure is for the client.
 *
 * @example
 * return c.json(answerOrThrow(askLab(lab, { kind: 'doctor' })))
 */
export function answerOrThrow(result: JobResult): unknown {
  if (result.ok) return result.value
  const e = result.body.error
  throw new ApiError(result.status as ContentfulStatusCode, e.code as ApiErrorCode, e.message, e.line)
}
