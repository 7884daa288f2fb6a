/**
 * netmodes' own scenario statement: `trace FROM -> TO[:PORT][/PROTO]`.
 * Without a port it is an ICMP echo (ping); with one, TCP unless `/udp`.
 * FROM and TO are what the tracer understands: a container name, `host`,
 * `lan`, `internet`, or an address (IPv6 as `fd00::2`, or `[fd00::2]:80`
 * with a port).
 */
export interface TraceStatement {
  from: string
  to: string
  protocol: 'tcp' | 'udp' | 'icmp'
  port?: number
}

import { escapeControl } from './escape-control.js'

/** A `trace` line that does not say FROM -> TO. */
export class TraceSyntaxError extends Error {
  constructor(text: string) {
    super(`trace: expected "trace FROM -> TO[:PORT][/PROTO]", got "${escapeControl(text)}"`)
    this.name = 'TraceSyntaxError'
  }
}

/**
 * Reads one trace line.
 *
 * @example
 * parseTraceStatement('trace lan -> host:8080/tcp') // { from: 'lan', to: 'host', port: 8080, protocol: 'tcp' }
 */
export function parseTraceStatement(text: string): TraceStatement {
  const m = text.match(/^trace\s+(\S+)\s*->\s*(\S+)\s*$/)
  if (!m) throw new TraceSyntaxError(text)
  const from = m[1] as string
  let to = m[2] as string
  let protocol: TraceStatement['protocol'] = 'icmp'
  const proto = to.match(/\/(tcp|udp)$/)
  if (proto) {
    protocol = proto[1] as 'tcp' | 'udp'
    to = to.slice(0, -proto[0].length)
  }
  // An IPv6 address: [ADDR]:PORT with a port, bare without one (its colons are the address's).
  const bracketed = to.match(/^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/)
  if (bracketed) {
    to = bracketed[1] as string
    if (bracketed[2] === undefined) {
      if (protocol !== 'icmp') throw new TraceSyntaxError(text)
      return { from, to, protocol }
    }
    if (protocol === 'icmp') protocol = 'tcp'
    return { from, to, protocol, port: Number(bracketed[2]) }
  }
  if ((to.match(/:/g) ?? []).length > 1) {
    if (protocol !== 'icmp') throw new TraceSyntaxError(text)
    return { from, to, protocol }
  }
  const port = to.match(/:(\d{1,5})$/)
  if (port) {
    to = to.slice(0, -port[0].length)
    if (protocol === 'icmp') protocol = 'tcp'
    return { from, to, protocol, port: Number(port[1]) }
  }
  if (protocol !== 'icmp') throw new TraceSyntaxError(text)
  return { from, to, protocol }
}
