/**
 * `netmodes diff`: what one change does to a lab. Two scenario files (or
 * lab files), or one scenario with the engine, the daemon's settings, its
 * dockerd flags or one network's options changed; core's whatIf and
 * diffLabs do the work, this file reads the files and prints. Exit codes
 * as diff(1) has them, so a script can ask "does this change anything?":
 * 0 the same, 1 different, 2 trouble.
 */
import { readFileSync } from 'node:fs'
import type { DaemonSettings, EngineVersion, LabDiff, LabState, Lang, WhatIfResult } from '@netmodes/core'
import {
  diffLabs,
  ERROR_CODES,
  escapeControl,
  fromJSON,
  isEmptyDiff,
  NetmodesError,
  renderLabDiff,
  renderOneSidedFailures,
  ScenarioLineError,
  WhatIfError,
  whatIf,
} from '@netmodes/core'
import { readDaemonFile } from './cli/daemon-option.js'
import { matrixQuestionOf } from './inspect/lab-questions.js'

export interface DiffFilesOptions {
  before: string
  after?: string
  engine?: EngineVersion
  daemon?: string
  toEngine?: EngineVersion
  toDaemon?: string
  toDockerd?: string
  /** "NAME FLAGS": flags added to the `docker network create NAME` line. */
  toNetwork?: string
  /** `--port` / `--proto`: one matrix question instead of ping and each published port. */
  port?: string
  proto?: string
  lang: Lang
  json: boolean
  stdout: (text: string) => void
  stderr: (text: string) => void
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new NetmodesError(
      'NOT_FOUND',
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    )
  }
}

/** A lab file is JSON; a scenario is docker lines, which never start with `{`. */
function labFileOf(path: string, text: string): LabState | undefined {
  if (!text.trimStart().startsWith('{')) return undefined
  try {
    return fromJSON(text)
  } catch (error) {
    throw new NetmodesError('INVALID_INPUT', `${path} is not a lab file: ${(error as Error).message}`)
  }
}

function networkChange(spec: string): { name: string; flags: string } {
  const [name, ...flags] = spec.trim().split(/\s+/)
  if (!name || flags.length === 0)
    throw new NetmodesError(
      'INVALID_INPUT',
      `--to-network takes "NAME FLAGS", as in --to-network "db --internal"`,
    )
  return { name, flags: flags.join(' ') }
}

interface Compared {
  diff: LabDiff
  failedOnlyIn?: WhatIfResult['failedOnlyIn']
  labels: { from: string; to: string }
}

function compare(o: DiffFilesOptions): Compared {
  const labels = { from: o.before, to: o.after ?? `${o.before} (changed)` }
  const asked = o.port !== undefined || o.proto !== undefined
  const question = {
    ...(o.port !== undefined ? { port: o.port } : {}),
    ...(o.proto !== undefined ? { proto: o.proto } : {}),
  }
  const options = { lang: o.lang, labels, ...(asked ? { matrices: [matrixQuestionOf(question)] } : {}) }
  const beforeText = readText(o.before)
  const afterText = o.after !== undefined ? readText(o.after) : undefined
  const beforeLab = labFileOf(o.before, beforeText)
  const afterLab =
    o.after !== undefined && afterText !== undefined ? labFileOf(o.after, afterText) : undefined
  const changes = [o.toEngine, o.toDaemon, o.toDockerd, o.toNetwork].some((x) => x !== undefined)
  if (o.after === undefined && !changes)
    throw new NetmodesError(
      'INVALID_INPUT',
      'nothing to compare: give a second scenario, or --to-engine, --to-daemon, --to-dockerd or --to-network',
    )
  if (beforeLab || afterLab) {
    // A lab file is a built host: there is no scenario to run again with something changed.
    if (!beforeLab || !afterLab || changes || o.engine || o.daemon)
      throw new NetmodesError(
        'INVALID_INPUT',
        'a lab file is compared with another lab file as it is (two lab files, no --engine, --daemon or --to-* options)',
      )
    return { diff: diffLabs(beforeLab, afterLab, options), labels }
  }
  const daemon: DaemonSettings | undefined = o.daemon ? readDaemonFile(o.daemon) : undefined
  const toDaemon = o.toDaemon ? readDaemonFile(o.toDaemon) : undefined
  const result = whatIf(
    { source: beforeText, ...(o.engine ? { engine: o.engine } : {}), ...(daemon ? { daemon } : {}) },
    {
      ...(afterText !== undefined ? { source: afterText } : {}),
      ...(o.toEngine ? { engine: o.toEngine } : {}),
      ...(toDaemon ? { daemon: toDaemon } : {}),
      ...(o.toDockerd !== undefined ? { dockerd: o.toDockerd } : {}),
      ...(o.toNetwork !== undefined ? { network: networkChange(o.toNetwork) } : {}),
    },
    options,
  )
  return { diff: result.diff, failedOnlyIn: result.failedOnlyIn, labels }
}

/** Runs the comparison and prints it; returns the exit code (0 same, 1 different, 2 trouble). */
export function diffFiles(o: DiffFilesOptions): number {
  try {
    const { diff, failedOnlyIn, labels } = compare(o)
    if (o.json)
      o.stdout(`${JSON.stringify({ ...diff, ...(failedOnlyIn ? { failedOnlyIn } : {}) }, null, 2)}\n`)
    else {
      const failed = failedOnlyIn ? renderOneSidedFailures(failedOnlyIn, labels, o.lang) : ''
      o.stdout(escapeControl(failed + renderLabDiff(diff, o.lang), { multiline: true }))
    }
    return isEmptyDiff(diff) ? 0 : 1
  } catch (error) {
    if (error instanceof WhatIfError && error.cause instanceof ScenarioLineError) {
      // The changed side runs the second file, or the first one again with the change.
      const file = error.side === 'after' && o.after !== undefined ? o.after : o.before
      const changed = error.side === 'after' && o.after === undefined ? ' (with the change)' : ''
      o.stderr(`netmodes: ${escapeControl(file)}:${error.cause.line}${changed}: ${error.cause.detail}\n`)
      return ERROR_CODES[error.code].exitCode
    }
    if (error instanceof NetmodesError) {
      o.stderr(`netmodes: ${escapeControl(error.message)}\n`)
      return ERROR_CODES[error.code].exitCode
    }
    throw error
  }
}
