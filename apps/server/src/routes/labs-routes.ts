/**
 * Saved labs: a scenario saved gets a short content id and a URL to share;
 * fetching the id gives the scenario back.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { ApiError } from '../api-error.js'
import type { AppDeps, AppEnv } from '../app-env.js'
import { LabIdSchema, SavedLabSchema, ScenarioSchema } from '../schemas.js'
import { NOT_FOUND, SCENARIO_ERRORS } from './error-responses.js'

const { 422: _unused, 503: _unused2, ...SAVE_ERRORS } = SCENARIO_ERRORS

export function labsRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/labs',
        summary: 'Save a scenario; the answer is its id (a content hash) and URL.',
        request: {
          body: {
            content: { 'application/json': { schema: ScenarioSchema.omit({ continueOnError: true }) } },
            required: true,
          },
        },
        responses: {
          201: {
            description: 'Saved (or already saved: same content, same id).',
            content: { 'application/json': { schema: SavedLabSchema } },
          },
          ...SAVE_ERRORS,
        },
      }),
      async (c) => {
        c.set('bodyRead', true)
        const b = c.req.valid('json')
        const lab = { scenario: b.scenario, engine: b.engine ?? '28' } as const
        const id = await deps.store.save(lab)
        const path = `/api/labs/${id}`
        c.header('location', path)
        return c.json({ id, url: new URL(path, c.req.url).href, ...lab }, 201)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/labs/{id}',
        summary: 'A saved lab: its scenario and engine.',
        request: { params: LabIdSchema },
        responses: {
          200: { description: 'The saved lab.', content: { 'application/json': { schema: SavedLabSchema } } },
          ...NOT_FOUND,
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const lab = await deps.store.get(id)
        if (!lab) throw new ApiError(404, 'NOT_FOUND', `no saved lab ${id}`)
        return c.json({ ...lab, url: new URL(`/api/labs/${id}`, c.req.url).href }, 200)
      },
    )
}
