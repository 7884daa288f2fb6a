import type { NetworkDriver } from '../network-driver.js'
import { recordOnlyDriver } from '../record-only/record-only-driver.js'

/**
 * The null driver (libnetwork drivers/null): the daemon's one `none`
 * network. Its endpoints are records only; the container keeps a namespace
 * with nothing but lo.
 *
 * @example
 * NULL_DRIVER.addressed // false
 */
export const NULL_DRIVER: NetworkDriver = recordOnlyDriver('null')
