/**
 * The stateless questions about a scenario: simulate it (the `netmodes run
 * --json` document), trace a packet, the reachability matrix, explain,
 * diagram, doctor. Each replays the scenario on a fresh lab in a worker.
 */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi'
import type { AppDeps, AppEnv } from '../app-env.js'
import { ask } from '../ask.js'
import type { LabInput } from '../job.js'
import {
  DiagramRequestSchema,
  DiffRequestSchema,
  DocumentSchema,
  ExplainRequestSchema,
  ListSchema,
  MatrixRequestSchema,
  RunDocumentSchema,
  ScenarioSchema,
  TraceRequestSchema,
} from '../schemas.js'
import { SCENARIO_ERRORS } from './error-responses.js'

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true })

const labInput = (body: {
  scenario: string
  engine?: '20.10' | '28' | undefined
  continueOnError?: boolean | undefined
}): LabInput => ({
  scenario: body.scenario,
  engine: body.engine ?? '28',
  continueOnError: body.continueOnError ?? false,
})

const DIAGRAM_TYPES = {
  mermaid: 'text/plain; charset=utf-8',
  dot: 'text/vnd.graphviz; charset=utf-8',
  svg: 'image/svg+xml',
} as const

/** @example app.route('/api', scenarioRoutes(deps)) */
export function scenarioRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/simulate',
        summary:
          'Replay a scenario: the `netmodes run --json` document (steps, traces, networks, containers, namespaces, iptables).',
        request: { body: json(ScenarioSchema) },
        responses: {
          200: {
            description: 'The run report.',
            content: { 'application/json': { schema: RunDocumentSchema } },
          },
          ...SCENARIO_ERRORS,
        },
      }),
      async (c) => {
        const body = c.req.valid('json')
        return c.json(
          (await ask(c, deps, { kind: 'simulate', lab: labInput(body) })) as z.infer<
            typeof RunDocumentSchema
          >,
          200,
        )
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/trace',
        summary: 'Trace a packet hop by hop through the lab the scenario builds (`netmodes trace --json`).',
        request: { body: json(TraceRequestSchema) },
        responses: {
          200: { description: 'The trace.', content: { 'application/json': { schema: DocumentSchema } } },
          ...SCENARIO_ERRORS,
        },
      }),
      async (c) => {
        const b = c.req.valid('json')
        const value = await ask(c, deps, {
          kind: 'trace',
          lab: labInput(b),
          from: b.from,
          to: b.to,
          ...(b.port ? { port: b.port } : {}),
          ...(b.proto ? { proto: b.proto } : {}),
          ...(b.lang ? { lang: b.lang } : {}),
        })
        return c.json(value as Record<string, unknown>, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/matrix',
        summary:
          'Who can reach whom, with the reason for each "no" (`netmodes matrix --json`); without a port, ping.',
        request: { body: json(MatrixRequestSchema) },
        responses: {
          200: { description: 'One row per pair.', content: { 'application/json': { schema: ListSchema } } },
          ...SCENARIO_ERRORS,
        },
      }),
      async (c) => {
        const b = c.req.valid('json')
        const value = await ask(c, deps, {
          kind: 'matrix',
          lab: labInput(b),
          ...(b.port ? { port: b.port } : {}),
          ...(b.proto ? { proto: b.proto } : {}),
          ...(b.lang ? { lang: b.lang } : {}),
        })
        return c.json(value as unknown[], 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/diff',
        summary:
          "What-if (`netmodes diff --json`): what one change (another scenario, engine, daemon.json, dockerd flags, a network's flags) does to the lab: networks, containers, interfaces, routes, iptables-save as diff -u, and the reachability cells that flip with their reasons.",
        request: { body: json(DiffRequestSchema) },
        responses: {
          200: {
            description: 'The differences.',
            content: { 'application/json': { schema: DocumentSchema } },
          },
          ...SCENARIO_ERRORS,
        },
      }),
      async (c) => {
        const b = c.req.valid('json')
        const value = await ask(c, deps, {
          kind: 'diff',
          before: { scenario: b.scenario, engine: b.engine, ...(b.daemon ? { daemon: b.daemon } : {}) },
          to: b.to,
          ...(b.port ? { port: b.port } : {}),
          ...(b.proto ? { proto: b.proto } : {}),
          ...(b.lang ? { lang: b.lang } : {}),
        })
        return c.json(value as Record<string, unknown>, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/explain',
        summary:
          'Explain a mode, a rule type, a container of the scenario, its rules, or the modes table (`netmodes explain --json`).',
        request: { body: json(ExplainRequestSchema) },
        responses: {
          200: {
            description: 'The explanation.',
            content: { 'application/json': { schema: DocumentSchema.or(ListSchema) } },
          },
          ...SCENARIO_ERRORS,
        },
      }),
      async (c) => {
        const b = c.req.valid('json')
        const value = await ask(c, deps, {
          kind: 'explain',
          ...(b.scenario !== undefined ? { lab: labInput({ ...b, scenario: b.scenario }) } : {}),
          ...(b.topic ? { topic: b.topic } : {}),
          lang: b.lang ?? 'en',
        })
        return c.json(value as Record<string, unknown>, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/diagram',
        summary: 'Draw the lab: Mermaid, Graphviz DOT or SVG (`netmodes diagram`).',
        request: { body: json(DiagramRequestSchema) },
        responses: {
          200: {
            description: 'The drawing, in the format asked for.',
            content: {
              'text/plain': { schema: { type: 'string' } },
              'text/vnd.graphviz': { schema: { type: 'string' } },
              'image/svg+xml': { schema: { type: 'string' } },
            },
          },
          ...SCENARIO_ERRORS,
        },
      }),
      async (c) => {
        const b = c.req.valid('json')
        const format = b.format ?? 'mermaid'
        const text = (await ask(c, deps, { kind: 'diagram', lab: labInput(b), format })) as string
        return c.body(text, 200, { 'content-type': DIAGRAM_TYPES[format] })
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/doctor',
        summary: "Advice on the lab: published ports that bypass the host's firewall, overlapping routes...",
        request: { body: json(ScenarioSchema) },
        responses: {
          200: { description: 'The findings.', content: { 'application/json': { schema: ListSchema } } },
          ...SCENARIO_ERRORS,
        },
      }),
      async (c) => {
        const b = c.req.valid('json')
        return c.json((await ask(c, deps, { kind: 'doctor', lab: labInput(b) })) as unknown[], 200)
      },
    )
}
