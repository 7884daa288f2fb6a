/**
 * The shape of the docker CLI's cobra command tree as netmodes models it:
 * management commands (groups) holding leaf commands, each leaf with its
 * "Use" line, one-line description, argument rule and flags.
 */
import type { DockerCommand } from '../docker-command.js'
import type { Flag } from './flag.js'

/**
 * cobra.Args as docker uses it: cli.ExactArgs, cli.RequiresMinArgs, cli.NoArgs.
 *
 * @example
 * const rule: ArgsRule = { exactly: 2 }
 */
export type ArgsRule = { exactly: number } | { atLeast: number } | { between: [number, number] } | 'none'

/**
 * One parse of a leaf: fresh flags, and the RunE stage that turns the
 * positional arguments into a command (throwing a GoValueError for a
 * client-side failure, which the CLI prints and exits 1 for).
 *
 * @example
 * const leaf: LeafRun = { flags: [], interspersed: true, run: (args) => ({ kind: 'network rm', networks: args }) }
 */
export interface LeafRun {
  flags: Flag<unknown>[]
  /** false for run/create: flags stop at the image name. */
  interspersed: boolean
  run(args: string[]): DockerCommand
}

/**
 * A leaf command.
 *
 * @example
 * const rm: LeafSpec = { kind: 'leaf', name: 'rm', aliases: ['remove'], use: 'rm NETWORK [NETWORK...]', short: 'Remove one or more networks', args: { atLeast: 1 }, setup }
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
  setup(): LeafRun
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
