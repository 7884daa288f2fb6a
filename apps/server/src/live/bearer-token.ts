/**
 * The bearer token that guards the live engine's writes, compared in
 * constant time: both sides are hashed first, so neither the token's
 * content nor its length leaks through how long a refusal takes.
 */
import { createHash, timingSafeEqual } from 'node:crypto'

/** Shorter tokens are refused at start: a guessable token guards nothing. */
export const MIN_TOKEN_LENGTH = 16

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()

/**
 * Whether an `Authorization` header carries the token.
 *
 * @example
 * bearerMatches('s3cret-token-0123', 'Bearer s3cret-token-0123') // true
 */
export function bearerMatches(expected: string, header: string | undefined): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '')
  const given = match?.[1] ?? ''
  // Always one comparison, also when nothing was given.
  return timingSafeEqual(digest(given), digest(expected)) && given !== ''
}
