/**
 * The web UI's build for `netmodes serve` to serve at `/`: @netmodes/web's
 * dist, loaded like the server only by this command. In the workspace it is
 * there once built; elsewhere the API runs alone and says why.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The folder to serve, or why there is none. */
export async function webUiRoot(): Promise<{ root: string } | { missing: string }> {
  let webRoot: string
  try {
    ;({ webRoot } = await import('@netmodes/web'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error
    return { missing: 'the web UI needs the @netmodes/web package next to netmodes' }
  }
  if (!existsSync(join(webRoot, 'index.html'))) {
    return { missing: 'the web UI is not built yet (build the workspace first)' }
  }
  return { root: webRoot }
}
