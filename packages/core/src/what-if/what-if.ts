/**
 * What-if in one call, for every front end: run a scenario as it is and
 * with one thing changed (another scenario, the engine, daemon settings,
 * dockerd flags, a network's options), and diff the two labs. The CLI's
 * `netmodes diff`, the API's `POST /api/diff` and a UI ask this, so they
 * change the same things the same way.
 */

import { mergeDaemonSettings } from '../engine/daemon-config/daemon-config.js'
import { parseDockerdArgs } from '../engine/daemon-config/dockerd-flags.js'
import type { StepResult } from '../engine/execute.js'
import type { CreateLabOptions } from '../engine/lab.js'
import { runScenario } from '../engine/run-scenario.js'
import { NetmodesError } from '../errors.js'
import type { DaemonSettings } from '../model/daemon-settings.js'
import type { EngineVersion, LabState } from '../model/state.js'
import { tokenizeCommandLine } from '../script/tokenize.js'
import { type DiffOptions, diffLabs, type LabDiff } from './lab-diff.js'
import { withNetworkFlags } from './scenario-variant.js'

/** The lab as it is: a scenario on an engine with a daemon's settings. */
export interface WhatIfBase {
  source: string
  engine?: EngineVersion
  daemon?: DaemonSettings
}

/** What the second lab changes; what it leaves out stays as in the first. */
export interface WhatIfChange {
  /** Another scenario instead of the first's. */
  source?: string
  engine?: EngineVersion
  /** Daemon settings (daemon.json) instead of the first's. */
  daemon?: DaemonSettings
  /** dockerd flags on top of the daemon settings, as `dockerd --icc=false` would be started. */
  dockerd?: string
  /** Flags added to one network's `docker network create` line. */
  network?: { name: string; flags: string }
}

/** A docker command that failed on one side only, with what Docker said. */
export interface OneSidedFailure {
  command: string
  error: string
}

export interface WhatIfResult {
  before: LabState
  after: LabState
  diff: LabDiff
  /**
   * Commands that fail in one lab and not the other (a changed flag Docker
   * refuses, a network the change left without addresses): the first thing
   * to read, since everything after them differs because of them.
   */
  failedOnlyIn: { before: OneSidedFailure[]; after: OneSidedFailure[] }
}

function failures(results: readonly StepResult[]): OneSidedFailure[] {
  return results.filter((r) => !r.ok).map((r) => ({ command: r.command, error: (r.error ?? '').trim() }))
}

function onlyIn(these: OneSidedFailure[], those: OneSidedFailure[]): OneSidedFailure[] {
  const other = new Set(those.map((f) => `${f.command}\n${f.error}`))
  return these.filter((f) => !other.has(`${f.command}\n${f.error}`))
}

/**
 * A scenario that cannot run, on one side: `side` says which (the second
 * side runs the first's scenario when it changes something else), `cause`
 * is the scenario's own error (a ScenarioLineError names its line).
 */
export class WhatIfError extends NetmodesError {
  constructor(
    readonly side: 'before' | 'after',
    override readonly cause: NetmodesError,
  ) {
    super(cause.code, cause.message, { cause })
    this.name = 'WhatIfError'
  }
}

function labOf(
  side: 'before' | 'after',
  source: string,
  engine: EngineVersion | undefined,
  daemon: DaemonSettings | undefined,
): { lab: LabState; results: StepResult[] } {
  const options: CreateLabOptions = { ...(engine ? { engine } : {}), ...(daemon ? { daemon } : {}) }
  try {
    return runScenario(source, options)
  } catch (error) {
    if (error instanceof NetmodesError) throw new WhatIfError(side, error)
    throw error
  }
}

/**
 * Both labs and what differs. Errors are the scenario's own (a line that
 * cannot run, a daemon that cannot start), thrown before anything is diffed.
 *
 * @example
 * whatIf({ source }, { dockerd: '--icc=false' }).diff.matrices[0].cells // the pairs ICC off cuts
 */
export function whatIf(base: WhatIfBase, change: WhatIfChange, options: DiffOptions = {}): WhatIfResult {
  let source = change.source ?? base.source
  if (change.network) source = withNetworkFlags(source, change.network.name, change.network.flags)
  let daemon = change.daemon ?? base.daemon
  if (change.dockerd !== undefined) {
    const words = tokenizeCommandLine(change.dockerd)
    const flags = parseDockerdArgs(words[0] === 'dockerd' ? words.slice(1) : words)
    daemon = mergeDaemonSettings(daemon ?? {}, flags)
  }
  const before = labOf('before', base.source, base.engine, base.daemon)
  const after = labOf('after', source, change.engine ?? base.engine, daemon)
  const [fa, fb] = [failures(before.results), failures(after.results)]
  return {
    before: before.lab,
    after: after.lab,
    diff: diffLabs(before.lab, after.lab, options),
    failedOnlyIn: { before: onlyIn(fa, fb), after: onlyIn(fb, fa) },
  }
}
