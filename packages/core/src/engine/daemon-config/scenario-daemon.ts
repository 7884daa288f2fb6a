import { NetmodesError } from '../../errors.js'
import type { DaemonSettings } from '../../model/daemon-settings.js'
import { parseScenario, type ScenarioStatement } from '../../script/scenario.js'
import { ScenarioLineError } from '../../script/scenario-line-error.js'
import { tokenizeCommandLine } from '../../script/tokenize.js'
import { parseDockerdArgs } from './dockerd-flags.js'

/**
 * The daemon settings of a scenario's `dockerd FLAGS...` statement (its
 * first, if any: parseScenario allows it nowhere else), or none. A bad flag
 * names the line.
 *
 * @example
 * daemonOfStatements(parseScenario('dockerd --bip=10.99.0.1/24\ndocker run -d busybox')) // { bip: '10.99.0.1/24' }
 */
export function daemonOfStatements(statements: readonly ScenarioStatement[]): DaemonSettings {
  const first = statements[0]
  if (first?.kind !== 'dockerd') return {}
  try {
    return parseDockerdArgs(tokenizeCommandLine(first.text).slice(1))
  } catch (error) {
    if (error instanceof NetmodesError)
      throw new ScenarioLineError(first.line, error.message, { cause: error })
    throw error
  }
}

/**
 * The daemon settings a scenario file starts its daemon with (its `dockerd`
 * statement), for a front end or a scorer that replays the file elsewhere.
 *
 * @example
 * daemonOfScenario('dockerd --icc=false\ndocker run -d busybox') // { icc: false }
 */
export function daemonOfScenario(source: string): DaemonSettings {
  return daemonOfStatements(parseScenario(source))
}
