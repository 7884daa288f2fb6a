/**
 * A scenario whose `docker compose ...` lines run Compose (compose-command.ts)
 * on the lab, the file read beside the scenario: what `netmodes run FILE`
 * replays. Everything else runs as runScenario runs it.
 */

import type { StepResult } from '../engine/execute.js'
import { runScenario } from '../engine/run-scenario.js'
import { NetmodesError } from '../errors.js'
import type { LabState } from '../model/state.js'
import { ScenarioLineError } from '../script/scenario-line-error.js'
import { tokenizeCommandLine } from '../script/tokenize.js'
import { type ComposeCommandContext, runComposeCommand } from './compose-command.js'

const COMPOSE_LINE = /^docker\s+compose(\s|$)/

/** A `docker compose ...` line as a docker step: Compose's progress on stderr, its exit code. */
function composeLine(
  lab: LabState,
  statement: { line: number; text: string },
  context?: ComposeCommandContext,
): StepResult | undefined {
  if (!COMPOSE_LINE.test(statement.text)) return undefined
  if (!context)
    throw new ScenarioLineError(
      statement.line,
      'a "docker compose" line reads its compose file beside the scenario: run the scenario from a file',
    )
  try {
    const r = runComposeCommand(lab, tokenizeCommandLine(statement.text).slice(2), context)
    return {
      command: statement.text,
      ok: r.ok,
      output: r.output,
      ...(r.error ? { error: r.error } : {}),
      exitCode: r.exitCode,
      operations: r.operations,
    }
  } catch (error) {
    if (error instanceof NetmodesError)
      throw new ScenarioLineError(statement.line, error.message, { cause: error })
    throw error
  }
}

/**
 * runScenario, with `docker compose` lines answered from the files `compose.readFile` reads.
 * Without `compose`, such a line is refused with its line number.
 *
 * @example
 * runScenarioWithCompose(source, { compose: { workingDir: '/srv/shop', readFile } })
 */
export function runScenarioWithCompose(
  source: string,
  options: Parameters<typeof runScenario>[1] & { compose?: ComposeCommandContext } = {},
): ReturnType<typeof runScenario> {
  const { compose, ...rest } = options
  return runScenario(source, {
    ...rest,
    dockerLine: (lab, statement) => composeLine(lab, statement, compose),
  })
}
