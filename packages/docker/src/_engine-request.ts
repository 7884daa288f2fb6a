/**
 * One Engine API request through dockerode's modem, answered with the raw
 * body: the docker CLI prints inspect documents as the daemon wrote them
 * (json.Indent of the raw bytes), so the adapter keeps the exact text, and
 * it judges status codes itself the way the Go client does (2xx and 3xx
 * succeed: 304 "already started" is not an error).
 */
import type { IncomingMessage } from 'node:http'
import type Docker from 'dockerode'

/** What the daemon answered. */
export interface EngineResponse {
  status: number
  text: string
}

/** A request the daemon refused; `message` is its text, trimmed as the Go client trims it. */
export class DaemonError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'DaemonError'
  }
}

/** The request to send: `body` is JSON-encoded; `query` values are strings already. */
export interface EngineRequest {
  method: 'GET' | 'POST' | 'DELETE' | 'HEAD'
  path: string
  query?: Record<string, string>
  body?: unknown
  signal?: AbortSignal
}

// Every status reaches the caller: modem's own tables would turn 304 into an error.
const ANY_STATUS: Record<number, boolean> = Object.fromEntries(
  Array.from({ length: 500 }, (_, i) => [i + 100, true]),
)

interface ModemDialOptions {
  path: string
  method: string
  options: { _query: Record<string, string>; _body: unknown }
  statusCodes: Record<number, boolean>
  isStream: boolean
  allowEmpty?: boolean
  abortSignal?: AbortSignal
}

type Dial = (
  options: ModemDialOptions,
  callback: (error: Error | null, response: IncomingMessage) => void,
) => void

/**
 * Sends one request and reads the whole answer.
 *
 * @example
 * const { status, text } = await engineRequest(docker, { method: 'GET', path: '/networks/bridge' })
 */
export async function engineRequest(docker: Docker, request: EngineRequest): Promise<EngineResponse> {
  const dial = (docker.modem as unknown as { dial: Dial }).dial.bind(docker.modem)
  // modem sends `_body` for POST only, and drops an empty object, as the Go client sends no body.
  const options: ModemDialOptions = {
    path: `${request.path}?`,
    method: request.method,
    options: { _query: request.query ?? {}, _body: request.body ?? {} },
    statusCodes: ANY_STATUS,
    isStream: true,
    ...(request.body !== undefined ? { allowEmpty: true } : {}),
    ...(request.signal ? { abortSignal: request.signal } : {}),
  }
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    dial(options, (error, res) => (error ? reject(error) : resolve(res)))
  })
  const chunks: Buffer[] = []
  for await (const chunk of response) chunks.push(chunk as Buffer)
  return { status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }
}

/**
 * The daemon's error text for a failed response, as the Go client reads it:
 * the JSON `message` when the body is JSON, else the body, trimmed.
 */
export function daemonMessage(response: EngineResponse): string {
  try {
    const parsed = JSON.parse(response.text) as { message?: unknown }
    if (parsed && typeof parsed.message === 'string') return parsed.message.trim()
  } catch {
    // not JSON: the body itself is the message
  }
  return response.text.trim()
}

/**
 * Sends a request and throws a DaemonError unless it succeeded (2xx or 3xx).
 *
 * @example
 * const { text } = await callEngine(docker, { method: 'POST', path: '/networks/create', body })
 */
export async function callEngine(docker: Docker, request: EngineRequest): Promise<EngineResponse> {
  const response = await engineRequest(docker, request)
  if (response.status >= 200 && response.status < 400) return response
  throw new DaemonError(response.status, daemonMessage(response))
}
