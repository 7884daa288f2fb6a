import { DockerDaemonError } from '../errors.js'
import { IpamError } from '../ipam/ipam-errors.js'
import type { DaemonMessages } from './daemon-messages.js'

/**
 * An IPAM error as the engine's daemon words it when `network create`
 * fails on it (the IPAM layer itself speaks 20.10); anything else unchanged.
 *
 * @example
 * throw rewordIpamError(behaviourOf(lab).messages, error)
 */
export function rewordIpamError(messages: DaemonMessages, error: unknown): unknown {
  if (!(error instanceof IpamError)) return error
  if (error.kind === 'poolOverlap') return new DockerDaemonError(error.code, messages.poolOverlap())
  if (error.kind === 'noMoreSubnets')
    return new DockerDaemonError(error.code, messages.predefinedPoolsExhausted(error.ipVersion))
  return error
}
