/**
 * The security headers of every answer, with a CSP fit for a same-origin UI
 * (scripts, styles, fetches from this server only, no frames). Hono's
 * secureHeaders sets them on the finished Response, which makes the Node
 * adapter build a full Response object for every request; set before the
 * handler runs they ride along with the lightweight one, at a fraction of
 * the cost (bench/bench.mjs).
 */
import type { MiddlewareHandler } from 'hono'

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  // The web UI lays out its drawing in a module worker loaded from this server.
  "worker-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** Hono's secureHeaders defaults, and the CSP. */
export const SECURE_HEADERS: readonly (readonly [string, string])[] = [
  ['content-security-policy', CSP],
  ['cross-origin-resource-policy', 'same-origin'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'SAMEORIGIN'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
]

/** @example app.use('*', secureHeaders()) */
export function secureHeaders(): MiddlewareHandler {
  return async (c, next) => {
    for (const [name, value] of SECURE_HEADERS) c.header(name, value)
    await next()
  }
}
