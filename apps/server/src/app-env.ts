import type { LiveEngine } from './live/live-engine.js'
import type { LabStore } from './store/lab-store.js'
import type { WorkerPool } from './worker-pool.js'

/** What the app is built from: no listening, no globals (tests build their own). */
export interface AppDeps {
  pool: WorkerPool
  store: LabStore
  /** Per request, body and answer included; past it a client gets 408 (body unread) or 503. */
  timeLimitMs: number
  /** Largest request body, in bytes. */
  bodyLimit: number
  /** The live engine, when the server was started with one (`--docker-host`); live routes are 404 without. */
  live?: LiveEngine
  /** The time limit of the live routes, which wait on a real engine (default 60 s). */
  liveTimeLimitMs?: number
  /** The web UI's build (index.html and assets/), served at `/`; without one `/` is 404. */
  webRoot?: string
}

/** The per-request values the middleware shares with the routes. */
export interface AppEnv {
  Variables: {
    /** performance.now() when the request came in. */
    startedAt: number
    /** Set once the body was read and validated: the time limit then means 503, not 408. */
    bodyRead: boolean
  }
}
