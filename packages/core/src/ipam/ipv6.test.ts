import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  cidr6Contains,
  cidrs6Overlap,
  formatCidr6,
  formatIPv6,
  lastAddress6,
  linkLocalOf,
  networkAddress6,
  parseCidr6,
  parseIPv6,
} from './ipv6.js'

const uint128 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n })

function ip6(text: string): bigint {
  const parsed = parseIPv6(text)
  if (parsed === undefined) throw new Error(`bad test address ${text}`)
  return parsed
}

describe('parseIPv6 and formatIPv6', () => {
  test.prop([uint128])('round-trip (4-in-6 aside, which Go prints dotted)', (n) => {
    fc.pre(n >> 32n !== 0xffffn)
    expect(parseIPv6(formatIPv6(n))).toBe(n)
  })

  it('prints as Go IP.String() does (RFC 5952)', () => {
    expect(formatIPv6(ip6('fd00:0:0:0:0:0:0:1'))).toBe('fd00::1')
    expect(formatIPv6(ip6('FD00:0DB8::0001'))).toBe('fd00:db8::1')
    // A single zero group is not shortened; on a tie the first run is.
    expect(formatIPv6(ip6('2001:db8:0:1:1:1:1:1'))).toBe('2001:db8:0:1:1:1:1:1')
    expect(formatIPv6(ip6('2001:db8:0:0:1:0:0:1'))).toBe('2001:db8::1:0:0:1')
    expect(formatIPv6(ip6('2001:0:0:1:0:0:0:1'))).toBe('2001:0:0:1::1')
    expect(formatIPv6(0n)).toBe('::')
    expect(formatIPv6(1n)).toBe('::1')
    expect(formatIPv6(ip6('::ffff:192.0.2.1'))).toBe('192.0.2.1')
    expect(formatIPv6(ip6('64:ff9b::192.0.2.1'))).toBe('64:ff9b::c000:201')
  })

  it('refuses what net.ParseIP refuses', () => {
    for (const bad of [
      '',
      'fd00',
      'fd00::1::2',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      'fd00::12345',
      'fd00::1%eth0',
      'g::1',
      '::1.2.3.04',
      '1.2.3.4::1',
      ':1::2',
      '1:2:3:4:5:6:7::8',
    ]) {
      expect(parseIPv6(bad), bad).toBeUndefined()
    }
    expect(parseIPv6('1:2:3:4:5:6:7::')).toBe(ip6('1:2:3:4:5:6:7:0'))
  })
})

describe('prefixes', () => {
  it('parses with ParseCIDR semantics', () => {
    expect(parseCidr6('fd00:1::5/64')).toEqual({ ip: ip6('fd00:1::5'), prefix: 64 })
    expect(parseCidr6('fd00::/0128')?.prefix).toBe(128)
    expect(parseCidr6('fd00::/129')).toBeUndefined()
    expect(parseCidr6('fd00::')).toBeUndefined()
    expect(parseCidr6('10.0.0.0/8')).toBeUndefined()
  })

  it('masks, spans and contains', () => {
    expect(formatCidr6(ip6('fd00:1:2:3:4::5'), 48)).toBe('fd00:1:2::/48')
    expect(formatIPv6(networkAddress6(ip6('fd00::ffff'), 0))).toBe('::')
    expect(formatIPv6(lastAddress6(ip6('fd00:1::'), 64))).toBe('fd00:1::ffff:ffff:ffff:ffff')
    expect(cidr6Contains(ip6('fd00:1::'), 64, ip6('fd00:1::abcd'))).toBe(true)
    expect(cidr6Contains(ip6('fd00:1::'), 64, ip6('fd00:2::1'))).toBe(false)
    expect(cidrs6Overlap(ip6('fd00::'), 16, ip6('fd00:1::'), 64)).toBe(true)
    expect(cidrs6Overlap(ip6('fd00:1::'), 64, ip6('fd00:2::'), 64)).toBe(false)
  })

  test.prop([uint128, fc.integer({ min: 0, max: 128 })])(
    'an address lies in its own prefix, between its ends',
    (n, p) => {
      expect(cidr6Contains(n, p, n)).toBe(true)
      expect(networkAddress6(n, p) <= n && n <= lastAddress6(n, p)).toBe(true)
    },
  )
})

describe('linkLocalOf (kernel EUI-64)', () => {
  it('puts ff:fe in the middle and flips the universal/local bit', () => {
    expect(formatIPv6(linkLocalOf('02:42:ac:11:00:02') ?? 0n)).toBe('fe80::42:acff:fe11:2')
    expect(formatIPv6(linkLocalOf('00:11:22:33:44:55') ?? 0n)).toBe('fe80::211:22ff:fe33:4455')
    expect(linkLocalOf('02:42:ac:11:00')).toBeUndefined()
  })
})
