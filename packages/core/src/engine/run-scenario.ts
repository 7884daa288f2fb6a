import { trace } from '../dataplane/trace.js'
import type { TraceResult } from '../dataplane/trace-types.js'
import type { LabState } from '../model/state.js'
import { parseScenario } from '../script/scenario.js'
import { parseTraceStatement } from '../script/trace-statement.js'
import { labReport } from '../views/lab-report.js'
import type { StepResult } from './execute.js'
import { runDocker } from './execute.js'
import type { CreateLabOptions } from './lab.js'
import { createLab } from './lab.js'

/** One step of `netmodes run --json`. */
export interface ScenarioStep {
  command: string
  ok: boolean
  output?: string
  error?: string
}

/** One `trace` line of a scenario and what the tracer found, at that point of the scenario. */
export type ScenarioTrace = { command: string } & TraceResult

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
 * Replays a scenario on a fresh lab (or the one given) and reports each step
 * and the final state.
 *
 * @example
 * const { report } = runScenario('docker network create app\ndocker run -d --name web --network app nginx')
 * report.containers[0]
 */
export function runScenario(
  source: string,
  options: CreateLabOptions & { lab?: LabState } = {},
): { lab: LabState; results: StepResult[]; traces: ScenarioTrace[]; report: ScenarioReport } {
  const lab = options.lab ?? createLab(options)
  const results: StepResult[] = []
  const traces: ScenarioTrace[] = []
  for (const statement of parseScenario(source)) {
    if (statement.kind === 'docker') results.push(runDocker(lab, statement.text))
    else traces.push(traceLine(lab, statement.text))
  }
  const steps = results.map((r) => ({
    command: r.command,
    ok: r.ok,
    ...(r.output ? { output: r.output } : {}),
    ...(r.error ? { error: r.error } : {}),
  }))
  return { lab, results, traces, report: { steps, traces, ...labReport(lab) } }
}
