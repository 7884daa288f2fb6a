/**
 * netmodes' own scenario statement: `listen C PORT[/PROTO] [ADDRESS]`. It
 * declares a socket the scenario does not start itself (a service baked
 * into an image, a daemon on the host): C is a container or `host`, PROTO
 * `tcp` (default) or `udp`, ADDRESS the one bound: by default `::`, every
 * address of the namespace, of both families; `0.0.0.0` every IPv4 one;
 * 127.0.0.1 answers only from inside the namespace.
 */

import { escapeControl } from './escape-control.js'

export interface ListenStatement {
  target: string
  port: number
  protocol: 'tcp' | 'udp'
  address: string
}

/** A `listen` line that does not say C PORT[/PROTO] [ADDRESS]. */
export class ListenSyntaxError extends Error {
  constructor(text: string, why: string) {
    super(
      `listen: expected "listen CONTAINER|host PORT[/tcp|/udp] [IPV4-ADDRESS|::]", got "${escapeControl(text)}" (${why})`,
    )
    this.name = 'ListenSyntaxError'
  }
}

/**
 * Reads one listen line.
 *
 * @example
 * parseListenStatement('listen web 80') // { target: 'web', port: 80, protocol: 'tcp', address: '::' }
 * parseListenStatement('listen db 5432/tcp 127.0.0.1').address // '127.0.0.1'
 */
export function parseListenStatement(text: string): ListenStatement {
  const words = text.trim().split(/\s+/)
  if (words[0] !== 'listen' || words.length < 3 || words.length > 4)
    throw new ListenSyntaxError(text, 'two or three words after listen')
  const target = words[1] as string
  const m = /^(\d{1,5})(?:\/(tcp|udp))?$/.exec(words[2] as string)
  const port = m ? Number(m[1]) : Number.NaN
  if (!m || port < 1 || port > 65535) throw new ListenSyntaxError(text, 'the port must be 1-65535')
  const address = words[3] ?? '::'
  const octets = address.split('.')
  if (
    address !== '::' &&
    (octets.length !== 4 || octets.some((o) => !/^\d{1,3}$/.test(o) || Number(o) > 255))
  )
    throw new ListenSyntaxError(text, 'the address must be an IPv4 address, or ::')
  return { target, port, protocol: (m[2] as 'tcp' | 'udp' | undefined) ?? 'tcp', address }
}
