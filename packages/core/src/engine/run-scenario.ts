import { trace } from '../dataplane/trace.js'
import type { TraceResult } from '../dataplane/trace-types.js'
import { NetmodesError } from '../errors.js'
import type { DaemonSettings } from '../model/daemon-settings.js'
import type { Operation } from '../model/operation.js'
import type { LabState } from '../model/state.js'
import { Tx } from '../model/tx.js'
import { escapeControl } from '../script/escape-control.js'
import { parseListenStatement } from '../script/listen-statement.js'
import { parseScenario, type ScenarioStatement } from '../script/scenario.js'
import { ScenarioLineError } from '../script/scenario-line-error.js'
import { parseTraceStatement } from '../script/trace-statement.js'
import { labReport } from '../views/lab-report.js'
import { mergeDaemonSettings } from './daemon-config/daemon-config.js'
import { DaemonConfigError } from './daemon-config/daemon-config-error.js'
import { daemonOfStatements } from './daemon-config/scenario-daemon.js'
import type { StepResult } from './execute.js'
import { runDocker } from './execute.js'
import { type HostCommandResult, runHostCommand } from './host-commands.js'
import type { CreateLabOptions } from './lab.js'
import { createLab } from './lab.js'
import { declareListener } from './listeners.js'

/** One step of `netmodes run --json`. */
export interface ScenarioStep {
  command: string
  ok: boolean
  output?: string
  error?: string
  /** What the daemon did underneath, as data (`operationText` prints each); a failed command keeps only what stood (`run`'s create when its start fails). */
  operations: Operation[]
}

/** One `trace` line of a scenario and what the tracer found, at that point of the scenario. */
export type ScenarioTrace = { command: string } & TraceResult

/** One statement of a scenario and what it gave, in the order of the file. */
export type ScenarioOutcome =
  | { kind: 'docker'; result: StepResult }
  | { kind: 'trace'; trace: ScenarioTrace }
  | { kind: 'host'; result: HostCommandResult }
  /** A `listen` line: the socket it declared is in the lab from then on. */
  | { kind: 'listen'; command: string }

/** The document `netmodes run --json` prints. */
export type ScenarioReport = { steps: ScenarioStep[]; traces: ScenarioTrace[] } & ReturnType<typeof labReport>

/** Traces one `trace FROM -> TO[:PORT][/PROTO]` line on the lab as it is now. */
export function traceLine(lab: LabState, line: string): ScenarioTrace {
  const t = parseTraceStatement(line)
  return {
    command: line,
    ...trace(lab, { from: t.from, to: t.to, protocol: t.protocol, ...(t.port ? { port: t.port } : {}) }),
  }
}

/**
 * A scenario's trace line; a FROM or TO the tracer cannot place (no such
 * container, a bad address) names the line, as a syntax error does.
 */
function traceAt(lab: LabState, statement: { line: number; text: string }): ScenarioTrace {
  try {
    return traceLine(lab, statement.text)
  } catch (error) {
    if (error instanceof NetmodesError) {
      throw new ScenarioLineError(statement.line, escapeControl(error.message), { cause: error })
    }
    throw error
  }
}

/**
 * A scenario's `listen` line, applied to the lab as it is now; a container
 * that does not exist or does not run names the line.
 *
 * @example
 * listenLine(lab, 'listen web 80/tcp')
 */
export function listenLine(lab: LabState, line: string): void {
  const statement = parseListenStatement(line)
  // declareListener refuses before it changes anything: nothing to roll back.
  declareListener(new Tx(lab), statement)
}

function listenAt(lab: LabState, statement: { line: number; text: string }): void {
  try {
    listenLine(lab, statement.text)
  } catch (error) {
    if (error instanceof NetmodesError)
      throw new ScenarioLineError(statement.line, escapeControl(error.message), { cause: error })
    throw error
  }
}

/**
 * The lab of a scenario's daemon: the caller's daemon.json and the
 * scenario's dockerd flags, as dockerd joins and checks them. What stops
 * that daemon (a clash, a bad value) names the dockerd line.
 */
function startDaemon(
  options: CreateLabOptions,
  flags: DaemonSettings,
  statements: readonly ScenarioStatement[],
): LabState {
  try {
    return createLab({ ...options, daemon: mergeDaemonSettings(options.daemon ?? {}, flags) })
  } catch (error) {
    const first = statements[0]
    if (error instanceof DaemonConfigError && first?.kind === 'dockerd')
      throw new ScenarioLineError(first.line, error.message, { cause: error })
    throw error
  }
}

/**
 * Replays a scenario on a fresh lab (or the one given) and reports each step
 * and the final state.
 *
 * @example
 * const { report } = runScenario('docker network create app\ndocker run -d --name web --network app nginx')
 * report.containers[0]
 */
export function runScenario(
  source: string,
  options: CreateLabOptions & {
    lab?: LabState
    /**
     * A docker line a layer above the engine answers (`docker compose`, compose/): its step, or
     * undefined to run the line as a docker command.
     */
    dockerLine?: (lab: LabState, statement: { line: number; text: string }) => StepResult | undefined
  } = {},
): {
  lab: LabState
  results: StepResult[]
  traces: ScenarioTrace[]
  /** Every statement's outcome in file order: docker results and traces interleaved as they stand. */
  outcomes: ScenarioOutcome[]
  report: ScenarioReport
} {
  const statements = parseScenario(source)
  const flags = daemonOfStatements(statements)
  if (options.lab && statements[0]?.kind === 'dockerd')
    throw new ScenarioLineError(
      statements[0].line,
      'a "dockerd ..." statement starts a new daemon: it cannot run on a lab that already has one',
    )
  const hosts = statements.find((s) => s.kind === 'nodes')
  if (hosts)
    throw new ScenarioLineError(
      hosts.line,
      'a scenario of several hosts ("nodes ...") runs on a cluster of labs (runClusterScenario), not on one lab',
    )
  const lab = options.lab ?? startDaemon(options, flags, statements)
  const results: StepResult[] = []
  const traces: ScenarioTrace[] = []
  const outcomes: ScenarioOutcome[] = []
  for (const statement of statements) {
    if (statement.kind === 'dockerd' || statement.kind === 'nodes') continue
    if (statement.kind === 'docker') {
      const result = options.dockerLine?.(lab, statement) ?? runDocker(lab, statement.text)
      results.push(result)
      outcomes.push({ kind: 'docker', result })
    } else if (statement.kind === 'host') {
      outcomes.push({ kind: 'host', result: runHostCommand(lab, statement.text) })
    } else if (statement.kind === 'listen') {
      listenAt(lab, statement)
      outcomes.push({ kind: 'listen', command: statement.text })
    } else {
      const trace = traceAt(lab, statement)
      traces.push(trace)
      outcomes.push({ kind: 'trace', trace })
    }
  }
  const steps = results.map((r) => ({
    command: r.command,
    ok: r.ok,
    ...(r.output ? { output: r.output } : {}),
    ...(r.error ? { error: r.error } : {}),
    operations: r.operations,
  }))
  return { lab, results, traces, outcomes, report: { steps, traces, ...labReport(lab) } }
}
