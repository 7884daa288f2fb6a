/**
 * The live engine a server was started with (`--docker-host`): how to reach
 * it, whether writes are allowed and with which token. Everything it does
 * is @netmodes/docker's, as `netmodes live` does it; the adapter is loaded
 * only when live mode is on.
 */
import type { LabState } from '@netmodes/core'
import type { DockerConnection } from '@netmodes/docker'
import { ApiError } from '../api-error.js'
import { MIN_TOKEN_LENGTH } from './bearer-token.js'

export interface LiveOptions {
  /** `unix:///path/to/docker.sock` (or `tcp://host:port`), as `docker --host` takes it. */
  dockerHost: string
  /** Replays and verifications on the engine; they need `token` too. */
  allowWrites?: boolean
  /** The bearer token writes must carry (at least 16 characters). */
  token?: string
}

export type DockerAdapter = typeof import('@netmodes/docker')

/** Throws at start for options that cannot work, rather than at the first request. */
export function checkLiveOptions(options: LiveOptions): void {
  if (!/^(unix:\/\/\/|tcp:\/\/)./.test(options.dockerHost)) {
    throw new Error(
      `docker host "${options.dockerHost}": expected unix:///path/to/docker.sock or tcp://host:port`,
    )
  }
  if (options.allowWrites && (options.token ?? '').length < MIN_TOKEN_LENGTH) {
    throw new Error(`writes to the live engine need a token of at least ${MIN_TOKEN_LENGTH} characters`)
  }
}

export class LiveEngine {
  private adapter: Promise<DockerAdapter> | undefined
  private reading: Promise<{ conn: DockerConnection; lab: LabState }> | undefined
  private writing: Promise<unknown> = Promise.resolve()

  constructor(readonly options: LiveOptions) {
    checkLiveOptions(options)
  }

  get allowWrites(): boolean {
    return this.options.allowWrites === true
  }

  docker(): Promise<DockerAdapter> {
    this.adapter ??= import('@netmodes/docker')
    return this.adapter
  }

  /** A connection checked just now (the engine may have gone since the last request): 503 when it does not answer. */
  async connect(): Promise<DockerConnection> {
    const docker = await this.docker()
    try {
      return await docker.connectDocker({ host: this.options.dockerHost })
    } catch (error) {
      if (error instanceof docker.DockerUnavailableError) {
        throw new ApiError(
          503,
          'ENGINE_UNAVAILABLE',
          `the live Docker engine does not answer: ${(error as Error).message}`,
        )
      }
      throw error
    }
  }

  /**
   * The engine read into a lab, as `netmodes live snapshot` reads it.
   * Requests that come while a read is under way share it: a burst of
   * clients costs the engine one read, not one each.
   */
  snapshot(): Promise<{ conn: DockerConnection; lab: LabState }> {
    this.reading ??= (async () => {
      try {
        const conn = await this.connect()
        const docker = await this.docker()
        return { conn, lab: await docker.snapshot(conn) }
      } finally {
        this.reading = undefined
      }
    })()
    return this.reading
  }

  /** Runs writes one at a time: two replays interleaved on one engine would see each other's objects. */
  exclusive<T>(write: () => Promise<T>): Promise<T> {
    const run = this.writing.then(write, write)
    this.writing = run.catch(() => undefined)
    return run
  }
}
