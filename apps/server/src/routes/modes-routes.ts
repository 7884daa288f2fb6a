import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { modeTable } from '@netmodes/core'
import type { AppEnv } from '../app-env.js'
import { DocumentSchema, ModesQuerySchema } from '../schemas.js'

/** The modes table as data (`netmodes modes --json`): no lab, so no worker. */
export function modesRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/modes',
      summary: "Docker's seven network modes side by side (`netmodes modes --json`).",
      request: { query: ModesQuerySchema },
      responses: {
        200: { description: 'The table.', content: { 'application/json': { schema: DocumentSchema } } },
      },
    }),
    (c) => c.json(modeTable(c.req.valid('query').lang ?? 'en') as unknown as Record<string, unknown>, 200),
  )
}
