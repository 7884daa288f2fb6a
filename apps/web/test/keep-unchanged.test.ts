import { describe, expect, test } from 'vitest'
import { keptFrom } from '../src/lib/keep-unchanged.js'

describe('items a worker answered again, unchanged', () => {
  const shownA = { line: 1, text: 'a' }
  const shownB = { line: 2, text: 'b' }
  const shown = new Map<string | number, object>([
    [1, shownA],
    [2, shownB],
  ])
  const shownKeys = new Map([
    [1, JSON.stringify(shownA)],
    [2, JSON.stringify(shownB)],
  ])

  test('an item whose JSON is the same is the object shown; a changed or new one is the new object', () => {
    const nextA = { line: 1, text: 'a' }
    const nextB = { line: 2, text: 'b!' }
    const nextC = { line: 3, text: 'c' }
    const nextKeys = new Map([nextA, nextB, nextC].map((o) => [o.line, JSON.stringify(o)]))
    const pick = keptFrom(shown, shownKeys, nextKeys)
    expect(pick(1, nextA)).toBe(shownA)
    expect(pick(2, nextB)).toBe(nextB)
    expect(pick(3, nextC)).toBe(nextC)
  })

  test('without keys on either side (a run made in the page), nothing is kept', () => {
    const next = { line: 1, text: 'a' }
    expect(keptFrom(shown, undefined, shownKeys)(1, next)).toBe(next)
    expect(keptFrom(shown, shownKeys, undefined)(1, next)).toBe(next)
  })
})
