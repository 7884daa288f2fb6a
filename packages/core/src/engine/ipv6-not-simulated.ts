/**
 * netmodes models Docker's IPv4 networking only. An IPv6 request (an IPv6
 * subnet for `docker network create`, `--ip6` for a container) would need
 * IPv6 IPAM, addresses, routes and ip6tables that the twin does not have
 * yet, so it is refused plainly as netmodes' own limit, never dressed as a
 * daemon error (which would claim that Docker refuses it).
 *
 * `--ipv6` without an IPv6 subnet is not such a request: Docker 20.10 has
 * no default IPv6 pool, and its answer ("could not find an available,
 * non-overlapping IPv6 address pool ...") is what the real engine says.
 */

import { NetmodesError } from '../errors.js'
import type { DockerCommand } from '../script/docker-command.js'
import { parseGoCIDR } from '../script/go/go-net-ip.js'

/**
 * A docker command that asks for something netmodes does not simulate yet.
 *
 * @example
 * throw new NotSimulatedError('IPv6 (--subnet fd00::/64)')
 */
export class NotSimulatedError extends NetmodesError {
  constructor(what: string) {
    super('UNSUPPORTED', `netmodes does not simulate ${what} yet; the lab is unchanged`)
    this.name = 'NotSimulatedError'
  }
}

function isIpv6Cidr(text: string): boolean {
  try {
    return !parseGoCIDR(text).v4
  } catch {
    // Not a CIDR at all: docker's own "invalid CIDR address" answer applies.
    return false
  }
}

/**
 * Throws {@link NotSimulatedError} for a command that asks for IPv6.
 *
 * @example
 * refuseIpv6({ kind: 'network connect', network: 'app', container: 'web', aliases: [], ip6: 'fd00::5' }) // throws
 */
export function refuseIpv6(cmd: DockerCommand): void {
  if (cmd.kind === 'network create') {
    const subnet = cmd.subnets.find(isIpv6Cidr)
    if (subnet !== undefined) throw new NotSimulatedError(`IPv6 networks (--subnet ${subnet})`)
  } else if (cmd.kind === 'run' || cmd.kind === 'create' || cmd.kind === 'network connect') {
    if (cmd.ip6 !== undefined && cmd.ip6 !== '') {
      throw new NotSimulatedError(`IPv6 addresses (--ip6 ${cmd.ip6})`)
    }
  }
}
