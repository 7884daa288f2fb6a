import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  addAddress,
  countAddresses,
  firstFreeAddress,
  hasAddress,
  nextFreeAddress,
  removeAddress,
} from './address-set.js'

// Sorted, disjoint, non-adjacent, non-empty runs of non-negative integers.
function expectWellFormed(runs: number[]): void {
  expect(runs.length % 2).toBe(0)
  for (let i = 0; i < runs.length; i += 2) {
    const start = runs[i] as number
    const end = runs[i + 1] as number
    expect(Number.isInteger(start) && start >= 0).toBe(true)
    expect(start).toBeLessThan(end)
    if (i + 2 < runs.length) expect(end).toBeLessThan(runs[i + 2] as number)
  }
}

// Builds runs from a list of offsets through the public API.
function runsOf(...offsets: number[]): number[] {
  const runs: number[] = []
  for (const offset of offsets) addAddress(runs, offset)
  return runs
}

describe('hasAddress', () => {
  it('respects half-open runs', () => {
    const runs = [2, 5, 8, 9]
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((n) => hasAddress(runs, n))).toEqual([2, 3, 4, 8])
    expect(hasAddress([], 0)).toBe(false)
  })

  it('finds members in the middle of many runs', () => {
    const runs: number[] = []
    for (let i = 0; i < 100; i++) runs.push(i * 10, i * 10 + 3)
    expect(hasAddress(runs, 502)).toBe(true)
    expect(hasAddress(runs, 503)).toBe(false)
    expect(hasAddress(runs, 990)).toBe(true)
    expect(hasAddress(runs, 993)).toBe(false)
    expect(hasAddress(runs, 5000)).toBe(false)
  })
})

describe('addAddress', () => {
  it('creates, extends and prepends runs', () => {
    const runs: number[] = []
    expect(addAddress(runs, 5)).toBe(true)
    expect(runs).toEqual([5, 6])
    expect(addAddress(runs, 6)).toBe(true)
    expect(runs).toEqual([5, 7])
    expect(addAddress(runs, 4)).toBe(true)
    expect(runs).toEqual([4, 7])
    expect(addAddress(runs, 0)).toBe(true)
    expect(runs).toEqual([0, 1, 4, 7])
    expect(addAddress(runs, 9)).toBe(true)
    expect(runs).toEqual([0, 1, 4, 7, 9, 10])
  })

  it('reports addresses already present and leaves the runs alone', () => {
    const runs = [0, 3, 5, 6]
    expect(addAddress(runs, 0)).toBe(false)
    expect(addAddress(runs, 2)).toBe(false)
    expect(addAddress(runs, 5)).toBe(false)
    expect(runs).toEqual([0, 3, 5, 6])
  })

  it('merges two runs when the gap between them is filled', () => {
    const runs = [0, 3, 4, 6, 10, 11]
    expect(addAddress(runs, 3)).toBe(true)
    expect(runs).toEqual([0, 6, 10, 11])
  })

  it('inserts a lone address between runs', () => {
    const runs = [0, 2, 10, 12]
    expect(addAddress(runs, 5)).toBe(true)
    expect(runs).toEqual([0, 2, 5, 6, 10, 12])
  })
})

describe('removeAddress', () => {
  it('splits a run when removing from its middle', () => {
    const runs = [0, 5]
    expect(removeAddress(runs, 2)).toBe(true)
    expect(runs).toEqual([0, 2, 3, 5])
  })

  it('trims run edges and drops emptied runs', () => {
    const runs = [0, 3, 7, 8]
    expect(removeAddress(runs, 0)).toBe(true)
    expect(runs).toEqual([1, 3, 7, 8])
    expect(removeAddress(runs, 2)).toBe(true)
    expect(runs).toEqual([1, 2, 7, 8])
    expect(removeAddress(runs, 7)).toBe(true)
    expect(runs).toEqual([1, 2])
    expect(removeAddress(runs, 1)).toBe(true)
    expect(runs).toEqual([])
  })

  it('reports absent addresses', () => {
    const runs = [2, 4]
    expect(removeAddress(runs, 1)).toBe(false)
    expect(removeAddress(runs, 4)).toBe(false)
    expect(removeAddress([], 0)).toBe(false)
    expect(runs).toEqual([2, 4])
  })
})

