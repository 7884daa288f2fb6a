import type { ArgsDef } from 'citty'
import { describe, expect, test } from 'vitest'
import { parseCommandLine, UsageError } from './parse-args.js'

const diagram: ArgsDef = {
  format: { type: 'enum', options: ['mermaid', 'dot', 'svg'] },
  lab: { type: 'string' },
  json: { type: 'boolean' },
}
const exec: ArgsDef = {
  lab: { type: 'string' },
  container: { type: 'positional' },
  command: { type: 'positional' },
}

describe('parseCommandLine', () => {
  test('options with = or a separate value, booleans and their --no- form', () => {
    expect(parseCommandLine(['--format=dot', '--lab', 'x.json', '--no-json'], diagram, false)).toEqual({
      options: { format: 'dot', lab: 'x.json', json: false },
      positionals: [],
      rest: [],
      help: false,
    })
  })
  test('unknown options, missing values, bad choices and extra words are refused', () => {
    expect(() => parseCommandLine(['--bogus'], diagram, false)).toThrow(
      new UsageError('unknown option --bogus'),
    )
    expect(() => parseCommandLine(['--lab'], diagram, false)).toThrow('option --lab needs a value')
    expect(() => parseCommandLine(['--format', 'png'], diagram, false)).toThrow('expected mermaid, dot, svg')
    expect(() => parseCommandLine(['extra'], diagram, false)).toThrow('unexpected argument "extra"')
  })
  test('--help wins over errors', () => {
    expect(parseCommandLine(['--bogus', '--help'], diagram, false).help).toBe(true)
  })
  test('passthrough: options only before the inner command line', () => {
    expect(parseCommandLine(['--lab', 'l.json', 'web', 'ip', '-j', 'addr', '--help'], exec, true)).toEqual({
      options: { lab: 'l.json' },
      positionals: ['web'],
      rest: ['ip', '-j', 'addr', '--help'],
      help: false,
    })
    expect(() => parseCommandLine(['web'], exec, true)).toThrow('missing <COMMAND>...')
  })
  test('passthrough without options of its own: everything is handed on', () => {
    const docker: ArgsDef = { dockerArgs: { type: 'positional', required: false } }
    expect(parseCommandLine(['--lab', 'x', 'ps'], docker, true).rest).toEqual(['--lab', 'x', 'ps'])
    expect(parseCommandLine([], docker, true).help).toBe(true)
    expect(parseCommandLine(['run', '--help'], docker, true).help).toBe(false)
  })
})
