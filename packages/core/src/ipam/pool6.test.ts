import { describe, expect, it } from 'vitest'
import { createLab } from '../engine/lab.js'
import { Tx } from '../model/tx.js'
import { createPool6, randomUla64, releaseAddress6, requestAddress6 } from './pool6.js'

describe('IPv6 pool (libnetwork default IPAM)', () => {
  it('reserves the subnet address and hands out ::1 first, then lowest free (seen on both engines)', () => {
    const tx = new Tx(createLab())
    const pool = createPool6({ subnet: 'fd00:1::/64', predefined: false })
    expect(pool.allocated).toEqual(['fd00:1::'])
    expect(requestAddress6(tx, pool)).toBe('fd00:1::1')
    expect(requestAddress6(tx, pool)).toBe('fd00:1::2')
    releaseAddress6(tx, pool, 'fd00:1::1')
    expect(requestAddress6(tx, pool)).toBe('fd00:1::1')
  })

  it('an --ip-range starts at its own first address (fd00:2::100/120 gave fd00:2::100)', () => {
    const tx = new Tx(createLab())
    const pool = createPool6({ subnet: 'fd00:2::/64', predefined: false })
    expect(requestAddress6(tx, pool, { preferred: 'fd00:2::fe' })).toBe('fd00:2::fe')
    expect(requestAddress6(tx, pool, { ipRange: 'fd00:2::100/120' })).toBe('fd00:2::100')
  })

  it('has no broadcast: a /126 holds ::1, ::2 and ::3, then is exhausted', () => {
    const tx = new Tx(createLab())
    const pool = createPool6({ subnet: 'fd00:18::/126', predefined: false })
    expect([requestAddress6(tx, pool), requestAddress6(tx, pool), requestAddress6(tx, pool)]).toEqual([
      'fd00:18::1',
      'fd00:18::2',
      'fd00:18::3',
    ])
    expect(() => requestAddress6(tx, pool)).toThrow('No available addresses on this pool')
  })

  it('refuses a taken or outside address with libnetwork texts, and prints what it stores canonically', () => {
    const tx = new Tx(createLab())
    const pool = createPool6({ subnet: 'fd00:20::/64', predefined: false })
    expect(() => requestAddress6(tx, pool, { preferred: 'fd00:20::0' })).toThrow('Address already in use')
    expect(() => requestAddress6(tx, pool, { preferred: 'fd00:99::5' })).toThrow(
      'Requested address is out of range',
    )
    expect(requestAddress6(tx, pool, { preferred: 'fd00:20:0:0::0077' })).toBe('fd00:20::77')
  })

  it('undoes an allocation with the transaction', () => {
    const lab = createLab()
    const tx = new Tx(lab)
    const pool = createPool6({ subnet: 'fd00:1::/64', predefined: false })
    requestAddress6(tx, pool)
    tx.rollback()
    expect(pool.allocated).toEqual(['fd00:1::'])
  })

  it('draws a ULA /64: fd, 40 random bits, subnet id 0, from the seeded generator', () => {
    const a = randomUla64({ seed: 7, counter: 0 })
    expect(a).toMatch(/^fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}::\/64$/)
    expect(randomUla64({ seed: 7, counter: 0 })).toBe(a)
    expect(randomUla64({ seed: 8, counter: 0 })).not.toBe(a)
  })
})
