/**
 * The browser the end-to-end tests drive: Debian's chromium (scripts/test-browser.sh
 * installs it), never one playwright would download. Locally a missing chromium
 * skips the tests with the reason; under CI it fails the run.
 */
import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

export const chromiumPath = '/usr/bin/chromium'

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

function probe(): string | undefined {
  if (existsSync(chromiumPath)) return undefined
  const reason = `no chromium at ${chromiumPath} (run scripts/test-browser.sh to install it)`
  if (process.env.CI) throw new Error(`CI runs the web UI's browser tests and needs chromium: ${reason}`)
  console.warn(`[@netmodes/web] skipping the browser tests: ${reason}`)
  return reason
}

/** Why the browser tests are skipped, or undefined when chromium is there. */
export const noChromium: string | undefined = probe()

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs })
}
