import { NetmodesError } from '../errors.js'

/**
 * A scenario statement that cannot be run, with the line it stands on, so a
 * front end can say `FILE:LINE: detail`. The message is `line N: detail`.
 */
export class ScenarioLineError extends NetmodesError {
  constructor(
    readonly line: number,
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super('INVALID_INPUT', `line ${line}: ${detail}`, options)
    this.name = 'ScenarioLineError'
  }
}
