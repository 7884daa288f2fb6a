/**
 * The editor's scenario run through core, line by line: each docker line's
 * output or Docker's error, each trace line's result, and a line core
 * refuses (a syntax error, a trace it cannot place, a dockerd line that
 * cannot start) reported under that line while the rest still runs. The
 * cursor runs only the first N statements: undo and redo along the command
 * history.
 */
import {
  type CreateLabOptions,
  DaemonConfigError,
  type DaemonSettings,
  type EngineVersion,
  type LabState,
  parseScenario,
  runScenario,
  ScenarioLineError,
  type ScenarioStatement,
  type ScenarioTrace,
  type StepResult,
} from '@netmodes/core'

export type LineOutcome =
  | { kind: 'docker'; line: number; text: string; result: StepResult }
  | { kind: 'trace'; line: number; text: string; trace: ScenarioTrace }
  | { kind: 'dockerd'; line: number; text: string }
  /** A `listen` line: it declares a socket and prints nothing. */
  | { kind: 'listen'; line: number; text: string }
  /** A line core refused before or while running: its message, in core's (Docker's) words. */
  | { kind: 'refused'; line: number; text: string; message: string }

export interface LabRun {
  lab: LabState
  /** By 1-based line number, where a statement starts. */
  outcomes: Map<number, LineOutcome>
  /** Statements (docker and trace lines) in the file, and how many of them ran. */
  statements: number
  ran: number
  /** The 1-based line where the first statement not run starts (undone by the cursor); undefined when all ran. */
  nextLine?: number
  /** The daemon settings given beside the scenario could not start a daemon: why (the lab ran without them). */
  daemonError?: string
}

export interface RunOptions {
  engine: EngineVersion
  daemon?: DaemonSettings
  /** Run only the first N docker/trace statements (undefined: all). */
  upTo?: number
  /** Lines run after those (a preview of commands not yet in the editor); their outcomes follow the file's. */
  append?: readonly string[]
}

/** Blanks one line (and its continuation lines) so the rest of the file can still run. */
function blankLine(lines: string[], line: number): void {
  let i = line - 1
  do {
    const text = lines[i] ?? ''
    lines[i] = ''
    if (!text.trimEnd().endsWith('\\')) break
    i++
  } while (i < lines.length)
}

const isStep = (s: ScenarioStatement) => s.kind !== 'dockerd'

/**
 * Lines inserted where the cursor stands: after the statements that ran,
 * before those undone (which stay, to be redone). Commands written against
 * the lab at the cursor (a mode switch after undo) run on that lab.
 *
 * @example
 * insertAtCursor('a\nb\nc', { nextLine: 2 }, ['x']) // 'a\nx\nb\nc'
 */
export function insertAtCursor(
  source: string,
  run: Pick<LabRun, 'nextLine'>,
  lines: readonly string[],
): string {
  if (run.nextLine === undefined) return `${source.replace(/\s*$/, '')}\n${lines.join('\n')}\n`
  const all = source.split('\n')
  all.splice(run.nextLine - 1, 0, ...lines)
  return all.join('\n')
}

/**
 * @example
 * runLab('docker network create app\ndocker run -d --network nope busybox', { engine: '28' })
 *   .outcomes.get(2) // { kind: 'docker', result: { ok: false, error: 'docker: Error response from daemon: ...' } }
 */
export function runLab(source: string, options: RunOptions): LabRun {
  if (options.daemon) {
    try {
      return runLines(source, options)
    } catch (error) {
      if (!(error instanceof DaemonConfigError)) throw error
      const { daemon: _refused, ...rest } = options
      return { ...runLines(source, rest), daemonError: error.message }
    }
  }
  return runLines(source, options)
}

function runLines(source: string, options: RunOptions): LabRun {
  const lines = source.split(/\r?\n/)
  const refused = new Map<number, LineOutcome>()
  const labOptions: CreateLabOptions = {
    engine: options.engine,
    ...(options.daemon ? { daemon: options.daemon } : {}),
  }
  // Each pass either runs or blanks one refused line: at most one pass per line, plus the last.
  for (let pass = 0; pass <= lines.length + 1; pass++) {
    let statements: ScenarioStatement[]
    try {
      statements = parseScenario(lines.join('\n'))
    } catch (error) {
      if (!(error instanceof ScenarioLineError)) throw error
      refused.set(error.line, refusal(source, error))
      blankLine(lines, error.line)
      continue
    }
    const steps = statements.filter(isStep)
    const upTo = Math.min(options.upTo ?? steps.length, steps.length)
    const last = steps[upTo]
    const cut = last ? lines.slice(0, last.line - 1) : lines
    const text = [...cut, ...(options.append ?? [])].join('\n')
    try {
      const run = runScenario(text, labOptions)
      const outcomes = new Map(refused)
      const ran = parseScenario(text)
      let docker = 0
      let trace = 0
      // A `host` line's iproute2 answers as a docker line's do (its error under it, its operations).
      const hosts = run.outcomes.flatMap((o) => (o.kind === 'host' ? [o.result] : []))
      let host = 0
      for (const s of ran) {
        if (s.kind === 'dockerd') outcomes.set(s.line, { kind: 'dockerd', line: s.line, text: s.text })
        else if (s.kind === 'listen') outcomes.set(s.line, { kind: 'listen', line: s.line, text: s.text })
        else if (s.kind === 'host') {
          const result = hosts[host++]
          if (result) outcomes.set(s.line, { kind: 'docker', line: s.line, text: s.text, result })
        } else if (s.kind === 'docker') {
          const result = run.results[docker++]
          if (result) outcomes.set(s.line, { kind: 'docker', line: s.line, text: s.text, result })
        } else {
          const t = run.traces[trace++]
          if (t) outcomes.set(s.line, { kind: 'trace', line: s.line, text: s.text, trace: t })
        }
      }
      return {
        lab: run.lab,
        outcomes,
        statements: steps.length,
        ran: upTo,
        ...(last ? { nextLine: last.line } : {}),
      }
    } catch (error) {
      if (!(error instanceof ScenarioLineError)) throw error
      refused.set(error.line, refusal(source, error))
      blankLine(lines, error.line)
    }
  }
  throw new Error('unreachable: every pass blanks a line')
}

function refusal(source: string, error: ScenarioLineError): LineOutcome {
  const text = source.split(/\r?\n/)[error.line - 1] ?? ''
  return { kind: 'refused', line: error.line, text, message: error.detail }
}
