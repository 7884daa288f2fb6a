import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { NetmodesError } from '@netmodes/core'
import Docker from 'dockerode'
import { engineRequest } from './_engine-request.js'
import { netnsOf, netnsPath, socketListener } from './_proc.js'
import { DockerUnavailableError } from './docker-unavailable-error.js'

/**
 * The endpoint the docker CLI uses when neither `--host` nor DOCKER_HOST says otherwise.
 *
 * @example
 * await connectDocker({ host: DEFAULT_DOCKER_HOST })
 */
export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock'

// The Engine API the docker CLI of an engine's generation negotiates: the
// 20.10 CLI speaks at most 1.41, the 28.2 CLI at most 1.50 (a 28.5 daemon
// offers 1.51). Requests and answers then have that client's shapes: what the
// adapter reads is what that CLI's `docker inspect` prints.
const CLI_API_BY_ENGINE: readonly (readonly [major: number, api: string])[] = [
  [28, '1.50'],
  [0, '1.41'],
]

/**
 * The API version the docker CLI of an engine's generation asks for: 1.50
 * (docker 28.2) for an engine 28 or newer, else 1.41 (docker 20.10).
 *
 * @example
 * cliApiVersion('28.5.2+dfsg4') // "1.50"
 * cliApiVersion('20.10.24+dfsg1') // "1.41"
 */
export function cliApiVersion(serverVersion: string): string {
  const major = Number.parseInt(serverVersion, 10) || 0
  return CLI_API_BY_ENGINE.find(([from]) => major >= from)?.[1] ?? '1.41'
}

const PING_TIMEOUT_MS = 5000

/** A live connection to a Docker Engine. */
export interface DockerConnection {
  /** The dockerode client, with the API version negotiated as the CLI of the engine's generation does. */
  docker: Docker
  /** Where the engine answered, e.g. `unix:///var/run/docker.sock` or `tcp://10.0.0.5:2375`. */
  endpoint: string
  /** True for a unix socket: the engine runs on this machine, so its netns and iptables are readable here. */
  local: boolean
  /** The engine's version (`docker version` Server.Version), e.g. "20.10.24+dfsg1". */
  serverVersion: string
  /** The Engine API version requests use, e.g. "1.41". */
  apiVersion: string
  /**
   * The network namespace of a local engine that does not run in ours (e.g.
   * `/run/netns/d28`): the host-side tools (`ip`, `iptables-save`, probes,
   * `host` lines) run there through `nsenter --net`. Undefined for an engine
   * in our namespace, and for a remote one.
   */
  netns?: string
}

/** Options of {@link connectDocker}. */
export interface ConnectDockerOptions {
  /** `unix:///path` or `tcp://host:port`; defaults to DOCKER_HOST, then {@link DEFAULT_DOCKER_HOST}. */
  host?: string
  /**
   * The newest API version to ask for, as a client of that version would
   * (default {@link cliApiVersion} of the engine: 1.41, or 1.50 for 28).
   */
  apiVersion?: string
}

function compareApiVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number)
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number)
  return aMajor - bMajor || aMinor - bMinor
}

// DOCKER_TLS_VERIFY turns tcp:// into TLS with the CLI's certificate files.
function tlsFiles(): { ca: Buffer; cert: Buffer; key: Buffer } | undefined {
  if (!process.env.DOCKER_TLS_VERIFY) return undefined
  const dir = process.env.DOCKER_CERT_PATH || join(homedir(), '.docker')
  return {
    ca: readFileSync(join(dir, 'ca.pem')),
    cert: readFileSync(join(dir, 'cert.pem')),
    key: readFileSync(join(dir, 'key.pem')),
  }
}

function clientFor(endpoint: string): { docker: Docker; local: boolean } {
  if (endpoint.startsWith('unix://')) {
    const socketPath = endpoint.slice('unix://'.length)
    if (!socketPath.startsWith('/')) {
      throw new NetmodesError(
        'INVALID_INPUT',
        `Docker host "${endpoint}": a unix socket path must be absolute`,
      )
    }
    return { docker: new Docker({ socketPath }), local: true }
  }
  if (endpoint.startsWith('tcp://')) {
    const url = new URL(`http://${endpoint.slice('tcp://'.length)}`)
    const tls = tlsFiles()
    const docker = new Docker({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || (tls ? '2376' : '2375'),
      protocol: tls ? 'https' : 'http',
      ...(tls ?? {}),
    })
    return { docker, local: false }
  }
  throw new NetmodesError(
    'INVALID_INPUT',
    `Docker host "${endpoint}": expected unix:///path/to/docker.sock or tcp://host:port`,
  )
}

// The namespace of the daemon listening on a local socket, when not ours: a socket bound in
// another network namespace is reachable through the filesystem but listed only in that
// namespace's /proc/net/unix. Undefined when it cannot be seen (not root): the tools run here.
function engineNetns(socketPath: string): string | undefined {
  const listener = socketListener(socketPath)
  if (!listener || listener.netns === netnsOf('self')) return undefined
  return netnsPath(listener.pid)
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'AbortError') return `no answer within ${PING_TIMEOUT_MS} ms`
  if (error instanceof Error) return error.message
  return String(error)
}

/**
 * Connects to a Docker Engine the way the docker CLI finds one (`host`
 * option, else DOCKER_HOST, else the local socket), checks that it answers,
 * and negotiates the API version as the docker CLI of the engine's
 * generation does (at most 1.41 for 20.10, 1.50 for 28: {@link cliApiVersion}).
 * Throws {@link DockerUnavailableError} when nothing answers.
 *
 * @example
 * const conn = await connectDocker()
 * console.log(conn.endpoint, conn.serverVersion) // unix:///var/run/docker.sock 20.10.24+dfsg1
 */
export async function connectDocker(options: ConnectDockerOptions = {}): Promise<DockerConnection> {
  const endpoint = options.host || process.env.DOCKER_HOST || DEFAULT_DOCKER_HOST
  const { docker, local } = clientFor(endpoint)
  let serverVersion: string
  let serverApi: string
  try {
    const ping = await engineRequest(docker, {
      method: 'GET',
      path: '/_ping',
      signal: AbortSignal.timeout(PING_TIMEOUT_MS),
    })
    if (ping.status !== 200) throw new Error(`/_ping answered HTTP ${ping.status}`)
    const version = await engineRequest(docker, {
      method: 'GET',
      path: '/version',
      signal: AbortSignal.timeout(PING_TIMEOUT_MS),
    })
    const parsed = JSON.parse(version.text) as { Version?: string; ApiVersion?: string }
    if (version.status !== 200 || !parsed.Version || !parsed.ApiVersion) {
      throw new Error(`/version answered HTTP ${version.status} without a version`)
    }
    serverVersion = parsed.Version
    serverApi = parsed.ApiVersion
  } catch (error) {
    throw new DockerUnavailableError(endpoint, describeFailure(error), { cause: error })
  }
  const wanted = options.apiVersion ?? cliApiVersion(serverVersion)
  const apiVersion = compareApiVersions(serverApi, wanted) < 0 ? serverApi : wanted
  // Every later request goes to /v1.41/... (or /v1.50/...), as that CLI's do.
  ;(docker.modem as unknown as { version: string }).version = `v${apiVersion}`
  const netns = local ? engineNetns(endpoint.slice('unix://'.length)) : undefined
  return { docker, endpoint, local, serverVersion, apiVersion, ...(netns ? { netns } : {}) }
}
