/**
 * Listens: the app on @hono/node-server, its worker pool and its store. The
 * default address is loopback only; another must be asked for.
 */
import type { AddressInfo } from 'node:net'
import { availableParallelism } from 'node:os'
import { serve } from '@hono/node-server'
import { createApp } from './app.js'
import { LiveEngine } from './live/live-engine.js'
import type { LabStore } from './store/lab-store.js'
import { memoryLabStore } from './store/lab-store.js'
import { sqliteLabStore } from './store/sqlite-lab-store.js'
import { WorkerPool } from './worker-pool.js'

export interface StartServerOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Where labs.sqlite lives; without one, saved labs are kept in memory only. */
  dataDir?: string
  /** Per request (default 5000 ms). */
  timeLimitMs?: number
  /** Largest body (default 4 MiB: a 100,000-line scenario fits, and is then cut off by the time limit). */
  bodyLimit?: number
  /** Simulation threads (default: the CPUs less one, 1 to 4). */
  workers?: number
  store?: LabStore
  /** The simulation worker script; default: worker.js beside this module (dist/). */
  workerScript?: URL
  /**
   * A real Docker Engine to answer about (`unix:///path/to/docker.sock` or
   * `tcp://host:port`): the /api/live routes. Without one live mode is off.
   */
  dockerHost?: string
  /** Let /api/live/replay and /api/live/verify write to that engine; needs `token`. */
  allowWrites?: boolean
  /** The bearer token writes must carry (16 characters or more). */
  token?: string
  /** Per live request (default 60000 ms: reading an engine takes seconds). */
  liveTimeLimitMs?: number
  /** The web UI's build folder, served at `/` (`@netmodes/web`'s `webRoot`). */
  webRoot?: string
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  url: string
  port: number
  pool: WorkerPool
  close(): Promise<void>
}

/**
 * @example
 * const server = await startServer({ port: 0, dataDir: '.netmodes/server' })
 * await fetch(`${server.url}/api/modes`)
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const timeLimitMs = options.timeLimitMs ?? 5000
  if (options.allowWrites && !options.dockerHost) throw new Error('writes need a docker host to write to')
  // Checked before anything starts: a bad host or a missing token is the operator's error, at once.
  const live = options.dockerHost
    ? new LiveEngine({
        dockerHost: options.dockerHost,
        allowWrites: options.allowWrites === true,
        ...(options.token !== undefined ? { token: options.token } : {}),
      })
    : undefined
  const pool = new WorkerPool({
    size: options.workers ?? Math.min(4, Math.max(1, availableParallelism() - 1)),
    script: options.workerScript ?? new URL('./worker.js', import.meta.url),
  })
  const store =
    options.store ?? (options.dataDir ? sqliteLabStore({ dataDir: options.dataDir }) : memoryLabStore())
  const app = createApp({
    pool,
    store,
    timeLimitMs,
    bodyLimit: options.bodyLimit ?? 4 * 1024 * 1024,
    ...(live ? { live } : {}),
    ...(options.liveTimeLimitMs ? { liveTimeLimitMs: options.liveTimeLimitMs } : {}),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  })
  const host = options.host ?? '127.0.0.1'
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: options.port ?? 8080,
        hostname: host,
        // Node's own backstops behind the app's time limit: a client that never finishes its headers or body.
        serverOptions: {
          requestTimeout: timeLimitMs * 2,
          headersTimeout: timeLimitMs,
          connectionsCheckingInterval: 1000,
        },
      },
      () => resolve(s),
    )
    s.once('error', reject)
  })
  const port = (server.address() as AddressInfo).port
  const shown = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${shown}:${port}`,
    port,
    pool,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.()
      })
      await pool.close()
      await store.close()
    },
  }
}
