import { NetmodesError } from '@netmodes/core'

/**
 * No Docker Engine answers at the endpoint: the daemon is not running, the
 * socket is missing or refused, or the address is wrong. Its code is
 * 'UNSUPPORTED': without an engine this adapter can do nothing.
 *
 * @example
 * try {
 *   await connectDocker({ host: 'unix:///nonexistent.sock' })
 * } catch (error) {
 *   if (error instanceof DockerUnavailableError) console.error(error.message)
 * }
 */
export class DockerUnavailableError extends NetmodesError {
  constructor(
    readonly endpoint: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(
      'UNSUPPORTED',
      `no Docker engine answers at ${endpoint} (${detail}): start dockerd or set DOCKER_HOST`,
      options,
    )
    this.name = 'DockerUnavailableError'
  }
}
