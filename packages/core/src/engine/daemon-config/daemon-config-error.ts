import { NetmodesError } from '../../errors.js'

/**
 * A daemon configuration dockerd would refuse to start with: a bad flag, a
 * bad daemon.json, a setting this engine does not know, or values that do
 * not fit together. The lab is not created.
 */
export class DaemonConfigError extends NetmodesError {
  constructor(message: string, options?: ErrorOptions) {
    super('INVALID_INPUT', message, options)
    this.name = 'DaemonConfigError'
  }
}
