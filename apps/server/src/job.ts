/**
 * The questions the server answers about a scenario, as plain data in and
 * out, so they can run in a worker thread that a deadline may cut off. Each
 * one replays the scenario on a fresh lab with core, as `netmodes run` does.
 */
import type { EngineVersion, LabState, Lang, TraceProtocol } from '@netmodes/core'
import {
  type DiagramFormat,
  doctor,
  ERROR_CODES,
  explainNeedsLab,
  explainTopic,
  isNetmodesError,
  matrixCell,
  matrixProtocolOf,
  parseDaemonJson,
  parseScenario,
  reachabilityMatrix,
  renderDiagram,
  runScenario,
  ScenarioLineError,
  trace,
  traceProtocolOf,
  WhatIfError,
  whatIf,
} from '@netmodes/core'
import type { ApiErrorBody } from './api-error.js'

export interface LabInput {
  scenario: string
  engine?: EngineVersion | undefined
  continueOnError?: boolean | undefined
}

export type Job =
  | { kind: 'simulate'; lab: LabInput }
  | {
      kind: 'trace'
      lab: LabInput
      from: string
      to: string
      port?: number
      proto?: TraceProtocol
      lang?: Lang
    }
  | { kind: 'matrix'; lab: LabInput; port?: number; proto?: TraceProtocol; lang?: Lang }
  | { kind: 'explain'; lab?: LabInput; topic?: string; lang: Lang }
  | { kind: 'diagram'; lab: LabInput; format: DiagramFormat }
  | { kind: 'doctor'; lab: LabInput }
  | {
      kind: 'diff'
      before: {
        scenario: string
        engine?: EngineVersion | undefined
        daemon?: Record<string, unknown> | undefined
      }
      to: {
        scenario?: string | undefined
        engine?: EngineVersion | undefined
        daemon?: Record<string, unknown> | undefined
        dockerd?: string | undefined
        network?: { name: string; flags: string } | undefined
      }
      port?: number
      proto?: TraceProtocol
      lang?: Lang
    }

export type JobResult = { ok: true; value: unknown } | { ok: false; status: number; body: ApiErrorBody }

class JobError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.error.message)
  }
}

/** The docker statements' line numbers, in order: runScenario's results follow them one to one. */
function dockerLines(source: string): number[] {
  return parseScenario(source)
    .filter((s) => s.kind === 'docker')
    .map((s) => s.line)
}

function replay(input: LabInput) {
  const run = runScenario(input.scenario, { engine: input.engine ?? '28' })
  if (!input.continueOnError) {
    const failed = run.results.findIndex((r) => !r.ok)
    if (failed >= 0) {
      const line = dockerLines(input.scenario)[failed]
      const text = (run.results[failed]?.error ?? '').trimEnd()
      throw new JobError(422, {
        error: { code: 'DOCKER_ERROR', message: text, ...(line ? { line } : {}) },
      })
    }
  }
  return run
}

const labOf = (input: LabInput): LabState => replay(input).lab

/** The fields of a flow question, as core's messages name them. */
const FIELDS = { proto: 'proto', port: '"port"', toWithPort: 'to as HOST:PORT' }

// A flow the request itself gets wrong is the request's fault (400), not the scenario's (422).
function requestField<T>(read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (isNetmodesError(error) && error.code === 'INVALID_INPUT') {
      throw new JobError(400, { error: { code: 'INVALID_INPUT', message: error.message } })
    }
    throw error
  }
}

const protocolFor = (port: number | undefined, to: string, proto: TraceProtocol | undefined) =>
  requestField(() => traceProtocolOf({ to, port, proto }, FIELDS))

function matrixOf(
  lab: LabState,
  port: number | undefined,
  proto: TraceProtocol | undefined,
  lang: Lang = 'en',
) {
  const protocol = requestField(() => matrixProtocolOf({ port, proto }, FIELDS))
  const matrix = reachabilityMatrix(lab, { protocol, ...(protocol !== 'icmp' && port ? { port } : {}) })
  // The rows of `netmodes matrix --json`.
  return matrix.endpoints.flatMap((from) =>
    matrix.endpoints.map((to) => {
      const cell = matrixCell(matrix, from, to, lang)
      return { from, to, reachable: cell.reachable, ...(!cell.reachable ? { reason: cell.reason } : {}) }
    }),
  )
}

/** The documents of `netmodes explain TOPIC --json`; with no topic, the rules and the containers in one. */
function explainDocument(lab: LabState | undefined, topic: string | undefined, lang: Lang): unknown {
  if (!lab && explainNeedsLab(topic)) {
    throw new JobError(400, {
      error: { code: 'INVALID_INPUT', message: `explaining "${topic ?? ''}" needs a scenario` },
    })
  }
  const e = explainTopic(lab, topic, lang)
  switch (e.kind) {
    case 'modes':
      return e.table
    case 'mode':
      return e.info
    case 'rule-type':
      return { type: e.type, what: e.what, ...(e.rules ? { rules: e.rules } : {}) }
    case 'rules':
      return e.rules
    case 'containers':
      return e.rules ? { rules: e.rules, containers: e.containers } : e.containers
  }
}

