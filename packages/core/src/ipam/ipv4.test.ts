import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  broadcastAddress,
  cidrContains,
  cidrSize,
  cidrsOverlap,
  formatCidr,
  formatIPv4,
  maskOf,
  networkAddress,
  parseCidr,
  parseIPv4,
} from './ipv4.js'

const uint32 = fc.integer({ min: 0, max: 0xffffffff })
const prefixLength = fc.integer({ min: 0, max: 32 })

// Parses literals the tests know to be valid, failing loudly otherwise.
function ip(text: string): number {
  const parsed = parseIPv4(text)
  if (parsed === undefined) throw new Error(`bad test address ${text}`)
  return parsed
}

describe('parseIPv4', () => {
  test.prop([uint32])('round-trips through formatIPv4', (n) => {
    expect(parseIPv4(formatIPv4(n))).toBe(n)
  })

  test.prop([fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255))])(
    'formats canonical quads back verbatim',
    (octets) => {
      const text = octets.join('.')
      const parsed = parseIPv4(text)
      expect(parsed).toBeDefined()
      expect(formatIPv4(parsed as number)).toBe(text)
    },
  )

  // The split-and-regex reading parseIPv4 replaced (Go >= 1.17's octet rule), kept as the oracle.
  function byRegex(text: string): number | undefined {
    const parts = text.split('.')
    if (parts.length !== 4) return undefined
    let n = 0
    for (const part of parts) {
      if (!/^(?:0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) return undefined
      n = n * 256 + Number(part)
    }
    return n
  }

  test.prop([fc.stringMatching(/^[0-9.a ]{0,18}$/)])('reads any text as the octet rule does', (text) => {
    expect(parseIPv4(text)).toBe(byRegex(text))
  })

  it('refuses leading zeros, long octets, empty parts and stray characters', () => {
    for (const bad of [
      '010.0.0.1',
      '1.2.3.00',
      '1.2.3.1000',
      '1..2.3',
      '.1.2.3',
      '1.2.3.',
      '1.2.3.4.5',
      ' 1.2.3.4',
      '256.0.0.0',
      '1.2.3.4\n',
    ]) {
      expect(parseIPv4(bad)).toBeUndefined()
    }
  })

  it('handles the extremes as unsigned numbers', () => {
    expect(parseIPv4('0.0.0.0')).toBe(0)
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff)
    expect(parseIPv4('128.0.0.0')).toBe(0x80000000)
    expect(formatIPv4(0xffffffff)).toBe('255.255.255.255')
    expect(formatIPv4(0)).toBe('0.0.0.0')
  })

  it.each([
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '1.1.1.256',
    '01.1.1.1',
    '010.1.1.1',
    '1.1.1.00',
    '1.2.3.-4',
    '+1.2.3.4',
    '1.2.3.4 ',
    ' 1.2.3.4',
    '1..2.3',
    '1.2.3.4.',
    '0x1.2.3.4',
    '1e2.1.1.1',
    '1000.1.1.1',
    '١.2.3.4',
    '::ffff:1.2.3.4',
    '',
    'foo',
  ])('rejects %j', (text) => {
    expect(parseIPv4(text)).toBeUndefined()
  })
})

describe('parseCidr', () => {
  it('keeps the host bits of the address', () => {
    expect(parseCidr('10.1.2.3/24')).toEqual({ ip: ip('10.1.2.3'), prefix: 24 })
  })

  it('accepts the prefix bounds and Go-style leading zeros in the length', () => {
    expect(parseCidr('0.0.0.0/0')).toEqual({ ip: 0, prefix: 0 })
    expect(parseCidr('255.255.255.255/32')).toEqual({ ip: 0xffffffff, prefix: 32 })
    expect(parseCidr('10.0.0.0/08')).toEqual({ ip: ip('10.0.0.0'), prefix: 8 })
  })

  it.each([
    '10.0.0.0/33',
    '10.0.0.0/-1',
    '10.0.0.0/+8',
    '10.0.0.0/',
    '10.0.0.0',
    '10.0.0.0/8/8',
    '10.0.0.0/ 8',
    '10.0.0.0/8.0',
    '010.0.0.0/8',
    '10.0.0/8',
    '/8',
    'foo',
    'foo/8',
  ])('rejects %j', (text) => {
    expect(parseCidr(text)).toBeUndefined()
  })

  test.prop([uint32, prefixLength])('round-trips to the network via formatCidr', (n, prefix) => {
    const parsed = parseCidr(formatCidr(n, prefix))
    expect(parsed).toEqual({ ip: networkAddress(n, prefix), prefix })
  })
})

