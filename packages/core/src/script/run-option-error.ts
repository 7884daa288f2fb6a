/**
 * How `docker run`/`docker create` report an option they reject after flag
 * parsing (container/run.go reportError): a "docker: " prefix, exactly one
 * final period, a help hint, exit 125.
 */
import { UsageError } from './usage-error.js'

/**
 * The UsageError `docker run`/`docker create` raise for an option the CLI
 * rejects after parsing flags (container/run.go reportError): "docker: "
 * prefix, one final period, a help hint, exit 125.
 *
 * @example
 * runOptionError('Invalid proto: foo', 'run').message // "docker: Invalid proto: foo.\nSee 'docker run --help'."
 */
export function runOptionError(message: string, command: 'run' | 'create'): UsageError {
  const sentence = `${message.endsWith('.') ? message.slice(0, -1) : message}.`
  return new UsageError(`docker: ${sentence}\nSee 'docker ${command} --help'.`, 125)
}
