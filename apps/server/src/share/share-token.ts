/**
 * Share-by-URL with no storage: the scenario itself, compressed into a
 * URL-safe token (`v1.` then deflate-raw of its JSON, in base64url). The
 * server keeps nothing; whoever holds the URL holds the scenario. The
 * version prefix lets a later encoding live beside this one.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib'

/** What a token carries: the fields of a Scenario request, daemon.json optional. */
export interface SharedScenario {
  scenario: string
  engine: '20.10' | '28'
  daemon?: Record<string, unknown>
}

export const SHARE_TOKEN_VERSION = 'v1'

/**
 * The longest token accepted: a URL past about 8 KB is cut or refused by
 * common proxies and browsers, so a longer one would not survive sharing.
 */
export const MAX_SHARE_TOKEN_CHARS = 8000

/** Why a token cannot be read (or made); the message is for the client. */
export class ShareTokenError extends Error {
  constructor(
    readonly reason: 'malformed' | 'version' | 'too-long' | 'too-large' | 'corrupt',
    message: string,
  ) {
    super(message)
    this.name = 'ShareTokenError'
  }
}

/**
 * @example
 * encodeShareToken({ scenario: 'docker network create app', engine: '28' }) // "v1.q1ZKLs..."
 */
export function encodeShareToken(shared: SharedScenario): string {
  const json = JSON.stringify(shared)
  const token = `${SHARE_TOKEN_VERSION}.${deflateRawSync(json, { level: 9 }).toString('base64url')}`
  if (token.length > MAX_SHARE_TOKEN_CHARS) {
    throw new ShareTokenError(
      'too-long',
      `the scenario compresses to a ${token.length}-character token, over the ${MAX_SHARE_TOKEN_CHARS} a URL can carry: save it as a lab instead`,
    )
  }
  return token
}

/**
 * The JSON a token carries (validated by the caller), inflated to at most
 * `maxBytes`: a small token that would expand past the body limit (a
 * decompression bomb) is refused before it is ever built in full.
 *
 * @example
 * decodeShareToken(token, 4 << 20) // { scenario: '...', engine: '28' }
 */
export function decodeShareToken(token: string, maxBytes: number): unknown {
  if (token.length > MAX_SHARE_TOKEN_CHARS) {
    throw new ShareTokenError('too-long', `the token is over ${MAX_SHARE_TOKEN_CHARS} characters`)
  }
  const dot = token.indexOf('.')
  const version = dot < 0 ? '' : token.slice(0, dot)
  const data = token.slice(dot + 1)
  if (dot < 0 || !/^[A-Za-z0-9_-]+$/.test(data)) {
    throw new ShareTokenError('malformed', 'the token is not VERSION.BASE64URL')
  }
  if (version !== SHARE_TOKEN_VERSION) {
    throw new ShareTokenError(
      'version',
      `unknown token version "${version}" (this server reads ${SHARE_TOKEN_VERSION})`,
    )
  }
  let text: string
  try {
    text = inflateRawSync(Buffer.from(data, 'base64url'), { maxOutputLength: maxBytes }).toString('utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ShareTokenError('too-large', `the token expands past the body limit of ${maxBytes} bytes`)
    }
    throw new ShareTokenError('corrupt', 'the token does not decompress: it was cut or altered')
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new ShareTokenError('corrupt', 'the token does not hold a JSON document: it was cut or altered')
  }
}
