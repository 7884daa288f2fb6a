/**
 * Splits a command line into words the way a POSIX shell (dash, /bin/sh on
 * Debian) does before running docker: blanks separate words, single quotes
 * keep everything, double quotes keep everything but \" \\ \$ \` and a
 * backslash-newline, an unquoted backslash escapes the next character, and
 * quoted and unquoted pieces next to each other form one word. A `#` at the
 * start of a word comments out the rest of its line. There is no expansion
 * ($VAR, globs, ~) and no operators (; | & > are ordinary characters).
 */
import { UsageError } from './usage-error.js'

const BLANK = new Set([' ', '\t', '\n'])

// Inside double quotes a backslash only escapes these (and a newline).
const DOUBLE_QUOTE_ESCAPES = new Set(['"', '\\', '$', '`'])

/** Not a blank, a backslash or a quote: a character that only extends the word it is in ('#' too, inside a word). */
function isOrdinary(code: number): boolean {
  return code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x5c && code !== 0x27 && code !== 0x22
}

/**
 * Tokenizes one command line; throws a UsageError with dash's message
 * ("Syntax error: Unterminated quoted string", exit 2) on an open quote.
 *
 * @example
 * tokenizeCommandLine(`docker run --name 'my web' -e A="x y" nginx`)
 * // ['docker', 'run', '--name', 'my web', '-e', 'A=x y', 'nginx']
 */
export function tokenizeCommandLine(line: string): string[] {
  const words: string[] = []
  let word = ''
  // A word exists once any part of it was read, even an empty '' or "".
  let inWord = false
  let i = 0
  const unterminated = (): UsageError => new UsageError('Syntax error: Unterminated quoted string', 2)
  while (i < line.length) {
    const c = line[i] ?? ''
    if (BLANK.has(c)) {
      if (inWord) words.push(word)
      word = ''
      inWord = false
      i++
    } else if (c === '#' && !inWord) {
      // A comment runs to the end of the line.
      const nl = line.indexOf('\n', i)
      i = nl < 0 ? line.length : nl
    } else if (c === '\\') {
      const next = line[i + 1]
      if (next === undefined) {
        // A trailing backslash stays a literal backslash.
        word += '\\'
        inWord = true
        i++
      } else if (next === '\n') {
        // Line continuation: both characters vanish.
        i += 2
      } else {
        word += next
        inWord = true
        i += 2
      }
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1)
      if (end < 0) throw unterminated()
      word += line.slice(i + 1, end)
      inWord = true
      i = end + 1
    } else if (c === '"') {
      inWord = true
      i++
      for (;;) {
        if (i >= line.length) throw unterminated()
        const d = line[i] ?? ''
        if (d === '"') {
          i++
          break
        }
        if (d === '\\' && line[i + 1] === '\n') {
          i += 2
        } else if (d === '\\' && DOUBLE_QUOTE_ESCAPES.has(line[i + 1] ?? '')) {
          word += line[i + 1]
          i += 2
        } else {
          word += d
          i++
        }
      }
    } else {
      // A run of ordinary characters is taken in one slice, not one character at a time.
      let end = i + 1
      while (end < line.length && isOrdinary(line.charCodeAt(end))) end++
      word += line.slice(i, end)
      inWord = true
      i = end
    }
  }
  if (inWord) words.push(word)
  return words
}
