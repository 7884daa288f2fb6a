/**
 * Request and response schemas, in zod: the validators of every route and
 * the source of the OpenAPI document, so the two cannot drift apart.
 */
import { z } from '@hono/zod-openapi'
import { DIAGRAM_FORMATS, LANGS } from '@netmodes/core'

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'DOCKER_ERROR' }),
      message: z.string().openapi({
        example: 'docker: Error response from daemon: network app not found.',
      }),
      line: z.number().int().optional().openapi({ description: 'The scenario line that failed.' }),
    }),
  })
  .openapi('Error')

export const EngineSchema = z
  .enum(['20.10', '28'])
  .default('28')
  .openapi({ description: 'Docker Engine version whose behaviour is simulated.' })

/** A scenario: what `netmodes run` reads from a file. */
export const ScenarioSchema = z
  .object({
    scenario: z
      .string()
      .max(4 * 1024 * 1024)
      .openapi({
        description: 'docker command lines, `trace FROM -> TO[:PORT][/PROTO]` lines and # comments.',
        example:
          'docker network create app\ndocker run -d --name web --network app nginx\ntrace web -> internet',
      }),
    engine: EngineSchema.optional(),
    continueOnError: z.boolean().optional().openapi({
      description:
        'Replay every line as `netmodes run` does even when a docker command fails; default false: the first failing line is a 422 naming it.',
    }),
  })
  .openapi('Scenario')

export const LangSchema = z.enum(LANGS).default('en')

const Port = z.number().int().min(1).max(65535)
const Proto = z.enum(['tcp', 'udp', 'icmp'])

export const TraceRequestSchema = ScenarioSchema.extend({
  from: z.string().min(1).openapi({ example: 'lan' }),
  to: z.string().min(1).openapi({ example: 'host:8080/tcp' }),
  port: Port.optional(),
  proto: Proto.optional(),
  lang: LangSchema.optional().openapi({ description: 'Language of the drop reasons (en, zh-CN).' }),
}).openapi('TraceRequest')

export const MatrixRequestSchema = ScenarioSchema.extend({
  port: Port.optional(),
  proto: Proto.optional(),
  lang: LangSchema.optional().openapi({ description: 'Language of the reasons (en, zh-CN).' }),
}).openapi('MatrixRequest')

const DaemonJsonSchema = z.record(z.string(), z.unknown()).openapi({
  description: "daemon.json's settings, as `netmodes run --daemon` reads them.",
  example: { icc: false },
})

/** What-if: a scenario, and what the second lab changes (`netmodes diff --json`). */
export const DiffRequestSchema = ScenarioSchema.omit({ continueOnError: true })
  .extend({
    daemon: DaemonJsonSchema.optional(),
    to: z
      .object({
        scenario: z
          .string()
          .max(4 * 1024 * 1024)
          .optional()
          .openapi({ description: 'Another scenario instead.' }),
        engine: z.enum(['20.10', '28']).optional(),
        daemon: DaemonJsonSchema.optional(),
        dockerd: z.string().max(4096).optional().openapi({ example: '--icc=false' }),
        network: z
          .object({ name: z.string().min(1), flags: z.string().min(1).max(4096) })
          .optional()
          .openapi({
            description: 'Flags added to the `docker network create NAME` line.',
            example: { name: 'db', flags: '--internal' },
          }),
      })
      .strict()
      .openapi({ description: 'What the second lab changes; what it leaves out stays as in the first.' }),
    port: Port.optional().openapi({
      description: 'Ask one matrix question (with proto) instead of ping and each published port.',
    }),
    proto: Proto.optional(),
    lang: LangSchema.optional().openapi({ description: 'Language of the reasons (en, zh-CN).' }),
  })
  .openapi('DiffRequest')

export const ExplainRequestSchema = ScenarioSchema.partial({ scenario: true })
  .extend({
    topic: z.string().optional().openapi({
      description:
        'A mode, a rule type (DNAT, DOCKER-USER...), a container of the scenario, "rules" or "modes".',
      example: 'bridge',
    }),
    lang: LangSchema.optional(),
  })
  .openapi('ExplainRequest')

export const DiagramRequestSchema = ScenarioSchema.extend({
  format: z.enum(DIAGRAM_FORMATS).default('mermaid').optional(),
}).openapi('DiagramRequest')

export const ModesQuerySchema = z.object({ lang: LangSchema.optional() })

export const SavedLabSchema = z
  .object({
    id: z.string().openapi({ example: 'Xb3kq9LmZ0aP' }),
    url: z.string().openapi({ example: '/api/labs/Xb3kq9LmZ0aP' }),
    scenario: z.string(),
    engine: z.enum(['20.10', '28']),
  })
  .openapi('SavedLab')

export const LabIdSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'Xb3kq9LmZ0aP' }),
})

