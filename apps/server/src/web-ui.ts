/**
 * The web UI's build served at `/`: plain files from one folder (index.html
 * and its hashed assets), read only from inside that folder, never a route
 * under /api. Hashed assets may be cached for good; index.html is checked on
 * every visit so a new build is seen at once.
 */
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { MiddlewareHandler } from 'hono'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
}

/** The file a URL path names inside `root`, or undefined when it would leave it. */
export function fileOfPath(root: string, path: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const relative = normalize(decoded === '/' || decoded === '' ? '/index.html' : decoded)
  const file = resolve(root, `.${relative.startsWith(sep) ? '' : sep}${relative}`)
  const base = resolve(root)
  return file.startsWith(base + sep) ? file : undefined
}

/**
 * GET and HEAD of a path outside /api answered from `root`; anything else
 * (another method, /api, a file that is not there) goes on to the routes.
 *
 * @example
 * app.use('*', webUi('/srv/netmodes/web'))
 */
export function webUi(root: string): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method
    if ((method !== 'GET' && method !== 'HEAD') || /^\/api(\/|$)/.test(c.req.path)) return next()
    const file = fileOfPath(root, c.req.path)
    const info = file ? await stat(file).catch(() => undefined) : undefined
    if (!file || !info?.isFile()) return next()
    const immutable = file.startsWith(join(resolve(root), 'assets') + sep)
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(info.size),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    }
    if (method === 'HEAD') return c.body(null, 200, headers)
    return c.body(new Uint8Array(await readFile(file)), 200, headers)
  }
}
