import { describe, expect, test } from 'vitest'
import { ERROR_CODES } from './error-codes.js'
import { isNetmodesError, NetmodesError } from './errors.js'

describe('ERROR_CODES', () => {
  test('every code isNetmodesError knows has an exit code and a status', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      const error = Object.assign(new Error('x'), { code })
      expect(isNetmodesError(error)).toBe(true)
    }
    expect(isNetmodesError(Object.assign(new Error('x'), { code: 'NOPE' }))).toBe(false)
    expect(Object.keys(ERROR_CODES).sort()).toEqual([
      'CONFLICT',
      'EXHAUSTED',
      'INTERNAL',
      'INVALID_INPUT',
      'NOT_FOUND',
      'UNSUPPORTED',
    ])
  })

  test("the CLI's documented exit code for its own errors, and distinct HTTP meanings", () => {
    expect(new Set(Object.values(ERROR_CODES).map((m) => m.exitCode))).toEqual(new Set([2]))
    expect(ERROR_CODES[new NetmodesError('NOT_FOUND', 'x').code].httpStatus).toBe(404)
    expect(ERROR_CODES.INTERNAL.httpStatus).toBe(500)
    expect(Object.isFrozen(ERROR_CODES)).toBe(true)
  })
})
