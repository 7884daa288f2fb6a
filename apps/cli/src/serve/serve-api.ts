/**
 * `netmodes serve`: starts @netmodes/server and keeps it until SIGINT or
 * SIGTERM. The server is a separate package, loaded only by this command
 * and not a dependency of the published CLI (its native SQLite binding
 * would weigh on every install): in the workspace it is there; elsewhere
 * the command says what to install. So is the web UI (@netmodes/web), served
 * at `/` when it is there.
 */

import { openBrowser } from './open-browser.js'
import { webUiRoot } from './web-ui-root.js'

export interface ServeApiOptions {
  port: string
  host: string
  dataDir: string
  /** A real engine for the /api/live routes. */
  dockerHost?: string
  allowWrites?: boolean
  token?: string
  /** Open the web UI in a browser once listening. */
  open?: boolean
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** Resolves with the exit code once the server has stopped (2 when it cannot start). */
export async function serveApi(options: ServeApiOptions): Promise<number> {
  const port = Number(options.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    options.stderr(`netmodes: --port "${options.port}": must be a number from 0 to 65535\n`)
    return 2
  }
  let startServer: typeof import('@netmodes/server').startServer
  try {
    ;({ startServer } = await import('@netmodes/server'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error
    options.stderr('netmodes: serve needs the @netmodes/server package next to netmodes\n')
    return 2
  }
  const web = await webUiRoot()
  let server: Awaited<ReturnType<typeof startServer>>
  try {
    server = await startServer({
      ...('root' in web ? { webRoot: web.root } : {}),
      port,
      host: options.host,
      dataDir: options.dataDir,
      ...(options.dockerHost ? { dockerHost: options.dockerHost } : {}),
      allowWrites: options.allowWrites === true,
      ...(options.token ? { token: options.token } : {}),
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // An errno is the socket's (port taken, address not ours); anything else, options that cannot work.
    options.stderr(
      code
        ? `netmodes: cannot listen on ${options.host}:${port}: ${code}\n`
        : `netmodes: ${(error as Error).message}\n`,
    )
    return 2
  }
  options.stdout(`netmodes API on ${server.url} (docs: ${server.url}/api/docs)\n`)
  if ('root' in web) options.stdout(`web UI on ${server.url}/\n`)
  else options.stderr(`netmodes: ${web.missing}: the API runs without it\n`)
  if (options.open) {
    const failed = 'root' in web ? await openBrowser(`${server.url}/`) : undefined
    if (failed) options.stderr(`netmodes: --open: ${failed}; open ${server.url}/ in a browser\n`)
  }
  if (options.dockerHost) {
    options.stdout(
      `live engine ${options.dockerHost}: ${options.allowWrites ? 'reads, and writes with the bearer token' : 'read-only'}\n`,
    )
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await server.close()
  return 0
}
