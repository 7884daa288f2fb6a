import { describe, expect, it } from 'vitest'
import { tokenizeCommandLine } from './tokenize.js'
import { UsageError } from './usage-error.js'

// Expected words were checked against dash (/bin/sh on Debian) with
// printf '[%s]\n' on the same input.
describe('tokenizeCommandLine', () => {
  it('splits on blanks, ignoring repeats and edges', () => {
    expect(tokenizeCommandLine('  docker   network\tls  ')).toEqual(['docker', 'network', 'ls'])
    expect(tokenizeCommandLine('')).toEqual([])
  })

  it('keeps single-quoted text verbatim', () => {
    expect(
      tokenizeCommandLine(`docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' a1`),
    ).toEqual(['docker', 'inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}', 'a1'])
    expect(tokenizeCommandLine(`'a\\b "c"'`)).toEqual(['a\\b "c"'])
  })

  it('honours only \\" \\\\ \\$ \\` inside double quotes', () => {
    expect(tokenizeCommandLine(String.raw`"a\b\"c\$d\\e\x"`)).toEqual([String.raw`a\b"c$d\e\x`])
  })

  it('joins adjacent quoted and unquoted parts into one word', () => {
    expect(tokenizeCommandLine(`a"b"c'd' -e A="x y"`)).toEqual(['abcd', '-e', 'A=x y'])
  })

  it('keeps empty quoted words', () => {
    expect(tokenizeCommandLine(`docker run --entrypoint '' img ""`)).toEqual([
      'docker',
      'run',
      '--entrypoint',
      '',
      'img',
      '',
    ])
  })

  it('escapes with a backslash outside quotes, continues lines on backslash-newline', () => {
    expect(tokenizeCommandLine(String.raw`a\ b \x c\#d`)).toEqual(['a b', 'x', 'c#d'])
    expect(tokenizeCommandLine('docker run \\\n  -d img')).toEqual(['docker', 'run', '-d', 'img'])
    expect(tokenizeCommandLine('"a\\\nb"')).toEqual(['ab'])
    // dash keeps a backslash that ends the input.
    expect(tokenizeCommandLine('abc\\')).toEqual(['abc\\'])
  })

  it('treats # as a comment only at the start of a word', () => {
    expect(tokenizeCommandLine('docker ps # list them')).toEqual(['docker', 'ps'])
    expect(tokenizeCommandLine('a#b "#c" #d')).toEqual(['a#b', '#c'])
  })

  it('does no expansion and knows no operators', () => {
    expect(tokenizeCommandLine('echo $HOME ~ * a;b')).toEqual(['echo', '$HOME', '~', '*', 'a;b'])
  })

  it('rejects an unterminated quote as dash does (exit 2)', () => {
    expect(() => tokenizeCommandLine(`docker run 'img`)).toThrowErrorMatchingInlineSnapshot(
      `[UsageError: Syntax error: Unterminated quoted string]`,
    )
    expect(() => tokenizeCommandLine('docker run "img')).toThrow(UsageError)
    try {
      tokenizeCommandLine('"')
    } catch (error) {
      expect((error as UsageError).exitCode).toBe(2)
    }
  })
})
