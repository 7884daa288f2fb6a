/**
 * The Docker Engine API twin on a socket: `DOCKER_HOST=unix:///PATH docker
 * network create app` drives a simulated host. This file only moves bytes
 * (core's answerEngineApi decides every answer) and keeps the lab in its
 * lab file, so `netmodes trace --lab FILE` sees what the docker CLI built.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import {
  answerEngineApi,
  type CreateLabOptions,
  createEngineApiSession,
  createLab,
  type DaemonSettings,
  type EngineApiAnswer,
  type EngineEvent,
  type EngineVersion,
  type EventsWatch,
  fromJSON,
  type LabState,
  marshalGoJson,
  operationText,
  toJSON,
} from '@netmodes/core'

export interface EngineTwinOptions {
  /** `unix:///path/to.sock` or `tcp://127.0.0.1:2375`. */
  listen: string
  /** The engine profile of a new lab (a lab file keeps its own). */
  engine?: EngineVersion
  /** The daemon's settings (daemon.json, dockerd flags) of a new lab. */
  daemon?: DaemonSettings
  /** Everything else a new lab can be given (its host's interfaces and routes, kernel features). */
  labOptions?: CreateLabOptions
  /** Where the lab lives between requests (created on the first change). */
  labFile?: string
  /** Each request and the operations it caused, one line each (`--explain`). */
  log?: (line: string) => void
  /** Follow the wall clock (default true), so the client's "Created 2 minutes ago" is true; false keeps the lab's logical clock. */
  wallClock?: boolean
  /** Largest request body (the engine's own limit is far larger; a twin needs little). */
  bodyLimit?: number
}

export interface RunningEngineTwin {
  /** What to put in DOCKER_HOST. */
  dockerHost: string
  lab(): LabState
  close(): Promise<void>
}

const MUTATING = new Set(['POST', 'DELETE', 'PUT'])

function readBody(req: IncomingMessage, limit: number): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        resolve('too-large')
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** The body of an upgrade request: what Node read past its headers, then the socket, up to Content-Length. */
function readUpgradeBody(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  limit: number,
): Promise<string | 'too-large'> {
  const length = Number(req.headers['content-length'] ?? 0)
  if (length > limit) return Promise.resolve('too-large')
  return new Promise((resolve) => {
    let got = head
    const done = () => {
      socket.off('data', more)
      resolve(got.subarray(0, length).toString('utf8'))
    }
    const more = (chunk: Buffer) => {
      got = Buffer.concat([got, chunk])
      if (got.length >= length) done()
    }
    if (got.length >= length) done()
    else socket.on('data', more)
  })
}

/** An answer's headers and bytes, as the engine sends them (Go's JSON with a newline, a text, a stream). */
function encoded(answer: EngineApiAnswer): { headers: Record<string, string>; payload: Buffer } {
  const headers: Record<string, string> = {}
  let payload = Buffer.alloc(0)
  if (answer.body && 'json' in answer.body) {
    payload = Buffer.from(`${marshalGoJson(answer.body.json)}\n`)
    headers['Content-Type'] = 'application/json'
  } else if (answer.body && 'stream' in answer.body) {
    payload = Buffer.from(answer.body.stream)
    headers['Content-Type'] = answer.body.contentType
  } else if (answer.body && 'text' in answer.body) {
    payload = Buffer.from(answer.body.text)
    headers['Content-Type'] = 'text/plain; charset=utf-8'
  }
  Object.assign(headers, answer.headers)
  headers['Content-Length'] = String(payload.length)
  return { headers, payload }
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, text)
  renameSync(tmp, file)
}

