import { expect, test } from 'vitest'
import { parseTraceStatement, TraceSyntaxError } from './trace-statement.js'

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

test('IPv6 destinations: bare without a port, in brackets with one', () => {
  expect(parseTraceStatement('trace api -> fd00:81::2')).toEqual({
    from: 'api',
    to: 'fd00:81::2',
    protocol: 'icmp',
  })
  expect(parseTraceStatement('trace host -> [::1]:18080/tcp')).toEqual({
    from: 'host',
    to: '::1',
    protocol: 'tcp',
    port: 18080,
  })
  expect(parseTraceStatement('trace api -> [fd00::2]')).toEqual({
    from: 'api',
    to: 'fd00::2',
    protocol: 'icmp',
  })
  expect(() => parseTraceStatement('trace api -> fd00::2/tcp')).toThrow(TraceSyntaxError)
})
