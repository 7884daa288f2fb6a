import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { EngineVersion, HostDescription, TraceResult } from '@netmodes/core'
import {
  ERROR_CODES,
  escapeControl,
  NetmodesError,
  operationText,
  renderLabSummary,
  runScenarioWithCompose,
  ScenarioLineError,
} from '@netmodes/core'
import type { Colors } from './cli/color.js'
import { readDaemonFile } from './cli/daemon-option.js'
import { isClusterScenario, printClusterRun } from './run-cluster-scenario-file.js'

/** Exit codes of the CLI: one table, documented in the README. */
export const EXIT = { ok: 0, dockerError: 1, usage: 2 } as const

export interface RunScenarioFileOptions {
  script: string
  host?: string
  /** The engine the scenario runs on (default 28). */
  engine?: EngineVersion
  /** A daemon.json file: the settings the daemon starts with (with the scenario's own `dockerd` flags). */
  daemon?: string
  json: boolean
  explain: boolean
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Colours for stdout (a terminal only). */
  colors?: Colors
}

/**
 * A trace line's verdict as `netmodes trace` ends: delivered or dropped with
 * the reason, and for a delivered request whether the reply gets back.
 */
export function renderVerdict(result: TraceResult, colors?: Colors): string {
  const green = (t: string) => (colors ? colors.green(t) : t)
  const red = (t: string) => (colors ? colors.red(t) : t)
  if (!result.delivered) return `  => ${red('dropped')}: ${result.reason}\n`
  const reply = result.reply.delivered
    ? `  => ${green('the reply gets back')}\n`
    : `  => ${red('the reply is lost')}: ${result.reply.reason}\n`
  return `  => ${green('delivered')}\n${reply}`
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new NetmodesError(
      'NOT_FOUND',
      `cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    )
  }
}

/** A compose file's text, or undefined when there is none (Compose then tries its next default name). */
export function readIfPresent(path: string): string | undefined {
  if (!existsSync(path) || !statSync(path).isFile()) return undefined
  return readText(path, 'compose file')
}

function readHost(path: string): HostDescription {
  const text = readText(path, 'host file')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new NetmodesError(
      'INVALID_INPUT',
      `host file ${path} is not valid JSON: ${(error as Error).message}`,
    )
  }
  const host = value as Partial<HostDescription> | null
  if (!host || !Array.isArray(host.addr) || !Array.isArray(host.route)) {
    throw new NetmodesError(
      'INVALID_INPUT',
      `host file ${path} must be {"addr": <ip -j addr>, "route": <ip -j route>}`,
    )
  }
  return host as HostDescription
}

/**
 * `netmodes run`: replays a scenario and prints what docker would print (or
 * one JSON document). Returns the exit code: 0 when the scenario was replayed
 * (its docker commands may fail, as scenarios often show on purpose), 2 when
 * the file or host description cannot be used.
 */
export function runScenarioFile(options: RunScenarioFileOptions): number {
  try {
    const source = readText(options.script, 'scenario')
    if (isClusterScenario(source)) {
      // A lab of several hosts: each node is a simulated host of its own, on the swarm LAN.
      if (options.host || options.daemon)
        throw new NetmodesError(
          'INVALID_INPUT',
          `${options.script} is a scenario of several hosts ("nodes ..."): --host and --daemon describe one host`,
        )
      printClusterRun({
        source,
        ...(options.engine ? { engine: options.engine } : {}),
        json: options.json,
        explain: options.explain,
        stdout: options.stdout,
        stderr: options.stderr,
        ...(options.colors ? { colors: options.colors } : {}),
        renderVerdict,
      })
      return EXIT.ok
    }
    const host = options.host ? readHost(options.host) : undefined
    const daemon = options.daemon ? readDaemonFile(options.daemon) : undefined
    const { lab, outcomes, report } = runScenarioWithCompose(source, {
      // `docker compose` lines read their compose file beside the scenario.
      compose: { workingDir: dirname(resolve(options.script)), readFile: readIfPresent },
      ...(host ? { host } : {}),
      ...(daemon ? { daemon } : {}),
      ...(options.engine ? { engine: options.engine } : {}),
    })
    if (options.json) {
      options.stdout(`${JSON.stringify(report, null, 2)}\n`)
      return EXIT.ok
    }
    for (const outcome of outcomes) {
      if (outcome.kind === 'trace') {
        options.stdout(
          `$ ${escapeControl(outcome.trace.command)}\n${renderVerdict(outcome.trace, options.colors)}`,
        )
        continue
      }
      if (outcome.kind === 'listen') {
        options.stdout(`$ ${escapeControl(outcome.command)}\n`)
        continue
      }
      const r = outcome.result
      // The scenario's own text reaches the terminal: its control characters are shown, not obeyed.
      options.stdout(`$ ${escapeControl(r.command)}\n`)
      if (options.explain)
        for (const op of r.operations) options.stdout(`  | ${escapeControl(operationText(op))}\n`)
      if (r.output) options.stdout(escapeControl(r.output, { multiline: true }))
      if (r.error) options.stderr(escapeControl(r.error, { multiline: true }))
    }
    if (Object.keys(lab.containers).length > 0) options.stdout(`\nThe lab now:\n${renderLabSummary(lab)}`)
    return EXIT.ok
  } catch (error) {
    if (error instanceof ScenarioLineError) {
      // Nothing ran to the end, so nothing was printed but this (the lab was never shown).
      options.stderr(`netmodes: ${escapeControl(options.script)}:${error.line}: ${error.detail}\n`)
      return ERROR_CODES[error.code].exitCode
    }
    if (error instanceof NetmodesError) {
      options.stderr(`netmodes: ${escapeControl(error.message)}\n`)
      return ERROR_CODES[error.code].exitCode
    }
    throw error
  }
}
