/**
 * The browser the browser test drives: Debian's chromium (scripts/test-browser.sh
 * installs it), never a browser playwright would download. Locally a missing
 * chromium skips the test with the reason; under CI it fails the run.
 */
import { existsSync } from 'node:fs'

export const chromiumPath = '/usr/bin/chromium'

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
]

function probe(): string | undefined {
  if (existsSync(chromiumPath)) return undefined
  const reason = `no chromium at ${chromiumPath} (run scripts/test-browser.sh to install it)`
  if (process.env.CI) throw new Error(`CI runs the browser test and needs chromium: ${reason}`)
  console.warn(`[@netmodes/packaging] skipping the browser test: ${reason}`)
  return reason
}

/** Why the browser test is skipped, or undefined when chromium is there. */
export const noChromium: string | undefined = probe()
