import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { modeTable } from '@netmodes/core'
import type { AppEnv } from '../app-env.js'
import { DocumentSchema, ModesQuerySchema } from '../schemas.js'

/** The modes table as data (`netmodes modes --json`): no lab, so no worker. */
export function modesRoutes() {
  // The catalogs never change while the server runs: one JSON text per language.
  const cache = new Map<string, string>()
  const textOf = (lang: 'en' | 'zh-CN') => {
    const text = cache.get(lang) ?? JSON.stringify(modeTable(lang))
    cache.set(lang, text)
    return text
  }
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
    (c) =>
      c.body(textOf(c.req.valid('query').lang ?? 'en'), 200, {
        'content-type': 'application/json',
      }) as unknown as ReturnType<typeof c.json<Record<string, unknown>, 200>>,
  )
}
