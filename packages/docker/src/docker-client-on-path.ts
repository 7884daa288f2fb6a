import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter } from 'node:path'

/**
 * The first `docker` on PATH whose client version matches: a machine may
 * carry several clients (a newer one earlier on PATH than the one its own
 * engine came with), and a recording holds one client's texts. Each is asked
 * `docker version` with no engine to reach, so none is contacted.
 *
 * @example
 * dockerClientOnPath(/^20\.10\./) // the docker 20.10 client's absolute path, or undefined
 */
export function dockerClientOnPath(version: RegExp, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir.startsWith('/')) continue
    const file = `${dir}/docker`
    try {
      accessSync(file, constants.X_OK)
    } catch {
      continue
    }
    // Without an engine it exits 1, having printed its own version.
    const seen = spawnSync(file, ['version', '--format', '{{.Client.Version}}'], {
      encoding: 'utf8',
      env: { PATH: path, DOCKER_HOST: 'unix:///nonexistent/docker.sock', HOME: '/nonexistent' },
      timeout: 10_000,
    }).stdout?.trim()
    if (seen && version.test(seen)) return file
  }
  return undefined
}
