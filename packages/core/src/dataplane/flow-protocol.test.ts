import { describe, expect, test } from 'vitest'
import { matrixProtocolOf, traceProtocolOf } from './flow-protocol.js'

const names = { proto: '--proto', port: '--port N', toWithPort: 'TO:PORT' }

describe('traceProtocolOf', () => {
  test('no port anywhere is a ping; a port leaves the protocol to the destination (tcp by default)', () => {
    expect(traceProtocolOf({ to: 'web' }, names)).toBe('icmp')
    expect(traceProtocolOf({ to: 'web:80' }, names)).toBeUndefined()
    expect(traceProtocolOf({ to: 'web:53/udp' }, names)).toBeUndefined()
    expect(traceProtocolOf({ to: 'web', port: 80 }, names)).toBeUndefined()
    expect(traceProtocolOf({ to: 'web', proto: 'udp', port: 53 }, names)).toBe('udp')
  })

  test('tcp or udp without a port is refused, in the words of the front end', () => {
    expect(() => traceProtocolOf({ to: 'web', proto: 'tcp' }, names)).toThrow(
      '--proto tcp needs a port: --port N, or TO:PORT',
    )
    expect(() =>
      traceProtocolOf(
        { to: 'web', proto: 'udp' },
        { proto: 'proto', port: '"port"', toWithPort: 'to as HOST:PORT' },
      ),
    ).toThrow('proto udp needs a port: "port", or to as HOST:PORT')
  })
})

describe('matrixProtocolOf', () => {
  test('a ping without a port, tcp with one; tcp or udp need the port', () => {
    expect(matrixProtocolOf({}, names)).toBe('icmp')
    expect(matrixProtocolOf({ port: 5432 }, names)).toBe('tcp')
    expect(matrixProtocolOf({ port: 53, proto: 'udp' }, names)).toBe('udp')
    expect(() => matrixProtocolOf({ proto: 'tcp' }, names)).toThrow(
      '--proto tcp needs --port N (without a port the matrix pings)',
    )
  })
})
