/**
 * The web UI by keyboard only, in a real Chromium: load an example, reach a
 * container on the drawing, open its ip addr, close it with Escape, run a
 * trace, every step by Tab, the arrow keys, typing and Enter, each control
 * reached showing its focus ring. Then the Modes tab after undo and redo: it
 * shows the lab at the history cursor, and what it applies goes in there.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { RunningServer } from '@netmodes/server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchChromium, noChromium } from './browser.js'
import { serveWeb } from './serve-web.js'

const ARTIFACTS = join(import.meta.dirname, '..', 'test-artifacts')

describe.skipIf(noChromium !== undefined)('the web UI by keyboard', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  const problems: string[] = []
  /** Every control Tab stopped on: what it was and whether its focus ring showed. */
  const stops: { what: string; ring: boolean }[] = []

  /** Presses Tab until the focused element matches the selector; every stop on the way is kept. */
  async function tabTo(selector: string, limit = 400): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab')
      const stop = await page.evaluate((wanted) => {
        const el = document.activeElement
        if (!el || el === document.body) return { what: 'body', ring: false, hit: false }
        const style = getComputedStyle(el)
        const rect = el.querySelector(':scope > rect')
        // A drawing's node shows its ring as its rect's stroke; everything else as an outline.
        const ring = rect
          ? getComputedStyle(rect).strokeWidth === '3px'
          : style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2
        const what = `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}${el.getAttribute('aria-label') ? ` "${el.getAttribute('aria-label')}"` : ''}`
        return { what, ring, hit: el.matches(wanted) }
      }, selector)
      stops.push({ what: stop.what, ring: stop.ring })
      if (stop.hit) return
    }
    throw new Error(`Tab never reached ${selector}; last stops: ${stops.slice(-5).map((s) => s.what)}`)
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    server = await serveWeb()
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1500, height: 950 } })
    page.setDefaultTimeout(10_000)
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`)
    })
    await page.goto(`${server.url}/`)
    await page.locator('[data-box]').first().waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  test('the main flow, by keyboard only: example, container, ip addr, Escape, trace', async () => {
    // Load an example: Tab to the menu, type its first letters.
    await tabTo('[data-testid=examples]')
    await page.keyboard.type('bridge')
    await expect.poll(() => page.locator('[data-containers~="api"]').count()).toBe(1)
    // Tab through the header and the editor to the drawing: one stop, its first box.
    await tabTo('svg.drawing [data-box]')
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')
    // The arrow keys walk the drawing: down to the containers' row, then right to api.
    for (let i = 0; i < 6 && !(await focused()).startsWith('container '); i++)
      await page.keyboard.press('ArrowDown')
    for (let i = 0; i < 6 && !(await focused()).startsWith('container api'); i++)
      await page.keyboard.press('ArrowRight')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-containers'))).toBe('api')
    await page.keyboard.press('Enter')
    const ipAddr = page.locator('[data-testid=ip-addr]')
    await expect.poll(() => ipAddr.textContent()).toContain('inet 10.88.0.10/24')
    // Up from a container's box goes to a node above it, Down comes back.
    await page.keyboard.press('ArrowUp')
    const above = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
    expect(above).toBeTruthy()
    expect(above).not.toBe(await page.locator('[data-containers~="api"]').getAttribute('aria-label'))
    await page.keyboard.press('ArrowDown')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-containers'))).toBe('api')
    await page.screenshot({ path: join(ARTIFACTS, '30-keyboard-panel.png') })
    // Escape closes the panel; focus stays on the node.
    await page.keyboard.press('Escape')
    await expect.poll(() => ipAddr.count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-containers'))).toBe('api')
    // From the panel's own close button, Escape sends focus back to the node.
    await page.keyboard.press('Enter')
    await tabTo('[data-testid=panel-close]')
    await page.keyboard.press('Escape')
    await expect.poll(() => ipAddr.count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-containers'))).toBe('api')
    // A trace: the Trace tab, db to api, Enter on Trace. From the drawing, the next Tab leaves it.
    const pressed = stops.length
    await tabTo('[data-testid=tab-trace]')
    // The drawing is one stop: one Tab from its node reaches the first tab under it.
    expect(stops.length - pressed).toBe(1)
    await page.keyboard.press('Enter')
    await tabTo('[data-testid=trace-from]')
    await page.keyboard.type('db')
    await tabTo('[data-testid=trace-to]')
    await page.keyboard.type('api')
    await tabTo('[data-testid=trace-run]')
    await page.keyboard.press('Enter')
    const verdict = page.locator('[data-testid=trace-verdict]')
    await expect.poll(() => verdict.textContent()).toMatch(/Dropped at hop \d+: .*cannot resolve "api"/)
    await expect.poll(() => page.locator('.drawing .dropped').count()).toBeGreaterThan(0)
    await page.screenshot({ path: join(ARTIFACTS, '31-keyboard-trace.png') })
    // Every stop showed its focus ring.
    expect(stops.filter((s) => !s.ring)).toEqual([])
    expect(stops.length).toBeGreaterThan(20)
  })

  test('the Modes tab follows undo and redo; a switch applied after undo goes in at the cursor', async () => {
    const position = page.locator('[data-testid=history-position]')
    await expect.poll(() => position.textContent()).toBe('command 5 of 5')
    await page.keyboard.press('Alt+Z')
    await page.keyboard.press('Alt+Z')
    await expect.poll(() => position.textContent()).toBe('command 3 of 5')
    await page.click('[data-testid=tab-modes]')
    // api's docker run is undone: the tab offers only what runs at the cursor.
    const containers = () =>
      page.locator('[data-testid=switch-container] option').evaluateAll((os) => os.map((o) => o.textContent))
    await expect.poll(containers).toEqual(['web', 'db'])
    await page.keyboard.press('Alt+Shift+Z')
    await page.keyboard.press('Alt+Shift+Z')
    await expect.poll(containers).toEqual(['web', 'db', 'api'])
    // The pairs that change with web moved to app: after redo, web is already on app and api reaches it.
    await page.selectOption('[data-testid=switch-container]', 'web')
    await page.selectOption('[data-testid=switch-mode]', 'none')
    const changes = page.locator('[data-testid=switch-changes]')
    await expect.poll(() => changes.textContent()).toContain('api → web')
    await page.keyboard.press('Alt+Z')
    await page.keyboard.press('Alt+Z')
    await expect.poll(() => changes.textContent()).not.toContain('api')
    expect(await page.locator('.device[aria-label^="eth0 (bridge)"]').count()).toBe(2)
    // Applied at command 3 of 5: the two lines go in there, api's lines stay to be redone.
    await page.click('[data-testid=switch-apply]')
    await expect.poll(() => position.textContent()).toBe('command 5 of 7')
    const source = (
      await page
        .locator('.lines input')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    ).filter((l) => l.startsWith('docker '))
    expect(source.slice(3)).toEqual([
      'docker rm -f web',
      'docker run -d --name web --network none -p 8080:80 nginx',
      'docker run -d --name api --network app --ip 10.88.0.10 --network-alias backend busybox sleep 3600',
      'docker network connect app web',
    ])
    // web now has no network: of the two containers on the default bridge only db is left.
    await expect.poll(() => page.locator('.device[aria-label^="eth0 (bridge)"]').count()).toBe(1)
    await page.click('[data-testid=redo]')
    await page.click('[data-testid=redo]')
    await expect.poll(() => position.textContent()).toBe('command 7 of 7')
    expect(problems).toEqual([])
  })
})
