/**
 * `netmodes serve --open`: the URL handed to the desktop's opener (or to
 * $BROWSER when set, as other command-line programs read it). Nothing waits
 * for the browser; when no opener can start, the printed URL is the way in.
 */
import { spawn } from 'node:child_process'

function opener(url: string): [string, string[]] {
  const browser = process.env.BROWSER
  if (browser) return [browser, [url]]
  if (process.platform === 'darwin') return ['open', [url]]
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '', url]]
  return ['xdg-open', [url]]
}

/** Resolves once the opener started, or with why it could not. */
export function openBrowser(url: string): Promise<string | undefined> {
  const [command, args] = opener(url)
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true })
    child.once('error', (error) => resolve(`cannot start ${command}: ${error.message}`))
    child.once('spawn', () => {
      child.unref()
      resolve(undefined)
    })
  })
}
