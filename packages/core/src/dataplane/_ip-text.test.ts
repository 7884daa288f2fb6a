import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { formatIPv4, parseIPv4 } from '../ipam/ipv4.js'
import { ipNumber, ipString, parseQuad } from './_ip-text.js'

describe('parseQuad', () => {
  test.prop([fc.stringMatching(/^[0-9.]{0,17}$/)])(
    'agrees with the Go-exact parser on any digits and dots',
    (text) => {
      expect(parseQuad(text)).toBe(parseIPv4(text))
    },
  )

  test.prop([
    fc.array(fc.stringMatching(/^[0-9]{1,4}$/), { minLength: 3, maxLength: 5 }).map((a) => a.join('.')),
  ])('agrees on dotted groups of digits, leading zeros and big octets included', (text) => {
    expect(parseQuad(text)).toBe(parseIPv4(text))
  })

  test.prop([fc.integer({ min: 0, max: 0xffffffff })])('reads back every formatted address', (ip) => {
    expect(parseQuad(formatIPv4(ip))).toBe(ip)
    expect(ipNumber(ipString(ip))).toBe(ip)
  })
})
