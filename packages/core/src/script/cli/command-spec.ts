/**
 * The shape of the docker CLI's cobra command tree as netmodes models it:
 * management commands (groups) holding leaf commands, each leaf with its
 * "Use" line, one-line description, argument rule and flags.
 */
import type { DockerCommand } from '../docker-command.js'
import type { Flag } from './flag.js'
import type { FlagValues, FlagView } from './flag-values.js'

/**
 * cobra.Args as docker uses it: cli.ExactArgs, cli.RequiresMinArgs, cli.NoArgs.
 *
 * @example
 * const rule: ArgsRule = { exactly: 2 }
 */
export type ArgsRule = { exactly: number } | { atLeast: number } | { between: [number, number] } | 'none'

/**
 * A leaf command.
 *
 * @example
 * const rm: LeafSpec = { kind: 'leaf', name: 'rm', aliases: ['remove'], use: 'rm NETWORK [NETWORK...]', short: 'Remove one or more networks', args: { atLeast: 1 }, flags: [], interspersed: true, run: (args) => ({ kind: 'network rm', networks: args }) }
 */
export interface LeafSpec {
  kind: 'leaf'
  name: string
  aliases: string[]
  /** cobra's Use: the name and its argument synopsis. */
  use: string
  /** cobra's Short, printed under the usage line of argument errors. */
  short: string
  args: ArgsRule
  /** The leaf's own flags: frozen definitions, built once with the module. */
  flags: readonly Flag<unknown>[]
  /** false for run/create: flags stop at the image name. */
  interspersed: boolean
  /**
   * The RunE stage: turns the positional arguments and this parse's flag
   * values into a command (throwing a GoValueError for a client-side
   * failure, which the CLI prints and exits 1 for).
   */
  run(args: string[], values: FlagValues): DockerCommand
}

/**
 * A management command (`docker network`...): its usage text, the leaves
 * netmodes simulates, and the names of the real ones it does not.
 *
 * @example
 * const swarm: GroupSpec = { kind: 'group', name: 'swarm', usage: SWARM_USAGE, children: [], unsupported: ['join'] }
 */
export interface GroupSpec {
  kind: 'group'
  name: string
  usage: string
  children: LeafSpec[]
  unsupported: string[]
}

/**
 * A leaf's flags and RunE from a frozen table of its flags: `run` reads
 * this parse's values through a view shaped like the table.
 *
 * @example
 * const RM_FLAGS = Object.freeze({ force: boolFlag('force', 'f') })
 * const parts = withFlags(RM_FLAGS, (args, f) => ({ kind: 'rm', containers: args, force: f.force.value }))
 */
export function withFlags<F extends Readonly<Record<string, Flag<unknown>>>>(
  table: F,
  run: (args: string[], f: FlagView<F>) => DockerCommand,
): Pick<LeafSpec, 'flags' | 'run'> {
  return {
    flags: Object.freeze(Object.values(table)),
    run: (args, values) => run(args, values.view(table)),
  }
}
