import { describe, expect, it } from 'vitest'
import { cidrContainsGoIP, formatGoIP, isGoIPv4, parseGoCIDR, parseGoIP } from './go-net-ip.js'

function ip(text: string): Uint8Array {
  const parsed = parseGoIP(text)
  if (parsed === undefined) throw new Error(`bad test address ${text}`)
  return parsed
}

describe('parseGoIP / formatGoIP (Go 1.19 net)', () => {
  it('round-trips the usual forms as Go prints them', () => {
    const cases: [string, string][] = [
      ['10.0.0.1', '10.0.0.1'],
      ['::', '::'],
      ['::1', '::1'],
      ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
      ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'],
      ['2001:db8::1:0:0:1', '2001:db8::1:0:0:1'],
      ['fd00:0:0:1::', 'fd00:0:0:1::'],
      ['1:0:2:0:3:0:4:0', '1:0:2:0:3:0:4:0'],
      ['::ffff:1.2.3.4', '1.2.3.4'],
      ['::1.2.3.4', '::102:304'],
      ['0001:0002::', '1:2::'],
    ]
    for (const [input, printed] of cases) expect(formatGoIP(ip(input)), input).toBe(printed)
  })

  it('rejects what Go rejects', () => {
    for (const bad of [
      '',
      'x',
      '1.2.3',
      '1.2.3.4.5',
      '010.0.0.1',
      '256.0.0.1',
      '1::2::3',
      ':::',
      '1:2:3:4:5:6:7:8:9',
      'fe80::1%eth0',
      '::1 ',
      '1:2:3:4:5:6:7::8:9',
    ]) {
      expect(parseGoIP(bad), bad).toBeUndefined()
    }
  })

  it('tells IPv4 (held as ::ffff:a.b.c.d) from IPv6', () => {
    expect(isGoIPv4(ip('1.2.3.4'))).toBe(true)
    expect(isGoIPv4(ip('::ffff:1.2.3.4'))).toBe(true)
    expect(isGoIPv4(ip('::1'))).toBe(false)
  })
})

describe('parseGoCIDR / cidrContainsGoIP', () => {
  it('parses and masks', () => {
    const cidr = parseGoCIDR('10.1.2.3/8')
    expect(formatGoIP(cidr.ip)).toBe('10.1.2.3')
    expect(formatGoIP(cidr.network)).toBe('10.0.0.0')
    expect(cidr.bits).toBe(8)
    expect(formatGoIP(parseGoCIDR('fd00::1/64').network)).toBe('fd00::')
    // Go's dtoi accepts leading zeros in the prefix length.
    expect(parseGoCIDR('10.0.0.0/008').bits).toBe(8)
  })

  it('throws Go’s error text', () => {
    for (const bad of [
      '10.0.0.0',
      '10.0.0.0/33',
      '10.0.0/8',
      'fd00::/129',
      '10.0.0.0/',
      '10.0.0.0/-1',
      '10.0.0.0/8/8',
    ]) {
      expect(() => parseGoCIDR(bad), bad).toThrow(`invalid CIDR address: ${bad}`)
    }
  })

  it('contains addresses of its own family only', () => {
    expect(cidrContainsGoIP(parseGoCIDR('10.0.0.0/8'), ip('10.255.0.1'))).toBe(true)
    expect(cidrContainsGoIP(parseGoCIDR('10.0.0.0/8'), ip('11.0.0.1'))).toBe(false)
    expect(cidrContainsGoIP(parseGoCIDR('::/0'), ip('10.0.0.1'))).toBe(false)
    expect(cidrContainsGoIP(parseGoCIDR('0.0.0.0/0'), ip('::1'))).toBe(false)
    expect(cidrContainsGoIP(parseGoCIDR('::ffff:10.0.0.0/104'), ip('10.9.9.9'))).toBe(true)
    expect(cidrContainsGoIP(parseGoCIDR('10.0.0.0/8'), undefined)).toBe(false)
  })
})
