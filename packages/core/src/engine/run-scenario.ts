import type { LabState } from '../model/state.js'
import { parseScenario } from '../script/scenario.js'
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

/** The document `netmodes run --json` prints. */
export type ScenarioReport = { steps: ScenarioStep[] } & ReturnType<typeof labReport>

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
): { lab: LabState; results: StepResult[]; report: ScenarioReport } {
  const lab = options.lab ?? createLab(options)
  const results: StepResult[] = []
  for (const statement of parseScenario(source)) {
    if (statement.kind === 'docker') results.push(runDocker(lab, statement.text))
  }
  const steps = results.map((r) => ({
    command: r.command,
    ok: r.ok,
    ...(r.output ? { output: r.output } : {}),
    ...(r.error ? { error: r.error } : {}),
  }))
  return { lab, results, report: { steps, ...labReport(lab) } }
}
