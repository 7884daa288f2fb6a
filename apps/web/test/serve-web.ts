/** The real server on an ephemeral loopback port, serving this package's build at `/`, as `netmodes serve` does. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { type RunningServer, startServer } from '@netmodes/server'
import { webRoot } from '../web-root.js'

export function serveWeb(): Promise<RunningServer> {
  // turbo builds the package before its tests; a missing build is a clear failure, not a blank page.
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`no web build at ${webRoot}: run vite build`)
  return startServer({ port: 0, host: '127.0.0.1', workers: 1, webRoot })
}
