import { request } from 'node:http'
import type { RunningServer, StartServerOptions } from '../src/index.js'
import { startServer } from '../src/index.js'

export type { RunningServer }

// Threads run JavaScript: the built worker (turbo builds the package before its tests).
const workerScript = new URL('../dist/worker.js', import.meta.url)

/** A server on an ephemeral loopback port, as `netmodes serve --port 0` would start it. */
export function serve(options: StartServerOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, workers: 2, workerScript, ...options })
}

export interface Answer {
  status: number
  headers: Headers
  text: string
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever document came back
  json: () => any
}

/** POSTs JSON over the socket; `body` is sent as is when it is a string. */
export async function post(
  server: RunningServer,
  path: string,
  body: unknown,
  type = 'application/json',
): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) }
}

export interface RawResponse {
  status: number
  body: string
}

/**
 * A request made by hand with node:http, its body written in `chunks` with
 * `gapMs` between them; `stallAfter` stops writing after that many chunks
 * (the body never ends) and `destroyAfter` drops the connection there.
 */
export function slowPost(
  server: RunningServer,
  path: string,
  options: { chunks: string[]; gapMs: number; stallAfter?: number; destroyAfter?: number },
): Promise<RawResponse | 'destroyed'> {
  const total = options.chunks.reduce((n, c) => n + Buffer.byteLength(c), 0)
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(total) } },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (d) => {
          body += d
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', (error) => (options.destroyAfter !== undefined ? resolve('destroyed') : reject(error)))
    let i = 0
    const write = () => {
      if (options.destroyAfter !== undefined && i === options.destroyAfter) {
        req.destroy()
        resolve('destroyed')
        return
      }
      if (options.stallAfter !== undefined && i === options.stallAfter) return
      const chunk = options.chunks[i++]
      if (chunk === undefined) {
        req.end()
        return
      }
      req.write(chunk)
      setTimeout(write, options.gapMs)
    }
    req.flushHeaders()
    write()
  })
}

/** No error body may carry a stack trace (a line such as "    at fn (file.js:1:2)"). */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at |\.js:\d+:\d+|\.ts:\d+:\d+/.test(text)
}

export const SCENARIO = [
  '# two containers on a user-defined bridge, one publishing a port',
  'docker network create app',
  'docker run -d --name web --network app -p 8080:80 nginx',
  'docker run -d --name db --network app postgres',
  'trace web -> db:5432/tcp',
].join('\n')

/** GETs over the socket, with extra headers if any. */
export async function get(
  server: RunningServer,
  path: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, { headers })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) }
}

/** Asserts the one error shape, its status and code, and no stack trace; returns the error. */
export function expectErrorShape(r: { status: number; text: string }, status: number, code: string) {
  if (r.status !== status) throw new Error(`expected HTTP ${status} ${code}, got ${r.status}: ${r.text}`)
  const body = JSON.parse(r.text)
  if (JSON.stringify(Object.keys(body)) !== '["error"]') throw new Error(`not the error shape: ${r.text}`)
  if (body.error.code !== code) throw new Error(`expected code ${code}, got ${r.text}`)
  if (typeof body.error.message !== 'string' || body.error.message === '')
    throw new Error(`no message: ${r.text}`)
  if (hasStackTrace(r.text)) throw new Error(`a stack trace reached the client: ${r.text}`)
  return body.error as { code: string; message: string; line?: number }
}
