/**
 * The usage errors cobra raises for one command (a flag it does not know,
 * or the wrong number of arguments), with what another docker CLI version
 * needs to word them its own way. `message` is docker 20.10's text.
 */
import { UsageError } from './usage-error.js'

/** How many arguments a command takes (cli/required.go): none, exactly, at least, or a range. */
export type ArgCount =
  | { kind: 'none' }
  | { kind: 'exactly'; count: number }
  | { kind: 'atLeast'; count: number }
  | { kind: 'between'; min: number; max: number }

/**
 * A command given the wrong number of arguments.
 *
 * @example
 * new ArgCountError('"docker port" requires ...', 'docker port', 'docker port CONTAINER', { kind: 'between', min: 1, max: 2 })
 */
export class ArgCountError extends UsageError {
  constructor(
    message: string,
    /** The command as cobra names it: "docker network create". */
    readonly path: string,
    /** Its usage line: "docker network create [OPTIONS] NETWORK". */
    readonly useLine: string,
    readonly expected: ArgCount,
  ) {
    super(message, 1)
  }
}

/**
 * A flag the command does not know, or a bad flag value (pflag's error is `reason`).
 *
 * @example
 * new FlagUsageError('unknown flag: --foo', 'docker run', 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]')
 */
export class FlagUsageError extends UsageError {
  constructor(
    readonly reason: string,
    readonly path: string,
    readonly useLine: string,
    /** docker 20.10's text when it is not "REASON\nSee 'PATH --help'." (a management command adds its usage). */
    message = `${reason}\nSee '${path} --help'.`,
  ) {
    super(message, 125)
  }
}

/**
 * A word that names no command: at the top (`docker foo`, `path` "docker")
 * or under a management command (`docker network foo`).
 *
 * @example
 * new UnknownCommandError("docker: 'foo' is not a docker command.\nSee 'docker --help'", 'docker', 'foo')
 */
export class UnknownCommandError extends UsageError {
  constructor(
    message: string,
    readonly path: string,
    readonly word: string,
  ) {
    super(message, 1)
  }
}
