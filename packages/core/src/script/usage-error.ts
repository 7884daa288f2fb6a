/**
 * A command line the docker CLI itself rejects, before any daemon request.
 * `message` is exactly what the CLI writes to stderr, without the final
 * newline; `exitCode` is the CLI's: 125 for flag errors and for `docker run`/
 * `docker create` option errors, 1 for argument-count errors and other
 * client-side checks, 2 for a shell syntax error in the line itself, and 0
 * for a bare management command (`docker network`), which prints its usage
 * and exits successfully.
 *
 * @example
 * throw new UsageError("unknown flag: --foo\nSee 'docker run --help'.", 125)
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}
