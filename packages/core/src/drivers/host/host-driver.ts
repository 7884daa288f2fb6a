import type { NetworkDriver } from '../network-driver.js'
import { recordOnlyDriver } from '../record-only/record-only-driver.js'

/**
 * The host driver (libnetwork drivers/host): the daemon's one `host`
 * network. Its endpoints are records only; the container shares the host's
 * namespace.
 *
 * @example
 * HOST_DRIVER.singleInstance // true
 */
export const HOST_DRIVER: NetworkDriver = recordOnlyDriver('host')
