import { expect, test } from 'vitest'
import { parseTraceStatement } from './trace-statement.js'

test('trace lines: ping without a port, tcp by default with one', () => {
  expect(parseTraceStatement('trace web -> db')).toEqual({ from: 'web', to: 'db', protocol: 'icmp' })
  expect(parseTraceStatement('trace lan -> host:8080')).toEqual({
    from: 'lan',
    to: 'host',
    protocol: 'tcp',
    port: 8080,
  })
  expect(parseTraceStatement('trace host -> 127.0.0.1:9090/udp')).toEqual({
    from: 'host',
    to: '127.0.0.1',
    protocol: 'udp',
    port: 9090,
  })
  expect(() => parseTraceStatement('trace web db')).toThrow('expected "trace FROM -> TO[:PORT][/PROTO]"')
  expect(() => parseTraceStatement('trace web -> db/tcp')).toThrow(/expected/)
})
