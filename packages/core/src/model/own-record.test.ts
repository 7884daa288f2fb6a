import { describe, expect, test } from 'vitest'
import { defineOwn, ownValue, recordFrom } from './own-record.js'

const PROTOTYPE_KEYS = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty']

describe('own records', () => {
  test.each(PROTOTYPE_KEYS)('%s is not an entry of an empty record', (key) => {
    expect(ownValue({}, key)).toBeUndefined()
  })

  test.each(PROTOTYPE_KEYS)('%s set with defineOwn is an own entry that survives JSON', (key) => {
    const record: Record<string, string> = {}
    defineOwn(record, key, 'id1')
    expect(ownValue(record, key)).toBe('id1')
    expect(Object.keys(record)).toEqual([key])
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype)
    const back = JSON.parse(JSON.stringify(record)) as Record<string, string>
    expect(ownValue(back, key)).toBe('id1')
  })

  test('recordFrom keeps __proto__ as an entry', () => {
    const record = recordFrom([
      ['__proto__', 'x'],
      ['a', 'y'],
    ])
    expect(Object.keys(record)).toEqual(['__proto__', 'a'])
    expect(ownValue(record, '__proto__')).toBe('x')
  })
})
