/**
 * (b) @netmodes/core in a browser: bundled from the installed tarball by
 * esbuild for `platform: 'browser'` with no Node polyfills (a Node built-in
 * anywhere in core fails the bundle), then a scenario run in headless
 * Chromium through playwright-core.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { type BrowserContext, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { chromiumArgs, chromiumPath, noChromium } from './browser.js'
import { installed } from './installed.js'

// The page's script: the same scenario as the README's, its result left on window for the test to read.
const entry = `import { createLab, findContainer, inspectContainer, runDocker } from '@netmodes/core'
const lab = createLab()
const steps = [
  runDocker(lab, 'docker network create --subnet 10.88.0.0/24 app'),
  runDocker(lab, 'docker run -d --name web --network app -p 8080:80 nginx'),
  runDocker(lab, 'docker network create --subnet 10.0.0.0/33 broken'),
]
const web = findContainer(lab, 'web')
window.netmodesResult = {
  exitCodes: steps.map((step) => step.exitCode),
  error: steps[2].error,
  ip: inspectContainer(lab, web).NetworkSettings.Networks.app.IPAddress,
  hasProcess: typeof process !== 'undefined',
}
`

async function bundleCore(): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: installed().project, loader: 'js' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

describe.skipIf(noChromium !== undefined)('@netmodes/core in headless Chromium', () => {
  let context: BrowserContext | undefined
  let userDataDir = ''

  beforeAll(async () => {
    userDataDir = mkdtempSync(join(installed().scratch, 'chromium-profile-'))
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    })
  })

  afterAll(async () => {
    await context?.close()
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true })
  })

  test('the browser bundle of core runs a scenario as Docker would', async () => {
    const bundle = await bundleCore()
    expect(bundle).not.toMatch(/from\s*["']node:/)
    const page = await (context as BrowserContext).newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.setContent('<!doctype html><title>netmodes</title>')
    await page.addScriptTag({ type: 'module', content: bundle })
    await page.waitForFunction(() => 'netmodesResult' in globalThis)
    const result = await page.evaluate(
      () => (globalThis as unknown as { netmodesResult: unknown }).netmodesResult,
    )
    expect(pageErrors).toEqual([])
    expect(result).toEqual({
      exitCodes: [0, 0, 1],
      // Docker 28's text (createLab's default engine).
      error:
        'Error response from daemon: invalid network config:\ninvalid subnet 10.0.0.0/33: invalid CIDR block notation\n',
      ip: '10.88.0.2',
      hasProcess: false,
    })
  })
})
