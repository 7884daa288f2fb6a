import { describe, expect, it } from 'vitest'
import { parseGoDuration } from './go-duration.js'

describe('parseGoDuration', () => {
  it('parses Go durations to nanoseconds', () => {
    expect(parseGoDuration('0')).toBe(0n)
    expect(parseGoDuration('1h30m')).toBe(5_400_000_000_000n)
    expect(parseGoDuration('1.5s')).toBe(1_500_000_000n)
    expect(parseGoDuration('-2ms')).toBe(-2_000_000n)
    expect(parseGoDuration('.5us')).toBe(500n)
    expect(parseGoDuration('3µs')).toBe(3000n)
  })

  it('reports the texts docker showed for --health-interval', () => {
    // Observed with docker CLI 20.10.24 (wrapped in "invalid argument ...").
    expect(() => parseGoDuration('x')).toThrow('time: invalid duration "x"')
    expect(() => parseGoDuration('1')).toThrow('time: missing unit in duration "1"')
    expect(() => parseGoDuration('1y')).toThrow('time: unknown unit "y" in duration "1y"')
    expect(() => parseGoDuration('')).toThrow('time: invalid duration ""')
    expect(() => parseGoDuration('.s')).toThrow('time: invalid duration ".s"')
    expect(() => parseGoDuration('9999999999h')).toThrow('time: invalid duration "9999999999h"')
  })
})
