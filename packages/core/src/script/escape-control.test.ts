import { describe, expect, test } from 'vitest'
import { escapeControl } from './escape-control.js'

describe('escapeControl', () => {
  test('writes ESC, BEL, DEL and C1 controls as \\xHH', () => {
    expect(escapeControl('a\x1b[31mb\x07\x7f\x9b')).toBe('a\\x1b[31mb\\x07\\x7f\\x9b')
  })

  test('writes bidi overrides and line separators as \\uHHHH', () => {
    expect(escapeControl('x\u202ey\u2028z\u2066')).toBe('x\\u202ey\\u2028z\\u2066')
  })

  test('newlines and tabs: escaped on one line, kept for multiline output', () => {
    expect(escapeControl('a\nb\tc')).toBe('a\\x0ab\\x09c')
    expect(escapeControl('a\nb\tc\r', { multiline: true })).toBe('a\nb\tc\\x0d')
  })

  test('leaves printable text, backslashes and non-ASCII letters alone', () => {
    const text = 'docker network create --subnet 10.0.0.0/24 网络 C:\\x'
    expect(escapeControl(text)).toBe(text)
  })
})