/** Any JSON document core returns (the run report, a trace, findings). */
export const DocumentSchema = z.record(z.string(), z.unknown()).openapi('Document')

/** One low-level operation as data (core's `Operation`): what a UI animates, and `operationText` prints. */
export const OperationSchema = z
  .object({
    tool: z.string().openapi({ example: 'ip' }),
    args: z
      .array(z.string())
      .openapi({ example: ['link', 'add', 'veth1a2b3c4', 'type', 'veth', 'peer', 'name', 'veth5d6e7f8'] }),
    background: z
      .literal(true)
      .optional()
      .openapi({ description: 'Left running in the background (docker-proxy).' }),
    about: z.string().optional().openapi({
      description: 'What it acts on when the argv does not say (the docker-proxy a kill stops).',
    }),
  })
  .openapi('Operation')

/** The `netmodes run --json` document: each docker line's step with its operations, the traces, then the lab. */
export const RunDocumentSchema = z
  .looseObject({
    steps: z.array(
      z.object({
        command: z.string(),
        ok: z.boolean(),
        output: z.string().optional(),
        error: z.string().optional(),
        operations: z.array(OperationSchema),
      }),
    ),
    traces: z.array(z.unknown()),
  })
  .openapi('RunDocument')
export const ListSchema = z.array(z.unknown())

/** A scenario to share by URL: the Scenario fields, with daemon.json's settings if any. */
export const ShareRequestSchema = ScenarioSchema.omit({ continueOnError: true })
  .extend({
    daemon: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({
        description: "daemon.json's settings, as `netmodes run --daemon` reads them.",
        example: { bip: '10.99.0.1/24', icc: false },
      }),
  })
  .openapi('ShareRequest')

export const SharedScenarioSchema = z
  .object({
    scenario: z.string(),
    engine: z.enum(['20.10', '28']),
    daemon: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('SharedScenario')

export const ShareLinkSchema = z
  .object({
    token: z
      .string()
      .openapi({ example: 'v1.q1YqTk7NSyzKzFeyUkrJT85OLVLISy0pzy_KVkguSk0sSVVILChQ0lFKzUvPzEtVslIyslCqBQA' }),
    url: z.string().openapi({
      example:
        'http://127.0.0.1:8080/api/share/v1.q1YqTk7NSyzKzFeyUkrJT85OLVLISy0pzy_KVkguSk0sSVVILChQ0lFKzUvPzEtVslIyslCqBQA',
    }),
  })
  .openapi('ShareLink')

export const ShareTokenParamSchema = z.object({
  token: z.string().openapi({
    param: { name: 'token', in: 'path' },
    example: 'v1.q1YqTk7NSyzKzFeyUkrJT85OLVLISy0pzy_KVkguSk0sSVVILChQ0lFKzUvPzEtVslIyslCqBQA',
  }),
})

export const LiveStatusSchema = z
  .object({
    endpoint: z.string().openapi({ example: 'unix:///var/run/docker.sock' }),
    serverVersion: z.string().openapi({ example: '20.10.24+dfsg1' }),
    apiVersion: z.string().openapi({ example: '1.41' }),
    local: z
      .boolean()
      .openapi({ description: "The engine runs on the server's machine: its host view is read too." }),
    writes: z
      .boolean()
      .openapi({ description: 'Whether replay and verify are allowed (with the bearer token).' }),
  })
  .openapi('LiveStatus')

export const LiveExplainQuerySchema = z.object({
  topic: z
    .string()
    .optional()
    .openapi({ description: 'A container, a mode, a rule type, or "rules".', example: 'bridge' }),
  lang: LangSchema.optional(),
})

export const LiveTraceQuerySchema = z.object({
  from: z.string().min(1).openapi({ example: 'lan' }),
  to: z.string().min(1).openapi({ example: 'host:8080/tcp' }),
  port: z.coerce.number().int().min(1).max(65535).optional(),
  proto: Proto.optional(),
  lang: LangSchema.optional(),
})

export const LiveReplayRequestSchema = z
  .object({
    scenario: ScenarioSchema.shape.scenario,
    keep: z.boolean().optional().openapi({
      description:
        'Leave what the scenario created on the engine (default false: it is removed once the lines have run).',
    }),
  })
  .openapi('LiveReplayRequest')

export const LiveReplayResultSchema = z
  .object({
    engine: z.string().openapi({ example: '20.10.24+dfsg1' }),
    steps: z.array(
      z.object({ command: z.string(), exit: z.number().int(), stdout: z.string(), stderr: z.string() }),
    ),
    created: z.object({ containers: z.array(z.string()), networks: z.array(z.string()) }),
    kept: z.boolean(),
  })
  .openapi('LiveReplayResult')

export const LiveVerifyRequestSchema = z
  .object({ scenario: ScenarioSchema.shape.scenario, engine: z.enum(['20.10', '28']).optional() })
  .openapi('LiveVerifyRequest')
