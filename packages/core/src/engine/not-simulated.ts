/**
 * What netmodes does not model is refused plainly as netmodes' own limit,
 * never dressed as a daemon error (which would claim that Docker refuses it):
 * IPv6 on a driver other than the bridge and macvlan (its ipvlan and overlay
 * plumbing is IPv4 only), a prune filter it does not read.
 */

import { NetmodesError } from '../errors.js'

/**
 * A docker command that asks for something netmodes does not simulate yet.
 *
 * @example
 * throw new NotSimulatedError('IPv6 on ipvlan networks')
 */
export class NotSimulatedError extends NetmodesError {
  constructor(what: string) {
    super('UNSUPPORTED', `netmodes does not simulate ${what} yet; the lab is unchanged`)
    this.name = 'NotSimulatedError'
  }
}
