/**
 * The Docker Engine API twin on a socket: `DOCKER_HOST=unix:///PATH docker
 * network create app` drives a simulated host. This file only moves bytes
 * (core's answerEngineApi decides every answer) and keeps the lab in its
 * lab file, so `netmodes trace --lab FILE` sees what the docker CLI built.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import {
  answerEngineApi,
  type CreateLabOptions,
  createLab,
  type DaemonSettings,
  type EngineVersion,
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
  // The images pulled through the twin (a pull always succeeds; see core's engine-api/images.ts).
  const images = new Set<string>()

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://twin')
    const text = await readBody(req, limit)
    const answer =
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
            },
            images,
          )
    let payload = ''
    const headers: Record<string, string> = { ...answer.headers }
    if (answer.body && 'json' in answer.body) {
      payload = `${marshalGoJson(answer.body.json)}\n`
      headers['Content-Type'] = 'application/json'
    } else if (answer.body) {
      payload = answer.body.text
      headers['Content-Type'] = 'text/plain; charset=utf-8'
    }
    headers['Content-Length'] = String(Buffer.byteLength(payload))
    res.writeHead(answer.status, headers)
    res.end(req.method === 'HEAD' ? undefined : payload)
    options.log?.(`${req.method} ${req.url} ${answer.status}`)
    for (const op of answer.operations) options.log?.(`  | ${operationText(op)}`)
    if (options.labFile && MUTATING.has(req.method ?? '') && answer.status < 400)
      writeAtomically(options.labFile, toJSON(lab))
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A fault of netmodes itself: the engine's error shape, never a stack trace.
      options.log?.(`internal error: ${(error as Error).message}`)
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(`${JSON.stringify({ message: 'netmodes: internal error' })}\n`)
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
