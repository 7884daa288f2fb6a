/**
 * What the front door (run-cli) read before the command name, for the
 * commands to use: netmodes' global options, and the root command (for
 * `netmodes completion`).
 */
import type { CommandDef } from 'citty'

export interface GlobalOptions {
  /** `--lab FILE` given before the command. */
  lab?: string
  /** `--explain` given before the command. */
  explain: boolean
  /** `--engine VERSION` given before the command (checked against the engines netmodes models). */
  engine?: string
  /** `--daemon FILE` given before the command: the daemon.json a new lab starts with. */
  daemon?: string
}

export const globalOptions: GlobalOptions = { explain: false }

/** The root command, once run-cli started (netmodes completion lists its subcommands). */
export const cliRoot: { command?: CommandDef } = {}

// Commands whose last positional takes the rest of argv verbatim.
const passthroughCommands = new WeakSet<object>()

/**
 * Marks a command as passthrough: its last positional is an inner command
 * line (docker's, ip's), handed on verbatim; options are read only before it.
 *
 * @example
 * export default passthrough(defineCommand({ args: { argv: { type: 'positional' } }, run() {} }))
 */
export function passthrough<T extends object>(command: T): T {
  passthroughCommands.add(command)
  return command
}

export function isPassthrough(command: object): boolean {
  return passthroughCommands.has(command)
}

/** `NETMODES_EXPLAIN=1` (any value but "" and "0") turns --explain on, for `alias docker='netmodes docker'`. */
export function envFlag(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0'
}
