/**
 * The HTTP API as a Hono app: the middleware every request goes through
 * (secure headers and CSP, the time limit, content type, body limit), the
 * routers, the OpenAPI document and its docs page, and the one onError that
 * turns anything thrown into the error shape, never a stack trace.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { ApiError, type ApiErrorBody } from './api-error.js'
import type { AppDeps, AppEnv } from './app-env.js'
import { DOCS_CSS, renderDocsPage } from './docs-page.js'
import { labsRoutes } from './routes/labs-routes.js'
import { liveRoutes } from './routes/live-routes.js'
import { modesRoutes } from './routes/modes-routes.js'
import { scenarioRoutes } from './routes/scenario-routes.js'
import { shareRoutes } from './routes/share-routes.js'
import { secureHeaders } from './secure-headers.js'
import { webUi } from './web-ui.js'

const INFO = {
  title: 'netmodes API',
  version: '0.1.0',
  description:
    'Docker networking simulated: replay a scenario of docker commands on a simulated Docker Engine and ask about the lab it builds.',
}

/** Past the time limit, a request whose body never fully came gets 408 after this much more. */
const BODY_GRACE_MS = 100

/**
 * The app; nothing listens until `startServer` (or a test) serves it.
 *
 * @example
 * const app = createApp({ pool, store: memoryLabStore(), timeLimitMs: 5000, bodyLimit: 4 << 20 })
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return
      const issue = result.error.issues[0]
      const field = issue?.path.length ? issue.path.join('.') : '(body)'
      throw new ApiError(400, 'INVALID_INPUT', `${field}: ${issue?.message ?? 'invalid'}`)
    },
  })

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.body, error.status)
    if (error instanceof HTTPException) {
      const malformed = error.status === 400
      const body: ApiErrorBody = {
        error: { code: malformed ? 'MALFORMED_JSON' : 'INTERNAL', message: error.message || 'bad request' },
      }
      return c.json(body, malformed ? 400 : error.status)
    }
    // A bug of ours: the operator sees it, the client only that it happened.
    process.stderr.write(
      `netmodes server: internal error on ${c.req.method} ${c.req.path}: ${String(error)}\n`,
    )
    return c.json({ error: { code: 'INTERNAL', message: 'internal error' } } satisfies ApiErrorBody, 500)
  })
  app.notFound((c) =>
    c.json(
      {
        error: { code: 'ROUTE_NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` },
      } satisfies ApiErrorBody,
      404,
    ),
  )

  app.use('*', secureHeaders())

  // The time limit: a body still arriving is 408 (and the connection closed); an answer still computing, 503.
  // The live routes wait on a real engine (reading one takes seconds): they have their own limit.
  const liveTimeLimitMs = deps.liveTimeLimitMs ?? 60_000
  app.use('*', async (c, next) => {
    c.set('startedAt', performance.now())
    // A GET has no body to wait for: past the limit it is an answer that did not come (503).
    c.set('bodyRead', c.req.method === 'GET' || c.req.method === 'HEAD')
    const timeLimitMs = /^\/api\/live(\/|$)/.test(c.req.path) ? liveTimeLimitMs : deps.timeLimitMs
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), timeLimitMs + BODY_GRACE_MS)
    })
    const outcome = await Promise.race([next().then(() => 'done' as const), expired])
    clearTimeout(timer)
    if (outcome === 'done') return
    const body: ApiErrorBody = c.get('bodyRead')
      ? {
          error: {
            code: 'TIME_LIMIT',
            message: `no answer within the server's time limit (${timeLimitMs} ms)`,
          },
        }
      : {
          error: {
            code: 'REQUEST_TIMEOUT',
            message: `the request body did not arrive within ${timeLimitMs} ms`,
          },
        }
    c.res = c.json(body, c.get('bodyRead') ? 503 : 408, { connection: 'close' })
  })

  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') {
      const type = c.req.header('content-type') ?? ''
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        throw new ApiError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          `content-type must be application/json, not "${type}"`,
        )
      }
    }
    await next()
  })

  const limit = bodyLimit({
    maxSize: deps.bodyLimit,
    onError: (c) =>
      c.json(
        {
          error: {
            code: 'PAYLOAD_TOO_LARGE',
            message: `the body is over the limit of ${deps.bodyLimit} bytes`,
          },
        } satisfies ApiErrorBody,
        413,
        { connection: 'close' },
      ),
  })
  // Only requests with a body: reading c.req.raw makes the Node adapter build a full Request.
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next),
  )

  // The UI's files, before the routes: only GET/HEAD outside /api, so no API answer changes.
  if (deps.webRoot) app.use('*', webUi(deps.webRoot))

  app.route('/api', scenarioRoutes(deps))
  app.route('/api', modesRoutes())
  app.route('/api', labsRoutes(deps))
  app.route('/api', shareRoutes(deps))
  app.route('/api', liveRoutes(deps))

  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: INFO })
  app.get('/api/docs', (c) =>
    c.html(renderDocsPage(app.getOpenAPI31Document({ openapi: '3.1.0', info: INFO }))),
  )
  app.get('/api/docs.css', (c) => c.body(DOCS_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }))
  return app
}