/** A question about a lab already built (a live engine's snapshot): the job kinds that need no scenario. */
export type LabQuestion =
  | { kind: 'trace'; from: string; to: string; port?: number; proto?: TraceProtocol; lang?: Lang }
  | { kind: 'explain'; topic?: string; lang: Lang }
  | { kind: 'doctor' }

function answerOnLab(lab: LabState | undefined, question: LabQuestion): unknown {
  switch (question.kind) {
    case 'trace': {
      const protocol = protocolFor(question.port, question.to, question.proto)
      return trace(lab as LabState, {
        from: question.from,
        to: question.to,
        ...(protocol ? { protocol } : {}),
        ...(question.port ? { port: question.port } : {}),
        ...(question.lang ? { lang: question.lang } : {}),
      })
    }
    case 'explain':
      return explainDocument(lab, question.topic, question.lang)
    case 'doctor':
      return doctor(lab as LabState)
  }
}

// daemon.json's settings are read as dockerd reads its file; a bad one is the request's fault.
const daemonOf = (settings: Record<string, unknown> | undefined) =>
  settings === undefined ? undefined : requestField(() => parseDaemonJson(JSON.stringify(settings)))

/** `netmodes diff --json`: both labs' differences, and the commands that failed on one side only. */
function diffDocument(job: Extract<Job, { kind: 'diff' }>): unknown {
  const asked = job.port !== undefined || job.proto !== undefined
  const protocol = asked
    ? requestField(() => matrixProtocolOf({ port: job.port, proto: job.proto }, FIELDS))
    : undefined
  const daemon = daemonOf(job.before.daemon)
  const toDaemon = daemonOf(job.to.daemon)
  const { to } = job
  const result = whatIf(
    { source: job.before.scenario, engine: job.before.engine ?? '28', ...(daemon ? { daemon } : {}) },
    {
      ...(to.scenario !== undefined ? { source: to.scenario } : {}),
      ...(to.engine ? { engine: to.engine } : {}),
      ...(toDaemon ? { daemon: toDaemon } : {}),
      ...(to.dockerd !== undefined ? { dockerd: to.dockerd } : {}),
      ...(to.network ? { network: to.network } : {}),
    },
    {
      ...(job.lang ? { lang: job.lang } : {}),
      labels: { from: 'before', to: 'after' },
      ...(protocol
        ? { matrices: [{ protocol, ...(protocol !== 'icmp' && job.port ? { port: job.port } : {}) }] }
        : {}),
    },
  )
  return { ...result.diff, failedOnlyIn: result.failedOnlyIn }
}

function answer(job: Job): unknown {
  switch (job.kind) {
    case 'simulate':
      return replay(job.lab).report
    case 'trace': {
      const { lab, kind: _kind, ...question } = job
      // The flow is checked before the scenario is replayed, as the CLI checks its flags first.
      protocolFor(job.port, job.to, job.proto)
      return answerOnLab(labOf(lab), { kind: 'trace', ...question })
    }
    case 'matrix':
      return matrixOf(labOf(job.lab), job.port, job.proto, job.lang)
    case 'explain':
      return answerOnLab(job.lab ? labOf(job.lab) : undefined, {
        kind: 'explain',
        ...(job.topic ? { topic: job.topic } : {}),
        lang: job.lang,
      })
    case 'diagram':
      return renderDiagram(labOf(job.lab), job.format)
    case 'doctor':
      return answerOnLab(labOf(job.lab), { kind: 'doctor' })
    case 'diff':
      return diffDocument(job)
  }
}

/**
 * Answers one job; every failure becomes the error document the client
 * gets (a line's error names the line), never a stack trace.
 *
 * @example
 * runJob({ kind: 'doctor', lab: { scenario: 'docker run -d -p 80:80 nginx' } })
 */
export function runJob(job: Job): JobResult {
  return settle(() => answer(job))
}

/**
 * Answers a question about a lab in hand (a live engine's snapshot), with
 * the same documents and errors as the scenario jobs.
 *
 * @example
 * askLab(await snapshot(conn), { kind: 'doctor' })
 */
export function askLab(lab: LabState, question: LabQuestion): JobResult {
  return settle(() => answerOnLab(lab, question))
}

function settle(compute: () => unknown): JobResult {
  try {
    return { ok: true, value: compute() }
  } catch (error) {
    if (error instanceof JobError) return { ok: false, status: error.status, body: error.body }
    // A what-if's scenario line names its side: the first lab, or the changed one.
    if (error instanceof WhatIfError && error.cause instanceof ScenarioLineError) {
      const { line, detail } = error.cause
      return {
        ok: false,
        status: 422,
        body: { error: { code: 'SCENARIO_LINE', message: `${error.side}: ${detail}`, line } },
      }
    }
    if (error instanceof ScenarioLineError) {
      return {
        ok: false,
        status: 422,
        body: { error: { code: 'SCENARIO_LINE', message: error.detail, line: error.line } },
      }
    }
    if (isNetmodesError(error)) {
      const status = ERROR_CODES[error.code].httpStatus
      return { ok: false, status, body: { error: { code: error.code, message: error.message } } }
    }
    return { ok: false, status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } } }
  }
}