describe('firstFreeAddress', () => {
  it('returns lo on an empty set', () => {
    expect(firstFreeAddress([], 1, 255)).toBe(1)
  })

  it('skips the run that covers lo', () => {
    expect(firstFreeAddress([0, 4, 6, 8], 1, 10)).toBe(4)
    expect(firstFreeAddress([0, 4, 6, 8], 4, 10)).toBe(4)
    expect(firstFreeAddress([0, 4, 6, 8], 6, 10)).toBe(8)
    expect(firstFreeAddress([2, 4], 0, 10)).toBe(0)
  })

  it('returns undefined when the range is full or empty', () => {
    expect(firstFreeAddress([0, 10], 1, 10)).toBeUndefined()
    expect(firstFreeAddress([1, 254], 1, 254)).toBeUndefined()
    expect(firstFreeAddress([], 5, 5)).toBeUndefined()
    // Free space past hi does not count.
    expect(firstFreeAddress([0, 8], 0, 8)).toBeUndefined()
  })

  it('fills a /24 in order and then reports it full', () => {
    const runs: number[] = []
    const handed: number[] = []
    for (
      let free = firstFreeAddress(runs, 1, 255);
      free !== undefined;
      free = firstFreeAddress(runs, 1, 255)
    ) {
      addAddress(runs, free)
      handed.push(free)
    }
    expect(handed).toEqual(Array.from({ length: 254 }, (_, i) => i + 1))
    expect(runs).toEqual([1, 255])
  })

  it('hands back a released address first', () => {
    const runs = [1, 100]
    removeAddress(runs, 42)
    expect(firstFreeAddress(runs, 1, 255)).toBe(42)
  })
})

describe('nextFreeAddress', () => {
  it('searches from the cursor', () => {
    expect(nextFreeAddress([0, 3], 0, 8, 5)).toBe(5)
    expect(nextFreeAddress([0, 3, 5, 6], 0, 8, 5)).toBe(6)
  })

  it('wraps around to lo when nothing is free after the cursor', () => {
    expect(nextFreeAddress([0, 3, 5, 8], 0, 8, 6)).toBe(3)
    expect(nextFreeAddress([1, 2, 4, 10], 1, 10, 4)).toBe(2)
  })

  it('starts over at lo when the cursor is outside the range', () => {
    expect(nextFreeAddress([], 2, 8, 8)).toBe(2)
    expect(nextFreeAddress([], 2, 8, 100)).toBe(2)
    expect(nextFreeAddress([], 2, 8, 0)).toBe(2)
  })

  it('returns undefined when the range is full', () => {
    expect(nextFreeAddress([0, 8], 0, 8, 3)).toBeUndefined()
    expect(nextFreeAddress([1, 9], 1, 9, 9)).toBeUndefined()
  })

  it('does not reuse a released address before the cursor wraps', () => {
    const runs: number[] = []
    let cursor = 0
    const allocate = (): number | undefined => {
      const free = nextFreeAddress(runs, 1, 5, cursor)
      if (free !== undefined) {
        addAddress(runs, free)
        cursor = free + 1
      }
      return free
    }
    expect([allocate(), allocate(), allocate()]).toEqual([1, 2, 3])
    removeAddress(runs, 2)
    expect(allocate()).toBe(4)
    expect(allocate()).toBe(2)
    expect(allocate()).toBeUndefined()
  })
})

describe('countAddresses', () => {
  it('sums run lengths', () => {
    expect(countAddresses([])).toBe(0)
    expect(countAddresses([0, 3, 10, 12])).toBe(5)
    expect(countAddresses([1, 16777215])).toBe(16777214)
  })
})

