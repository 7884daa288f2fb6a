/**
 * Share-by-URL with no storage at all: POST a scenario, get a token that is
 * the scenario compressed; GET the token, get the scenario back. Works on a
 * server with no data directory, and on any instance of a deployment.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { parseDaemonJson } from '@netmodes/core'
import { ApiError } from '../api-error.js'
import type { AppDeps, AppEnv } from '../app-env.js'
import {
  SharedScenarioSchema,
  ShareLinkSchema,
  ShareRequestSchema,
  ShareTokenParamSchema,
} from '../schemas.js'
import {
  decodeShareToken,
  encodeShareToken,
  type SharedScenario,
  ShareTokenError,
} from '../share/share-token.js'
import { apiError, SCENARIO_ERRORS } from './error-responses.js'

const { 422: _unused, 503: _unused2, ...SHARE_ERRORS } = SCENARIO_ERRORS

// daemon.json's settings are checked as dockerd reads them, so that a link never carries a daemon that cannot start.
function checkDaemon(daemon: Record<string, unknown> | undefined): void {
  if (!daemon) return
  try {
    parseDaemonJson(JSON.stringify(daemon))
  } catch (error) {
    throw new ApiError(400, 'INVALID_INPUT', `daemon: ${(error as Error).message}`)
  }
}

const shareUrl = (requestUrl: string, token: string) => new URL(`/api/share/${token}`, requestUrl).href

export function shareRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/share',
        summary: 'Turn a scenario into a link that holds it (nothing is stored): its token and URL.',
        request: {
          body: { content: { 'application/json': { schema: ShareRequestSchema } }, required: true },
        },
        responses: {
          201: {
            description: 'The token (the scenario, compressed) and the URL that gives it back.',
            content: { 'application/json': { schema: ShareLinkSchema } },
          },
          ...SHARE_ERRORS,
          413: apiError(
            'The body is over the limit, or the scenario is too long for a URL (save it as a lab).',
          ),
        },
      }),
      (c) => {
        c.set('bodyRead', true)
        const b = c.req.valid('json')
        checkDaemon(b.daemon)
        const shared: SharedScenario = {
          scenario: b.scenario,
          engine: b.engine ?? '28',
          ...(b.daemon ? { daemon: b.daemon } : {}),
        }
        let token: string
        try {
          token = encodeShareToken(shared)
        } catch (error) {
          if (error instanceof ShareTokenError) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', error.message)
          throw error
        }
        return c.json({ token, url: shareUrl(c.req.url, token) }, 201)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/share/{token}',
        summary: 'The scenario a share token holds.',
        request: { params: ShareTokenParamSchema },
        responses: {
          200: {
            description: 'The scenario, its engine and daemon settings.',
            content: { 'application/json': { schema: SharedScenarioSchema } },
          },
          400: apiError(
            'Not a token of this server: malformed, of an unknown version, too long, cut or altered, or expanding past the body limit.',
          ),
        },
      }),
      (c) => {
        const { token } = c.req.valid('param')
        let value: unknown
        try {
          value = decodeShareToken(token, deps.bodyLimit)
        } catch (error) {
          if (error instanceof ShareTokenError) throw new ApiError(400, 'INVALID_TOKEN', error.message)
          throw error
        }
        const parsed = SharedScenarioSchema.strict().safeParse(value)
        if (!parsed.success) {
          const issue = parsed.error.issues[0]
          throw new ApiError(
            400,
            'INVALID_TOKEN',
            `the token does not hold a scenario (${issue?.path.join('.') || '(document)'}: ${issue?.message ?? 'invalid'})`,
          )
        }
        checkDaemon(parsed.data.daemon)
        return c.json(parsed.data, 200)
      },
    )
}
