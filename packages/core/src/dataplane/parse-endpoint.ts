import { NetmodesError } from '../errors.js'
import { parseIPv4 } from '../ipam/ipv4.js'
import { parseIPv6 } from '../ipam/ipv6.js'
import type { TraceEndpoint, TraceProtocol } from './trace-types.js'

// Docker's container name rule (daemon/names.go): 2+ characters.
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/
const PORT = /^[0-9]{1,5}$/

function invalid(text: string, rule: string): NetmodesError {
  return new NetmodesError('INVALID_INPUT', `endpoint "${text}": ${rule}`)
}

/** "8080", "8080/tcp", "53/udp": the part after the colon. */
function parsePortSpec(text: string, spec: string): { port: number; protocol?: TraceProtocol } {
  const slash = spec.indexOf('/')
  const portText = slash < 0 ? spec : spec.slice(0, slash)
  const proto = slash < 0 ? undefined : spec.slice(slash + 1)
  if (!PORT.test(portText)) throw invalid(text, 'port must be a number (e.g. 8080/tcp)')
  const port = Number(portText)
  if (port < 1 || port > 65535) throw invalid(text, 'port must be 1-65535')
  if (proto === undefined) return { port }
  if (proto !== 'tcp' && proto !== 'udp') throw invalid(text, 'protocol must be tcp or udp')
  return { port, protocol: proto }
}

/**
 * Reads one end of a trace: "web" (a container), "host", "lan", "internet",
 * a raw address ("10.0.2.99"), each optionally with ":PORT[/PROTO]"
 * ("host:8080/tcp", "127.0.0.1:8080/tcp", "web:80/tcp"). A container whose
 * name is one of the keywords is written "container:host".
 *
 * @example
 * parseEndpoint('host:8080/tcp') // { kind: 'host', port: 8080, protocol: 'tcp' }
 * parseEndpoint('10.0.2.99') // { kind: 'address', address: '10.0.2.99' }
 */
export function parseEndpoint(text: string): TraceEndpoint {
  // An IPv6 address: bare (no port: its colons are the address's) or as [ADDR]:PORT[/PROTO].
  const bracketed = text.match(/^\[([^\]]*)\](?::(.+))?$/)
  if (bracketed || /^[0-9a-fA-F]*:[0-9a-fA-F]*:[0-9a-fA-F:.]*$/.test(text)) {
    const address = bracketed ? (bracketed[1] as string) : text
    if (parseIPv6(address) === undefined) throw invalid(text, 'not an IPv6 address')
    const portText = bracketed?.[2]
    return { kind: 'address', address, ...(portText !== undefined ? parsePortSpec(text, portText) : {}) }
  }
  const explicit = text.startsWith('container:')
  const body = explicit ? text.slice('container:'.length) : text
  const colon = body.indexOf(':')
  const name = colon < 0 ? body : body.slice(0, colon)
  const portPart = colon < 0 ? {} : parsePortSpec(text, body.slice(colon + 1))
  if (!explicit) {
    if (name === 'host' || name === 'lan' || name === 'internet') return { kind: name, ...portPart }
    if (/^[0-9.]+$/.test(name)) {
      if (parseIPv4(name) === undefined) throw invalid(text, 'not an IPv4 address')
      return { kind: 'address', address: name, ...portPart }
    }
  }
  if (!CONTAINER_NAME.test(name)) {
    throw invalid(
      text,
      'a container name is 2+ characters of [a-zA-Z0-9_.-], starting with a letter or digit',
    )
  }
  return { kind: 'container', name, ...portPart }
}

/**
 * The label a request's end goes by in reasons and matrices: the text a
 * person would type for it.
 *
 * @example
 * formatEndpoint({ kind: 'container', name: 'web' }) // 'web'
 */
export function formatEndpoint(endpoint: TraceEndpoint): string {
  switch (endpoint.kind) {
    case 'container':
      return endpoint.name === 'host' || endpoint.name === 'lan' || endpoint.name === 'internet'
        ? `container:${endpoint.name}`
        : endpoint.name
    case 'address':
      return endpoint.address.includes(':') && endpoint.port !== undefined
        ? `[${endpoint.address}]`
        : endpoint.address
    default:
      return endpoint.kind
  }
}

/** A listener the request declares ("web:80/tcp"): where, which port, which protocol. */
export interface ListenerSpec {
  endpoint: TraceEndpoint
  port: number
  protocol: TraceProtocol
}

/**
 * Reads a `listening` entry: an endpoint with a port, protocol tcp unless
 * given.
 *
 * @example
 * parseListener('host:22') // { endpoint: { kind: 'host', port: 22 }, port: 22, protocol: 'tcp' }
 */
export function parseListener(text: string): ListenerSpec {
  const endpoint = parseEndpoint(text)
  if (endpoint.port === undefined) throw invalid(text, 'a listener needs a port (e.g. web:80/tcp)')
  return { endpoint, port: endpoint.port, protocol: endpoint.protocol ?? 'tcp' }
}
