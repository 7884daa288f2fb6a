import { appendAll } from '@netmodes/core'
/**
 * Word wrapping for English and Chinese: Latin text breaks at spaces, CJK
 * text between any two characters, except that closing punctuation never
 * starts a line and opening punctuation never ends one.
 */
import { displayWidth, isWide } from './display-width.js'

const CLOSING = new Set([...'，。、；：！？）」』》】'])
const OPENING = new Set([...'（「『《【'])

// Unbreakable pieces: a Latin word, a run of spaces, or one CJK character (with its punctuation).
function tokens(text: string): string[] {
  const out: string[] = []
  let word = ''
  const flush = () => {
    const previous = out.at(-1)
    // Opening punctuation stays with what it opens.
    if (word && previous !== undefined && [...previous].length === 1 && OPENING.has(previous)) {
      out[out.length - 1] += word
    } else if (word) out.push(word)
    word = ''
  }
  for (const char of text) {
    const wide = isWide(char.codePointAt(0) ?? 0)
    if (char === ' ') {
      flush()
      if (out.at(-1)?.startsWith(' ')) out[out.length - 1] += ' '
      else out.push(' ')
    } else if (wide && CLOSING.has(char)) {
      // Full-width closing punctuation stays with what it closes.
      flush()
      if (out.length > 0 && !out.at(-1)?.startsWith(' ')) out[out.length - 1] += char
      else out.push(char)
    } else if (wide) {
      flush()
      const previous = out.at(-1)
      if (previous !== undefined && [...previous].length === 1 && OPENING.has(previous))
        out[out.length - 1] += char
      else out.push(char)
    } else {
      word += char
    }
  }
  flush()
  return out
}

/** The widest piece a line break cannot split: the narrowest a column can be without breaking words. */
export function longestToken(text: string): number {
  return Math.max(0, ...tokens(text).map(displayWidth))
}

/** Splits a token wider than the line into line-sized pieces. */
function hardBreak(token: string, width: number): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const char of token) {
    if (displayWidth(piece + char) > width && piece) {
      // A line never starts with closing punctuation: it takes the character before along.
      const chars = [...piece]
      let carried = ''
      if (CLOSING.has(char)) {
        while (chars.length > 1 && CLOSING.has(chars.at(-1) ?? '')) carried = `${chars.pop()}${carried}`
        if (chars.length > 1) carried = `${chars.pop()}${carried}`
      }
      pieces.push(chars.join(''))
      piece = carried
    }
    piece += char
  }
  if (piece) pieces.push(piece)
  return pieces
}

/**
 * Wraps text into lines of at most `width` columns.
 *
 * @example
 * wrapText('one veth pair per container', 10) // ['one veth', 'pair per', 'container']
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const token of tokens(text)) {
    if (token.startsWith(' ')) {
      if (line) line += token
      continue
    }
    const candidate = line + token
    if (displayWidth(candidate.trimEnd()) <= width) {
      line = candidate
      continue
    }
    if (line.trim()) lines.push(line.trimEnd())
    line = ''
    if (displayWidth(token) <= width) line = token
    else {
      const pieces = hardBreak(token, width)
      line = pieces.pop() ?? ''
      appendAll(lines, pieces)
    }
  }
  if (line.trim()) lines.push(line.trimEnd())
  return lines.length > 0 ? lines : ['']
}
