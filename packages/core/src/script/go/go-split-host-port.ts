/**
 * Go's `net.SplitHostPort`, whose errors the docker CLI prints verbatim for a
 * bad `-p` host address ("address [::1:: missing ']' in address").
 */
import { GoValueError } from './go-value-error.js'

/**
 * Splits "host:port" or "[host]:port", throwing Go's AddrError text.
 *
 * @example
 * splitGoHostPort('[::1]:80') // { host: '::1', port: '80' }
 * splitGoHostPort('::1:') // throws 'address ::1:: too many colons in address'
 */
export function splitGoHostPort(hostport: string): { host: string; port: string } {
  const fail = (why: string): GoValueError => new GoValueError(`address ${hostport}: ${why}`)
  const i = hostport.lastIndexOf(':')
  if (i < 0) throw fail('missing port in address')
  let host: string
  let j = 0
  let k = 0
  if (hostport[0] === '[') {
    const end = hostport.indexOf(']')
    if (end < 0) throw fail("missing ']' in address")
    if (end + 1 === hostport.length) throw fail('missing port in address')
    if (end + 1 !== i) {
      // Either ']' is not followed by a colon, or by one that is not the last.
      throw fail(hostport[end + 1] === ':' ? 'too many colons in address' : 'missing port in address')
    }
    host = hostport.slice(1, end)
    j = 1
    k = end + 1
  } else {
    host = hostport.slice(0, i)
    if (host.includes(':')) throw fail('too many colons in address')
  }
  if (hostport.slice(j).includes('[')) throw fail("unexpected '[' in address")
  if (hostport.slice(k).includes(']')) throw fail("unexpected ']' in address")
  return { host, port: hostport.slice(i + 1) }
}

/**
 * Go's `net.JoinHostPort`: brackets a host that contains a colon.
 *
 * @example
 * joinGoHostPort('::1', '80') // '[::1]:80'
 */
export function joinGoHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}
