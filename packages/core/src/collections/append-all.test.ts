import { describe, expect, test } from 'vitest'
import { appendAll, maxOf } from './append-all.js'

describe('appendAll', () => {
  test('appends in order and returns the target', () => {
    const target = [1]
    expect(appendAll(target, [2, 3])).toBe(target)
    expect(target).toEqual([1, 2, 3])
  })

  test('takes more items than a call can have arguments', () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => i)
    // The spread form this replaces throws here (the engine's argument limit).
    expect(() => [].push(...(items as never[]))).toThrow(RangeError)
    expect(appendAll([] as number[], items)).toHaveLength(1_000_000)
  })
})

describe('maxOf', () => {
  test('the largest value, or the floor', () => {
    expect(maxOf([3, 9, 2])).toBe(9)
    expect(maxOf([], 4)).toBe(4)
    expect(maxOf([1, 2], 4)).toBe(4)
    expect(
      maxOf(
        Array.from({ length: 1_000_000 }, (_, i) => i),
        0,
      ),
    ).toBe(999_999)
  })
})
