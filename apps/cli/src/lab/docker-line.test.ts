import { tokenizeCommandLine } from '@netmodes/core'
import { describe, expect, test } from 'vitest'
import { dockerLine, quoteWord } from './docker-line.js'

describe('dockerLine', () => {
  const words = [
    'plain',
    'with space',
    "it's",
    "''",
    '"double"',
    '$HOME',
    '`cmd`',
    '#comment',
    'a#b',
    'back\\slash',
    'new\nline',
    'tab\there',
    '',
    '*?[glob]',
    ';|&<>',
    '网桥',
    '--opt=a b',
  ]
  test.each(words)('core tokenizes %j back to itself', (word) => {
    expect(tokenizeCommandLine(dockerLine(['run', word]))).toEqual(['docker', 'run', word])
  })
  test('every word at once', () => {
    expect(tokenizeCommandLine(dockerLine(words))).toEqual(['docker', ...words])
  })
  test('safe words stay bare, others are single-quoted', () => {
    expect(dockerLine(['network', 'create', '--subnet', '10.88.0.0/24', 'app'])).toBe(
      'docker network create --subnet 10.88.0.0/24 app',
    )
    expect(quoteWord("it's")).toBe("'it'\\''s'")
    expect(quoteWord('')).toBe("''")
  })
})
