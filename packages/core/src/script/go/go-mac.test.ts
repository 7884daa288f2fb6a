import { describe, expect, it } from 'vitest'
import { parseGoMAC } from './go-mac.js'

describe('parseGoMAC', () => {
  it('accepts the three notations and 6, 8 or 20 bytes', () => {
    expect(parseGoMAC('02:42:ac:11:00:02')).toEqual([2, 0x42, 0xac, 0x11, 0, 2])
    expect(parseGoMAC('02-42-AC-11-00-02')).toEqual([2, 0x42, 0xac, 0x11, 0, 2])
    expect(parseGoMAC('0242.ac11.0002')).toEqual([2, 0x42, 0xac, 0x11, 0, 2])
    expect(parseGoMAC('02:42:ac:11:00:02:00:01')).toHaveLength(8)
  })

  it('rejects anything else', () => {
    for (const bad of [
      'zz',
      '02:42:ac:11:00',
      '02:42:ac:11:00:0g',
      '02:42-ac:11:00:02',
      '02:42:ac:11:00:02:03',
      '0242.ac11.000',
    ]) {
      expect(parseGoMAC(bad), bad).toBeUndefined()
    }
  })
})
