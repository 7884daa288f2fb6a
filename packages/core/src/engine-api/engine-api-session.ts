/**
 * What the twin's daemon keeps beside the lab between requests and never in
 * it (nothing of it is networking): the images pulled, the exec instances
 * made (daemon/exec: created, run once, inspected), and the events logged.
 * A front end makes one per twin and passes it to every request.
 */
import type { RngState } from '../rng.js'
import type { EngineEvent } from './engine-events.js'

/** One exec instance (moby daemon/exec.Config), as ExecInspect reports it. */
export interface ExecInstance {
  id: string
  containerId: string
  cmd: string[]
  tty: boolean
  openStdin: boolean
  openStdout: boolean
  openStderr: boolean
  /** null until the process has run (ExecInspect's ExitCode is a *int). */
  exitCode: number | null
  pid: number
}

export interface EngineApiSession {
  /** The images pulled through this twin (a pull always succeeds; see images.ts). */
  images: Set<string>
  execs: Map<string, ExecInstance>
  /** Exec ids are drawn here, not from the lab's generator: an exec leaves the lab's next ids as they were. */
  rng: RngState
  /** The last events, oldest first (the daemon keeps 256: daemon/events eventsLimit). */
  events: EngineEvent[]
  /** Who follows the stream (`docker events` without --until): each new event is handed to them. */
  listeners: Set<(event: EngineEvent) => void>
}

/**
 * A new, empty session.
 *
 * @example
 * const session = createEngineApiSession()
 * answerEngineApi(lab, { method: 'GET', path: '/_ping', query: {} }, session)
 */
export function createEngineApiSession(): EngineApiSession {
  return {
    images: new Set(),
    execs: new Map(),
    rng: { seed: 0x0e8ec, counter: 0 },
    events: [],
    listeners: new Set(),
  }
}
