/**
 * `--daemon FILE`: the daemon.json the lab's Docker daemon starts with
 * (`netmodes run --daemon FILE x.sh`, or before the command for the lab
 * file: `netmodes --daemon /etc/docker/daemon.json docker network create app`).
 * Reading and checking it is core's (parseDaemonJson); this file names the
 * file in its errors, as dockerd names its --config-file.
 */
import { readFileSync } from 'node:fs'
import type { DaemonSettings } from '@netmodes/core'
import { NetmodesError, parseDaemonJson } from '@netmodes/core'

/** Commands whose lab a daemon configuration can start; the others refuse a global --daemon. */
export const DAEMON_COMMANDS: ReadonlySet<string> = new Set(['run', 'docker', 'diff'])

/**
 * @example
 * readDaemonFile('daemon.json') // { bip: '10.99.0.1/24' }
 */
export function readDaemonFile(path: string): DaemonSettings {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new NetmodesError(
      'NOT_FOUND',
      `cannot read daemon configuration ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    )
  }
  try {
    return parseDaemonJson(text)
  } catch (error) {
    if (error instanceof NetmodesError)
      throw new NetmodesError(error.code, `${path}: ${error.message.replace(/^daemon\.json: /, '')}`)
    throw error
  }
}
