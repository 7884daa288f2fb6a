import { splitScenario } from './_scenario-statements.js'

/**
 * The daemon flags a scenario's `dockerd` line asks for (none without one),
 * to start the engine with before the scenario is replayed.
 *
 * @example
 * scenarioDaemonArgs('dockerd --bip=10.99.0.1/24 --mtu=1400\ndocker run ...') // ["--bip=10.99.0.1/24", "--mtu=1400"]
 */
export function scenarioDaemonArgs(source: string): string[] {
  const statement = splitScenario(source, { hostCommands: true }).find((s) => s.kind === 'dockerd')
  return statement?.kind === 'dockerd' ? statement.args : []
}
