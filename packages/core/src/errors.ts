/** What kind of failure an error is; apps map it to an HTTP status or an exit code. */
export type ErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'EXHAUSTED' | 'UNSUPPORTED' | 'INTERNAL'

/**
 * The one base class of netmodes' errors.
 *
 * @example
 * throw new NetmodesError('NOT_FOUND', 'network app not found')
 */
export class NetmodesError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'NetmodesError'
  }
}

/**
 * An error the Docker daemon returns. `message` is the daemon's text; `cliText`
 * is exactly what the docker CLI prints on stderr for it (the prefix depends
 * on the command: `docker run` prints "docker: Error response from daemon: ...").
 *
 * @example
 * new DockerDaemonError('CONFLICT', 'Pool overlaps with other one on this address space')
 */
export class DockerDaemonError extends NetmodesError {
  /**
   * What the daemon's failed request leaves behind all the same, applied
   * once the command's transaction is rolled back (20.10's pools cursor, moved
   * by an IPv4 pool the request took and gave back).
   */
  kept?: () => void

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options)
    this.name = 'DockerDaemonError'
  }
}

/**
 * An error the docker CLI itself reports before or without asking the daemon
 * (usage errors, client-side validation). `exitCode` is the CLI's.
 *
 * @example
 * new DockerCliError('every ip-range or gateway must have a corresponding subnet', 1)
 */
export class DockerCliError extends NetmodesError {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super('INVALID_INPUT', message)
    this.name = 'DockerCliError'
  }
}

const CODES = new Set<string>([
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'EXHAUSTED',
  'UNSUPPORTED',
  'INTERNAL',
])

/**
 * Is this one of netmodes' errors? Checked by shape as well as by class: a
 * bundled CLI and the Docker adapter may each carry their own copy of core,
 * and `instanceof` only knows one of them.
 *
 * @example
 * if (isNetmodesError(error)) console.error(error.message)
 */
export function isNetmodesError(error: unknown): error is NetmodesError {
  if (error instanceof NetmodesError) return true
  const e = error as { code?: unknown } | null
  return error instanceof Error && typeof e?.code === 'string' && CODES.has(e.code)
}
