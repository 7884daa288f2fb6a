/**
 * One Docker Engine API request as the twin gets it, and its answer, as
 * plain data: the HTTP server that carries them (apps/server) only moves
 * bytes, so the twin is the same in a test, a browser and a socket.
 */
import type { Operation } from '../model/operation.js'
import type { EventsWatch } from './events-route.js'

export interface EngineApiRequest {
  method: string
  /** The path, with its version prefix if any (`/v1.51/networks/create`), without the query. */
  path: string
  query: Readonly<Record<string, string>>
  /**
   * The twin's wall clock, in seconds: the lab's logical clock is moved up to
   * it first (never back), so that a client's "2 minutes ago" is true.
   */
  now?: number
  /** The body's text, if the request had one (the twin parses it, and words a bad one as the engine does). */
  body?: string
  /**
   * The client asked to take the connection over (`Connection: Upgrade`, `Upgrade: tcp`), as the
   * docker CLI does for an exec's stream: the engine answers `101 UPGRADED` rather than `200 OK`.
   */
  upgrade?: boolean
}

export interface EngineApiAnswer {
  status: number
  headers: Record<string, string>
  /**
   * A JSON document (marshalled as Go does), a text (`OK` of `/_ping`), the bytes of a hijacked
   * stream (an exec's output; the connection closes after them), the events stream (GET /events:
   * its replay, then what it accepts of later events while it follows), or nothing (204).
   */
  body?:
    | { json: unknown }
    | { text: string }
    | { stream: Uint8Array; contentType: string }
    | { events: EventsWatch }
  /** What the daemon did underneath, for the twin's log. */
  operations: Operation[]
}
