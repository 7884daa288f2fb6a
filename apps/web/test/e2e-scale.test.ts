/**
 * The web UI at 1,000 containers, in a real Chromium: typing a line never
 * blocks the page for long (the run is in a worker); the heat map of 1,003
 * endpoints, the 158 iptables rules of a bridge and the pairs a mode switch
 * changes are all there to scroll to, with only the rows in view in the DOM.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { RunningServer } from '@netmodes/server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchChromium, noChromium } from './browser.js'
import { serveWeb } from './serve-web.js'

const ARTIFACTS = join(import.meta.dirname, '..', 'test-artifacts')

/** 1,000 containers on 20 user-defined networks, one port published on every tenth (the bench's lab). */
function scenario(n: number): string {
  const networks = Math.ceil(n / 50)
  const lines: string[] = []
  for (let i = 0; i < networks; i++) lines.push(`docker network create net${i}`)
  for (let i = 0; i < n; i++) {
    const publish = i % 10 === 0 ? ` -p ${10000 + i}:80` : ''
    lines.push(`docker run -d --name c${i} --network net${i % networks}${publish} busybox`)
  }
  return lines.join('\n')
}

describe.skipIf(noChromium !== undefined)('the web UI at 1,000 containers', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  const problems: string[] = []

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    server = await serveWeb()
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1500, height: 950 } })
    page.setDefaultTimeout(30_000)
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    await page.goto(`${server.url}/`)
    await page.locator('[data-box]').first().waitFor()
    await page.click('[data-testid=editor-mode]')
    await page.locator('[data-testid=source]').fill(scenario(1000))
    await page.waitForFunction(
      () => document.querySelector('svg.drawing')?.getAttribute('data-boxes') === '1001',
      null,
      { timeout: 60_000 },
    )
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  test('typing a line: no main-thread task of 300 ms, from the first key to the re-run lab drawn', async () => {
    // Chromium reports every task of 50 ms or more ('longtask'). With the run on the main thread the
    // run after the pause in typing was one task of 400-575 ms here; in the worker the longest task
    // (drawing the new layout) measured 131-148 ms on a quiet machine and 213 ms on a loaded one,
    // so the bound is 300 ms, not 200: the test would fail with the run back on the main thread.
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] }
      w.longTasks = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration)
      }).observe({ type: 'longtask' })
    })
    await page.click('[data-testid=editor-mode]')
    const last = page.locator('.lines li').last().locator('input')
    await last.focus()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    for (const ch of 'docker run -d --name typed busybox') await page.keyboard.type(ch, { delay: 40 })
    // The lab has been run again and the new container laid out and drawn.
    await page.locator('[data-containers="typed"]').waitFor({ timeout: 60_000 })
    const pending = await page.locator('[data-testid=editor-pending]').textContent()
    const boxes = await page.locator('svg.drawing').getAttribute('data-boxes')
    const longTasks = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) =>
          setTimeout(() => resolve((window as unknown as { longTasks: number[] }).longTasks), 300),
        ),
    )
    // The lab the other tests read, first: the 1,000 containers without the typed one, the editor as text.
    await page.click('[data-testid=editor-mode]')
    await page.locator('[data-testid=source]').fill(scenario(1000))
    await page.locator('[data-containers="typed"]').waitFor({ state: 'detached', timeout: 60_000 })
    await expect.poll(() => page.locator('svg.drawing').getAttribute('data-boxes')).toBe('1001')
    expect(pending).toBe('')
    expect(boxes).toBe('1002')
    expect(Math.max(0, ...longTasks)).toBeLessThan(300)
  })

  test('an edit made while the run of the one before is in the worker: the lab shown is the later one', async () => {
    // The editor is as text, as the test before left it.
    const source = page.locator('[data-testid=source]')
    await source.fill(`${scenario(1000)}\ndocker run -d --name first busybox`)
    // Past the pause in typing (250 ms): the first edit's run is under way in the worker.
    await page.waitForTimeout(350)
    await source.fill(`${scenario(1000)}\ndocker run -d --name second busybox`)
    await page.locator('[data-containers="second"]').waitFor({ timeout: 60_000 })
    await expect.poll(() => page.locator('[data-testid=editor-pending]').textContent()).toBe('')
    expect(await page.locator('[data-containers="first"]').count()).toBe(0)
    expect(await page.locator('svg.drawing').getAttribute('data-boxes')).toBe('1002')
    await source.fill(scenario(1000))
    await page.locator('[data-containers="second"]').waitFor({ state: 'detached', timeout: 60_000 })
  })

  test('the heat map has all 1,003 endpoints, a few hundred elements in the DOM, the last cell reached', async () => {
    await page.click('[data-testid=tab-matrix]')
    const matrix = page.locator('[data-testid=matrix]')
    expect(await matrix.getAttribute('data-endpoints')).toBe('1003')
    const elements = () => matrix.evaluate((m) => m.querySelectorAll('*').length)
    expect(await elements()).toBeLessThan(400)
    const heat = page.locator('[data-testid=heat]')
    await heat.evaluate((h) => {
      h.scrollTop = h.scrollHeight
      h.scrollLeft = h.scrollWidth
    })
    await expect.poll(() => heat.locator('.heat-column', { hasText: /^\s*internet\s*$/ }).count()).toBe(1)
    expect(await elements()).toBeLessThan(400)
    // The bottom-right cell, under the pointer: internet with itself.
    const cells = await page.locator('[data-testid=heat-cells]').boundingBox()
    if (!cells) throw new Error('no heat map')
    await page.mouse.move(cells.x + cells.width - 9, cells.y + cells.height - 9)
    await expect
      .poll(() => page.locator('[data-testid=matrix-reason]').textContent())
      .toBe('internet → internet: same namespace')
    // The keyboard walks to the first cell from anywhere: Home on the row, then up the column.
    await heat.focus()
    await page.keyboard.press('Home')
    await page.keyboard.press('PageUp')
    expect(await page.locator('[data-testid=matrix-reason]').textContent()).toMatch(/^c\d+ → c0: /)
    await page.screenshot({ path: join(ARTIFACTS, '20-scale-reachability.png') })
  })

  test("a bridge's 158 rules: only those in view are drawn, the last one scrolled to", async () => {
    await page.locator('.device.bridge[aria-label*="(net0)"]').focus()
    await page.keyboard.press('Enter')
    const rules = page.locator('[data-testid=rules]')
    await expect.poll(() => rules.getAttribute('data-rows')).toBe('158')
    const drawn = Number(await rules.getAttribute('data-drawn'))
    expect(drawn).toBeGreaterThan(5)
    expect(drawn).toBeLessThan(80)
    expect(await rules.locator('li').count()).toBe(drawn)
    // Rows measured on the way change the list's height: scrolled to the end until it is the end.
    await expect
      .poll(async () => {
        await rules.evaluate((r) => {
          r.scrollTop = r.scrollHeight
        })
        return rules.locator('li').last().getAttribute('data-index')
      })
      .toBe('157')
    expect(await rules.locator('li').count()).toBeLessThan(80)
    await page.screenshot({ path: join(ARTIFACTS, '21-scale-rules.png') })
  })

  test('moving one of 1,000 containers to host mode: the changed pairs, drawn as they are scrolled to', async () => {
    await page.click('[data-testid=tab-modes]')
    await page.selectOption('[data-testid=switch-container]', 'c5')
    await page.selectOption('[data-testid=switch-mode]', 'host')
    const changes = page.locator('[data-testid=switch-changes]')
    await expect.poll(() => changes.getAttribute('data-rows'), { timeout: 30_000 }).not.toBeNull()
    const rows = Number(await changes.getAttribute('data-rows'))
    expect(rows).toBeGreaterThan(100)
    expect(await page.locator('[data-testid=switch-change-count]').textContent()).toBe(
      `${rows} pairs change.`,
    )
    expect(await changes.locator('li').count()).toBeLessThan(100)
    expect(problems).toEqual([])
  })
})