describe('large ranges', () => {
  it('keeps a dense first-free allocation in a single run', () => {
    const runs: number[] = []
    for (let i = 0; i < 100_000; i++) {
      const free = firstFreeAddress(runs, 1, 2 ** 24 - 1)
      addAddress(runs, free as number)
    }
    expect(runs).toEqual([1, 100_001])
  })

  it('works on offsets beyond 32-bit signed range', () => {
    const runs = runsOf(2 ** 31, 2 ** 31 + 1, 2 ** 32 - 1)
    expect(runs).toEqual([2 ** 31, 2 ** 31 + 2, 2 ** 32 - 1, 2 ** 32])
    expect(firstFreeAddress(runs, 2 ** 31, 2 ** 32)).toBe(2 ** 31 + 2)
  })
})

// Model-based check against a plain Set over a small universe.
const UNIVERSE = 64
const offset = fc.integer({ min: 0, max: UNIVERSE - 1 })
const range = fc
  .tuple(fc.integer({ min: 0, max: UNIVERSE }), fc.integer({ min: 0, max: UNIVERSE }))
  .map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number])

type Op =
  | { kind: 'add'; offset: number }
  | { kind: 'remove'; offset: number }
  | { kind: 'firstFree'; lo: number; hi: number; take: boolean }
  | { kind: 'nextFree'; lo: number; hi: number; from: number; take: boolean }

const op: fc.Arbitrary<Op> = fc.oneof(
  offset.map((o) => ({ kind: 'add', offset: o }) as const),
  offset.map((o) => ({ kind: 'remove', offset: o }) as const),
  fc.tuple(range, fc.boolean()).map(([[lo, hi], take]) => ({ kind: 'firstFree', lo, hi, take }) as const),
  fc
    .tuple(range, fc.integer({ min: 0, max: UNIVERSE + 2 }), fc.boolean())
    .map(([[lo, hi], from, take]) => ({ kind: 'nextFree', lo, hi, from, take }) as const),
)

function modelFirstFree(model: Set<number>, lo: number, hi: number): number | undefined {
  for (let n = lo; n < hi; n++) if (!model.has(n)) return n
  return undefined
}

function modelNextFree(model: Set<number>, lo: number, hi: number, from: number): number | undefined {
  for (let n = Math.max(from, lo); n < hi; n++) if (!model.has(n)) return n
  return modelFirstFree(model, lo, hi)
}

describe('against a Set model', () => {
  test.prop([fc.array(op, { maxLength: 200 })], { numRuns: 500 })(
    'agrees on every operation and keeps runs well formed',
    (ops) => {
      const runs: number[] = []
      const model = new Set<number>()
      for (const step of ops) {
        switch (step.kind) {
          case 'add': {
            expect(addAddress(runs, step.offset)).toBe(!model.has(step.offset))
            model.add(step.offset)
            break
          }
          case 'remove': {
            expect(removeAddress(runs, step.offset)).toBe(model.has(step.offset))
            model.delete(step.offset)
            break
          }
          case 'firstFree': {
            const got = firstFreeAddress(runs, step.lo, step.hi)
            expect(got).toBe(modelFirstFree(model, step.lo, step.hi))
            if (step.take && got !== undefined) {
              addAddress(runs, got)
              model.add(got)
            }
            break
          }
          case 'nextFree': {
            const got = nextFreeAddress(runs, step.lo, step.hi, step.from)
            expect(got).toBe(modelNextFree(model, step.lo, step.hi, step.from))
            if (step.take && got !== undefined) {
              addAddress(runs, got)
              model.add(got)
            }
            break
          }
        }
        expectWellFormed(runs)
      }
      expect(countAddresses(runs)).toBe(model.size)
      for (let n = 0; n <= UNIVERSE; n++) expect(hasAddress(runs, n)).toBe(model.has(n))
    },
  )

  test.prop([fc.uniqueArray(offset, { maxLength: UNIVERSE })])(
    'the representation is canonical: insertion order does not matter',
    (offsets) => {
      const sorted = [...offsets].sort((a, b) => a - b)
      expect(runsOf(...offsets)).toEqual(runsOf(...sorted))
    },
  )
})
