/**
 * The protocol a question about a flow means when the asker names none, one
 * rule for every front end: as a scenario's `trace A -> B` line, a flow with
 * no port anywhere (no port given, no `TO:PORT`) is a ping; tcp and udp need
 * a port. Each front end names its own fields in the error (`--port N` for
 * the CLI, `"port"` for the API).
 */
import { NetmodesError } from '../errors.js'
import type { TraceProtocol } from './trace-types.js'

/** How a front end calls the parts of a flow question, for the messages. */
export interface FlowFieldNames {
  /** e.g. `--proto` */
  proto: string
  /** e.g. `--port N` */
  port: string
  /** e.g. `TO:PORT` */
  toWithPort: string
}

/**
 * The protocol to trace with: `proto` as given, else icmp when no port is
 * given anywhere, else undefined (the destination's `/PROTO`, or tcp).
 *
 * @example
 * traceProtocolOf({ to: 'web' }, names) // 'icmp'
 * traceProtocolOf({ to: 'web:80' }, names) // undefined: tcp to port 80
 */
export function traceProtocolOf(
  asked: { to: string; port?: number | undefined; proto?: TraceProtocol | undefined },
  names: FlowFieldNames,
): TraceProtocol | undefined {
  const toHasPort = /:\d+/.test(asked.to)
  const protocol = asked.proto ?? (asked.port === undefined && !toHasPort ? 'icmp' : undefined)
  if ((protocol === 'tcp' || protocol === 'udp') && asked.port === undefined && !toHasPort) {
    throw new NetmodesError(
      'INVALID_INPUT',
      `${names.proto} ${protocol} needs a port: ${names.port}, or ${names.toWithPort}`,
    )
  }
  return protocol
}

/**
 * The protocol of a reachability matrix: `proto` as given, else icmp
 * without a port and tcp with one; tcp and udp need the port.
 *
 * @example
 * matrixProtocolOf({}, names) // 'icmp'
 * matrixProtocolOf({ port: 5432 }, names) // 'tcp'
 */
export function matrixProtocolOf(
  asked: { port?: number | undefined; proto?: TraceProtocol | undefined },
  names: FlowFieldNames,
): TraceProtocol {
  const protocol = asked.proto ?? (asked.port === undefined ? 'icmp' : 'tcp')
  if (protocol !== 'icmp' && asked.port === undefined) {
    throw new NetmodesError(
      'INVALID_INPUT',
      `${names.proto} ${protocol} needs ${names.port} (without a port the matrix pings)`,
    )
  }
  return protocol
}