/** Starts the twin; resolves once it listens. */
export async function startEngineTwin(options: EngineTwinOptions): Promise<RunningEngineTwin> {
  const lab: LabState =
    options.labFile && existsSync(options.labFile)
      ? fromJSON(readFileSync(options.labFile, 'utf8'))
      : createLab({
          engine: options.engine ?? '28',
          ...(options.daemon ? { daemon: options.daemon } : {}),
          ...options.labOptions,
        })
  const limit = options.bodyLimit ?? 16 * 1024 * 1024
  // What the twin's daemon keeps beside the lab: images pulled, exec instances (core's engine-api session).
  const session = createEngineApiSession()

  function answer(req: IncomingMessage, text: string | 'too-large', upgrade: boolean): EngineApiAnswer {
    const url = new URL(req.url ?? '/', 'http://twin')
    const result: EngineApiAnswer =
      text === 'too-large'
        ? { status: 413, headers: {}, body: { json: { message: 'request body too large' } }, operations: [] }
        : answerEngineApi(
            lab,
            {
              method: req.method ?? 'GET',
              path: url.pathname,
              query: Object.fromEntries(url.searchParams),
              ...(options.wallClock === false ? {} : { now: Date.now() / 1000 }),
              ...(text ? { body: text } : {}),
              ...(upgrade ? { upgrade: true } : {}),
            },
            session,
          )
    options.log?.(`${req.method} ${req.url} ${result.status}`)
    for (const op of result.operations) options.log?.(`  | ${operationText(op)}`)
    if (options.labFile && MUTATING.has(req.method ?? '') && result.status < 400)
      writeAtomically(options.labFile, toJSON(lab))
    return result
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const result = answer(req, await readBody(req, limit), false)
    if (result.body && 'events' in result.body) return streamEvents(res, result, result.body.events)
    const { headers, payload } = encoded(result)
    res.writeHead(result.status, headers)
    res.end(req.method === 'HEAD' ? undefined : payload)
  }

  /**
   * GET /events: the headers at once (the client waits for them), the replay, then, while it
   * follows, each later event the stream accepts, until its `until` or the client hangs up.
   */
  function streamEvents(res: ServerResponse, result: EngineApiAnswer, watch: EventsWatch): void {
    res.writeHead(200, { ...result.headers, 'Content-Type': 'application/json' })
    res.flushHeaders()
    if (watch.backlog) res.write(watch.backlog)
    if (!watch.follow) {
      res.end()
      return
    }
    const listener = (event: EngineEvent) => {
      const line = watch.accept(event)
      if (line) res.write(line)
    }
    session.listeners.add(listener)
    const timer =
      watch.until === undefined
        ? undefined
        : setTimeout(() => res.end(), Math.max(0, watch.until * 1000 - Date.now()))
    res.on('close', () => {
      session.listeners.delete(listener)
      if (timer) clearTimeout(timer)
    })
  }

  /**
   * A request that asks to take the connection over (the docker CLI's exec start): Node hands the
   * socket itself over, and the answer is written on it as the engine writes it (exec.go: the status
   * line, its headers, a blank line, then the stream until the connection closes).
   */
  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const result = answer(req, await readUpgradeBody(req, socket, head, limit), true)
    const { headers, payload } = encoded(result)
    const reason = result.status === 101 ? 'UPGRADED' : (STATUS_CODES[result.status] ?? '')
    if (result.status === 101) {
      headers.Connection = 'Upgrade'
      headers.Upgrade = 'tcp'
      delete headers['Content-Length']
    }
    const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`)
    socket.write(`HTTP/1.1 ${result.status} ${reason}\r\n${lines.join('')}\r\n`)
    socket.end(payload)
  }

  const internalError = (error: unknown) => {
    // A fault of netmodes itself: the engine's error shape, never a stack trace.
    options.log?.(`internal error: ${(error as Error).message}`)
    return `${JSON.stringify({ message: 'netmodes: internal error' })}\n`
  }
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const text = internalError(error)
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(text)
    })
  })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    handleUpgrade(req, socket, head).catch((error: unknown) => {
      const text = internalError(error)
      socket.end(
        `HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
      )
    })
  })
  // A client that sends nothing (or too slowly) is dropped; others are served meanwhile.
  server.requestTimeout = 30_000
  server.headersTimeout = 10_000

  const { dockerHost, listenArgs, socketPath } = listenTarget(options.listen)
  if (socketPath && existsSync(socketPath)) rmSync(socketPath)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(...(listenArgs as [string]), () => resolve())
  })
  return {
    dockerHost,
    lab: () => lab,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          if (socketPath) rmSync(socketPath, { force: true })
          resolve()
        })
        server.closeAllConnections()
      }),
  }
}

/** Where `--listen` says to listen, and the DOCKER_HOST a client uses to get there. */
export function listenTarget(listen: string): {
  dockerHost: string
  listenArgs: [string] | [number, string]
  socketPath?: string
} {
  if (listen.startsWith('unix://')) {
    const path = listen.slice('unix://'.length)
    return { dockerHost: listen, listenArgs: [path], socketPath: path }
  }
  const m = listen.match(/^tcp:\/\/(127\.0\.0\.1|localhost|\[::1\]):(\d+)$/)
  if (!m) throw new Error(`--listen ${listen}: give unix:///PATH or tcp://127.0.0.1:PORT (loopback only)`)
  return { dockerHost: listen, listenArgs: [Number(m[2]), m[1] === '[::1]' ? '::1' : (m[1] as string)] }
}
