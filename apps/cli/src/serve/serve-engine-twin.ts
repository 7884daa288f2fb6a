/**
 * `netmodes serve --docker-api`: the Docker Engine API twin, so the real
 * docker CLI (or Compose, or an SDK) drives a simulated host:
 * `DOCKER_HOST=unix:///tmp/netmodes.sock docker run ...`. Kept until SIGINT
 * or SIGTERM; the lab file is what `netmodes trace --lab FILE` reads.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { EngineVersion } from '@netmodes/core'

export interface ServeEngineTwinOptions {
  listen: string
  engine?: EngineVersion
  labFile: string
  explain: boolean
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** Resolves with the exit code once the twin has stopped (2 when it cannot start). */
export async function serveEngineTwin(options: ServeEngineTwinOptions): Promise<number> {
  let startEngineTwin: typeof import('@netmodes/server').startEngineTwin
  try {
    ;({ startEngineTwin } = await import('@netmodes/server'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error
    options.stderr('netmodes: serve needs the @netmodes/server package next to netmodes\n')
    return 2
  }
  let twin: Awaited<ReturnType<typeof startEngineTwin>>
  try {
    mkdirSync(dirname(options.labFile), { recursive: true })
    if (options.listen.startsWith('unix://')) mkdirSync(dirname(options.listen.slice(7)), { recursive: true })
    twin = await startEngineTwin({
      listen: options.listen,
      labFile: options.labFile,
      ...(options.engine ? { engine: options.engine } : {}),
      ...(options.explain ? { log: (line: string) => options.stderr(`${line}\n`) } : {}),
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    options.stderr(
      code
        ? `netmodes: cannot listen on ${options.listen}: ${code}\n`
        : `netmodes: ${(error as Error).message}\n`,
    )
    return 2
  }
  options.stdout(
    `netmodes Docker Engine API twin (Docker ${twin.lab().profile.version}) on ${twin.dockerHost}, lab ${options.labFile}\n` +
      `  export DOCKER_HOST=${twin.dockerHost}\n`,
  )
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await twin.close()
  return 0
}