describe('masks and bounds', () => {
  it('computes masks at every edge', () => {
    expect(maskOf(0)).toBe(0)
    expect(maskOf(1)).toBe(0x80000000)
    expect(maskOf(24)).toBe(0xffffff00)
    expect(maskOf(32)).toBe(0xffffffff)
  })

  it('computes network, broadcast and size', () => {
    const a = ip('172.18.5.9')
    expect(formatIPv4(networkAddress(a, 16))).toBe('172.18.0.0')
    expect(formatIPv4(broadcastAddress(a, 16))).toBe('172.18.255.255')
    expect(formatIPv4(networkAddress(a, 0))).toBe('0.0.0.0')
    expect(formatIPv4(broadcastAddress(a, 0))).toBe('255.255.255.255')
    expect(networkAddress(a, 32)).toBe(a)
    expect(broadcastAddress(a, 32)).toBe(a)
    expect(cidrSize(0)).toBe(4294967296)
    expect(cidrSize(8)).toBe(16777216)
    expect(cidrSize(32)).toBe(1)
    expect(formatCidr(a, 16)).toBe('172.18.0.0/16')
  })

  test.prop([uint32, prefixLength])('spans exactly cidrSize addresses', (n, prefix) => {
    const first = networkAddress(n, prefix)
    const last = broadcastAddress(n, prefix)
    expect(first).toBeGreaterThanOrEqual(0)
    expect(last - first + 1).toBe(cidrSize(prefix))
    expect(cidrContains(n, prefix, first)).toBe(true)
    expect(cidrContains(n, prefix, last)).toBe(true)
  })
})

describe('cidrContains', () => {
  it('masks both sides', () => {
    expect(cidrContains(ip('10.0.0.7'), 8, ip('10.255.255.255'))).toBe(true)
    expect(cidrContains(ip('10.0.0.0'), 8, ip('11.0.0.0'))).toBe(false)
    expect(cidrContains(ip('10.0.0.0'), 8, ip('9.255.255.255'))).toBe(false)
    expect(cidrContains(0, 0, 0xffffffff)).toBe(true)
    expect(cidrContains(ip('192.168.1.1'), 32, ip('192.168.1.2'))).toBe(false)
  })
})

describe('cidrsOverlap', () => {
  it.each([
    ['10.0.0.0/8', '10.3.0.0/16', true],
    ['10.3.0.0/16', '10.0.0.0/8', true],
    ['10.0.0.0/16', '10.1.0.0/16', false],
    ['172.17.0.0/16', '172.17.0.0/16', true],
    ['172.17.0.1/16', '172.17.200.9/24', true],
    ['192.168.0.0/24', '192.168.0.255/32', true],
    ['192.168.0.0/24', '192.168.1.0/32', false],
    ['0.0.0.0/0', '203.0.113.0/24', true],
    ['172.16.0.0/12', '172.32.0.0/16', false],
  ] as const)('%s and %s → %s', (a, b, expected) => {
    const x = parseCidr(a)
    const y = parseCidr(b)
    if (x === undefined || y === undefined) throw new Error('bad test prefix')
    expect(cidrsOverlap(x.ip, x.prefix, y.ip, y.prefix)).toBe(expected)
  })

  test.prop([uint32, prefixLength, uint32, prefixLength])(
    'is symmetric and agrees with sharing an address',
    (a, ap, b, bp) => {
      const overlap = cidrsOverlap(a, ap, b, bp)
      expect(cidrsOverlap(b, bp, a, ap)).toBe(overlap)
      // Interval intersection on the numeric ranges is the ground truth.
      const shares =
        networkAddress(a, ap) <= broadcastAddress(b, bp) && networkAddress(b, bp) <= broadcastAddress(a, ap)
      expect(overlap).toBe(shares)
    },
  )
})
