/**
 * How `docker run`/`docker create` report an option they reject after flag
 * parsing (container/run.go reportError): a "docker: " prefix, exactly one
 * final period, a help hint, exit 125.
 */
import { UsageError } from './usage-error.js'

/**
 * The UsageError `docker run`/`docker create` raise for an option the CLI
 * rejects after parsing flags. `message` is docker 20.10's rendering;
 * `reason`, `command` and `before` (warnings already printed) let another
 * CLI version render it its own way.
 *
 * @example
 * new RunOptionError('Invalid proto: foo', 'run').reason // 'Invalid proto: foo'
 */
export class RunOptionError extends UsageError {
  constructor(
    readonly reason: string,
    readonly command: 'run' | 'create',
    readonly before = '',
  ) {
    const sentence = `${reason.endsWith('.') ? reason.slice(0, -1) : reason}.`
    super(`${before}docker: ${sentence}\nSee 'docker ${command} --help'.`, 125)
  }
}

/**
 * The {@link RunOptionError} for `message`, as docker 20.10 prints it.
 *
 * @example
 * runOptionError('Invalid proto: foo', 'run').message // "docker: Invalid proto: foo.\nSee 'docker run --help'."
 */
export function runOptionError(message: string, command: 'run' | 'create', before = ''): RunOptionError {
  return new RunOptionError(message, command, before)
}
