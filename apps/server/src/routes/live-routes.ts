/**
 * The live engine (`--docker-host`): read-only questions about what it runs
 * — snapshot, explain, trace, doctor, each as `netmodes live ...` answers
 * it — and, with `--allow-writes` and the bearer token, replaying a
 * scenario on it and verifying the simulator against it. Without live mode
 * every route here is a 404 that says so.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { engineOfServerVersion, isNetmodesError, toJSON } from '@netmodes/core'
import type { DockerConnection } from '@netmodes/docker'
import type { MiddlewareHandler } from 'hono'
import { ApiError, type ApiErrorCode } from '../api-error.js'
import type { AppDeps, AppEnv } from '../app-env.js'
import { answerOrThrow } from '../ask.js'
import { askLab } from '../job.js'
import { bearerMatches } from '../live/bearer-token.js'
import type { DockerAdapter, LiveEngine } from '../live/live-engine.js'
import {
  DocumentSchema,
  ListSchema,
  LiveExplainQuerySchema,
  LiveReplayRequestSchema,
  LiveReplayResultSchema,
  LiveStatusSchema,
  LiveTraceQuerySchema,
  LiveVerifyRequestSchema,
} from '../schemas.js'
import { apiError } from './error-responses.js'

const LIVE_ERRORS = {
  400: apiError('A query parameter that breaks the schema (the message names it).'),
  404: apiError('Live mode is off: the server was started without --docker-host.'),
  503: apiError('The live engine does not answer, or not within the time limit.'),
} as const

const WRITE_ERRORS = {
  ...LIVE_ERRORS,
  401: apiError('No bearer token, or not the one the server was started with.'),
  403: apiError('Writes are off: the server was started without --allow-writes.'),
  413: apiError('The body is over the limit.'),
  415: apiError('The body is not application/json.'),
  422: apiError(
    'The scenario cannot be replayed (a line outside what netmodes replays, an engine it does not model).',
  ),
} as const

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true })
const BEARER = [{ bearer: [] }]

// netmodes' own refusal (a line it does not replay, an engine version it does not model) is the scenario's: 422.
// An HTTP error of the engine itself (dockerode's statusCode) is the engine failing: 503.
function engineFailure(error: unknown): never {
  if (error instanceof ApiError) throw error
  if (isNetmodesError(error)) {
    throw new ApiError(422, error.code as ApiErrorCode, error.message)
  }
  const status = (error as { statusCode?: number }).statusCode
  if (typeof status === 'number') {
    throw new ApiError(
      503,
      'ENGINE_UNAVAILABLE',
      `the live Docker engine failed: ${String((error as Error).message).trim()}`,
    )
  }
  throw error
}

export function liveRoutes(deps: AppDeps) {
  const live = (): LiveEngine => {
    if (!deps.live) {
      throw new ApiError(
        404,
        'LIVE_OFF',
        'live mode is off: start the server with --docker-host unix:///path/to/docker.sock',
      )
    }
    return deps.live
  }
  const liveOn: MiddlewareHandler<AppEnv> = async (_c, next) => {
    live()
    await next()
  }
  // Before the body is read: a client without the right to write learns nothing from validation.
  const mayWrite: MiddlewareHandler<AppEnv> = async (c, next) => {
    const engine = live()
    if (!engine.allowWrites) {
      throw new ApiError(
        403,
        'WRITES_OFF',
        'writes to the live engine are off: start the server with --allow-writes',
      )
    }
    if (!bearerMatches(engine.options.token ?? '', c.req.header('authorization'))) {
      c.header('www-authenticate', 'Bearer realm="netmodes live engine"')
      throw new ApiError(401, 'UNAUTHORIZED', 'writes to the live engine need "Authorization: Bearer TOKEN"')
    }
    await next()
  }
  const snapshot = () => live().snapshot().catch(engineFailure)
  // A write runs alone on the engine, with its connection and the adapter; an engine error is a 503.
  const write = <T>(work: (conn: DockerConnection, docker: DockerAdapter) => Promise<T>): Promise<T> => {
    const engine = live()
    return engine
      .exclusive(async () => work(await engine.connect(), await engine.docker()))
      .catch(engineFailure)
  }

  const app = new OpenAPIHono<AppEnv>()
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token the server was started with (--token, or NETMODES_API_TOKEN).',
  })
  return app
    .openapi(
      createRoute({
        method: 'get',
        path: '/live',
        summary: 'The live engine: where it is, its version, whether writes are allowed.',
        middleware: [liveOn],
        responses: {
          200: {
            description: 'The engine answers.',
            content: { 'application/json': { schema: LiveStatusSchema } },
          },
          ...LIVE_ERRORS,
        },
      }),
      async (c) => {
        const conn = await live().connect()
        return c.json(
          {
            endpoint: conn.endpoint,
            serverVersion: conn.serverVersion,
            apiVersion: conn.apiVersion,
            local: conn.local,
            writes: live().allowWrites,
          },
          200,
        )
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/live/snapshot',
        summary:
          "The live engine read into a lab, read-only (`netmodes live snapshot --json`): networks, containers, endpoints, ports, and for a local engine the host's interfaces, routes and iptables.",
        middleware: [liveOn],
        responses: {
          200: { description: 'The lab.', content: { 'application/json': { schema: DocumentSchema } } },
          ...LIVE_ERRORS,
        },
      }),
      async (c) => {
        const { conn, lab } = await snapshot()
        c.header('netmodes-engine-version', conn.serverVersion)
        // toJSON is the lab file's form (what `netmodes live snapshot --json` prints).
        return c.json(JSON.parse(toJSON(lab)) as Record<string, unknown>, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/live/explain',
        summary:
          "Explain the live engine: each container's mode and every iptables rule (`netmodes live explain --json`).",
        middleware: [liveOn],
        request: { query: LiveExplainQuerySchema },
        responses: {
          200: {
            description: 'The explanation.',
            content: { 'application/json': { schema: DocumentSchema.or(ListSchema) } },
          },
          ...LIVE_ERRORS,
        },
      }),
      async (c) => {
        const q = c.req.valid('query')
        const { lab } = await snapshot()
        const value = answerOrThrow(
          askLab(lab, { kind: 'explain', ...(q.topic ? { topic: q.topic } : {}), lang: q.lang ?? 'en' }),
        )
        return c.json(value as Record<string, unknown>, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/live/trace',
        summary:
          'Trace a packet through the live engine, on its model: nothing is sent (`netmodes live trace --json`).',
        middleware: [liveOn],
        request: { query: LiveTraceQuerySchema },
        responses: {
          200: { description: 'The trace.', content: { 'application/json': { schema: DocumentSchema } } },
          ...LIVE_ERRORS,
        },
      }),
      async (c) => {
        const q = c.req.valid('query')
        const { lab } = await snapshot()
        const value = answerOrThrow(
          askLab(lab, {
            kind: 'trace',
            from: q.from,
            to: q.to,
            ...(q.port ? { port: q.port } : {}),
            ...(q.proto ? { proto: q.proto } : {}),
            ...(q.lang ? { lang: q.lang } : {}),
          }),
        )
        return c.json(value as Record<string, unknown>, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/live/doctor',
        summary: 'The problems users hit, found on the live engine (`netmodes live doctor --json`).',
        middleware: [liveOn],
        responses: {
          200: { description: 'The findings.', content: { 'application/json': { schema: ListSchema } } },
          ...LIVE_ERRORS,
        },
      }),
      async (c) => {
        const { lab } = await snapshot()
        return c.json(answerOrThrow(askLab(lab, { kind: 'doctor' })) as unknown[], 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/live/replay',
        summary:
          'Replay a scenario on the live engine (writes): each docker line as the docker CLI prints it; what it created is removed afterwards unless `keep`. `host` lines and probes are never run.',
        middleware: [mayWrite],
        security: BEARER,
        request: { body: json(LiveReplayRequestSchema) },
        responses: {
          200: {
            description: 'The lines as the engine answered them.',
            content: { 'application/json': { schema: LiveReplayResultSchema } },
          },
          ...WRITE_ERRORS,
        },
      }),
      async (c) => {
        c.set('bodyRead', true)
        const b = c.req.valid('json')
        const result = await write(async (conn, docker) => {
          const replay = await docker.replayScript(conn, b.scenario, { unsupported: 'record' })
          if (!b.keep) await replay.cleanup()
          return {
            engine: conn.serverVersion,
            steps: replay.steps,
            created: { containers: [...replay.created.containers], networks: [...replay.created.networks] },
            kept: b.keep === true,
          }
        })
        return c.json(result, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/live/verify',
        summary:
          'Replay a scenario on the live engine and on the simulator and compare them fact by fact (`netmodes verify --json`); what the replay created is removed.',
        middleware: [mayWrite],
        security: BEARER,
        request: { body: json(LiveVerifyRequestSchema) },
        responses: {
          200: {
            description: 'matched, total, and every mismatch.',
            content: { 'application/json': { schema: DocumentSchema } },
          },
          ...WRITE_ERRORS,
        },
      }),
      async (c) => {
        c.set('bodyRead', true)
        const b = c.req.valid('json')
        const result = await write(async (conn, docker) => {
          // Without an engine asked for, the simulator models the live engine's own version, as `netmodes verify` does.
          const simulated = b.engine ?? engineOfServerVersion(conn.serverVersion)
          return {
            engine: conn.serverVersion,
            simulated,
            ...(await docker.verifyScenario(conn, b.scenario, { engine: simulated })),
          }
        })
        return c.json(result, 200)
      },
    )
}
