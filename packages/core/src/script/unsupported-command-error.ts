/**
 * A valid docker command line that netmodes does not simulate: a real
 * command outside the networking subset (`docker pull`, `docker exec`...), or
 * a request for help or the version. Distinct from UsageError, which is what
 * docker itself would reject.
 */
import { NetmodesError } from '../errors.js'

/**
 * Thrown by parseDockerCommand for commands outside netmodes' subset.
 *
 * @example
 * throw new UnsupportedCommandError('docker pull')
 */
export class UnsupportedCommandError extends NetmodesError {
  constructor(readonly command: string) {
    super('UNSUPPORTED', `netmodes does not simulate \`${command}\``)
    this.name = 'UnsupportedCommandError'
  }
}
