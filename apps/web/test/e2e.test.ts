/**
 * The web UI in a real Chromium, against the page served by apps/server on
 * loopback: load an example, edit a line and see Docker's error, click a
 * container and read its `ip addr`, trace a packet and see it dropped with
 * the reason, switch to Chinese, open a shared URL in a fresh page and get
 * the same lab. Each step leaves a screenshot in test-artifacts/.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { RunningServer } from '@netmodes/server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchChromium, noChromium } from './browser.js'
import { serveWeb } from './serve-web.js'

const ARTIFACTS = join(import.meta.dirname, '..', 'test-artifacts')

describe.skipIf(noChromium !== undefined)('the web UI in Chromium', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  /** What the page said went wrong: a CSP refusal, an uncaught error. */
  const problems: string[] = []

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false })
  const sourceOf = async (p: Page) =>
    (
      await p
        .locator('.lines input')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    ).join('\n')

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

  test('loads an example: its containers drawn in their namespaces', async () => {
    await page.selectOption('[data-testid=examples]', 'bridge')
    await expect.poll(() => page.locator('[data-containers~="api"]').count()).toBe(1)
    expect(await page.locator('[data-ifname="docker0"]').count()).toBe(1)
    expect(await page.locator('[data-ifname^="br-"]').count()).toBe(1)
    expect(await sourceOf(page)).toContain('docker network create --subnet 10.88.0.0/24 app')
    await shot('01-example-bridge')
  })

  test("edits a line and sees Docker's error under it", async () => {
    const values = await page
      .locator('.lines input')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    const number = values.findIndex((v) => v.startsWith('docker run -d --name db')) + 1
    expect(number).toBeGreaterThan(0)
    await page
      .locator(`li[data-line="${number}"] input`)
      .fill('docker run -d --name db --network nope postgres')
    const error = page.locator(`li[data-line="${number}"] [data-testid=line-error]`)
    await expect.poll(() => error.textContent()).toContain('network nope not found')
    await shot('02-edit-error')
    await page.locator(`li[data-line="${number}"] input`).fill('docker run -d --name db postgres')
    await expect.poll(() => error.count()).toBe(0)
  })

  test('clicks a container and reads its ip addr, with the rules that concern it', async () => {
    await page.locator('[data-containers~="api"] > rect').click({ position: { x: 4, y: 4 } })
    const ipAddr = page.locator('[data-testid=ip-addr]')
    await expect.poll(() => ipAddr.textContent()).toContain('inet 10.88.0.10/24')
    expect(await ipAddr.textContent()).toContain('eth0')
    expect(await page.locator('[data-testid=ip-route]').textContent()).toContain('default via 10.88.0.1')
    expect(await page.locator('[data-testid=side-panel]').textContent()).toContain('10.88.0.10')
    await shot('03-container-ip-addr')
  })

  test('traces a packet and sees it dropped, where and why', async () => {
    await page.click('[data-testid=tab-trace]')
    await page.selectOption('[data-testid=trace-from]', 'db')
    await page.selectOption('[data-testid=trace-to]', 'api')
    await page.click('[data-testid=trace-run]')
    const verdict = page.locator('[data-testid=trace-verdict]')
    await expect
      .poll(async () =>
        (await verdict.count())
          ? verdict.textContent()
          : page.locator('[data-testid=trace-panel]').textContent(),
      )
      .toMatch(/Dropped at hop \d+/)
    expect(await verdict.textContent()).toContain('cannot resolve "api"')
    // The packet stops on the drawing, marked where it was dropped.
    await expect.poll(() => page.locator('.drawing .dropped').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    await shot('04-trace-dropped')
    // A published port from the LAN is delivered, and its reply comes back.
    await page.selectOption('[data-testid=trace-from]', 'lan')
    await page.selectOption('[data-testid=trace-to]', 'host:8080/tcp')
    await page.click('[data-testid=trace-run]')
    await expect.poll(() => verdict.textContent()).toBe('Delivered.')
    // Each hop told by core, the request's and the reply's: the DNAT on the way in, un-DNAT on the way back.
    const [request, reply] = await page.locator('.hops').allTextContents()
    expect(request).toContain('DNAT')
    // The rule that matched, with its sentence.
    expect(request).toContain('Port 8080/tcp on every host address is published')
    expect(reply).toContain('[LAN]')
  })

  test('switches to Chinese: the UI and what core says about the lab', async () => {
    await page.selectOption('[data-testid=lang]', 'zh-CN')
    await expect.poll(() => page.locator('.editor h2').textContent()).toBe('场景')
    await page.locator('[data-containers~="api"] > rect').click({ position: { x: 4, y: 4 } })
    const panel = page.locator('[data-testid=side-panel]')
    await expect.poll(() => panel.textContent()).toContain('与它相关的 iptables 规则')
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await shot('05-chinese')
    // The trace speaks Chinese too: core's hops and drop reason, not only the UI's words.
    await page.click('[data-testid=tab-trace]')
    await page.selectOption('[data-testid=trace-from]', 'db')
    await page.selectOption('[data-testid=trace-to]', 'api')
    await page.click('[data-testid=trace-run]')
    await expect
      .poll(() => page.locator('[data-testid=trace-verdict]').textContent())
      .toContain('无法解析 "api"')
    await page.selectOption('[data-testid=lang]', 'en')
  })

  test('a shared URL opened in a fresh page gives the same lab; so does a saved lab', async () => {
    await page.click('[data-testid=share]')
    await expect.poll(() => page.url()).toMatch(/#s=v1\./)
    const shared = page.url()
    const expected = await sourceOf(page)
    const boxes = await page
      .locator('[data-box]')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-containers')))
    // The token is the server's own: GET /api/share/{token} reads the same scenario.
    const token = shared.slice(shared.indexOf('#s=') + 3)
    const fromServer = (await (await fetch(`${server.url}/api/share/${token}`)).json()) as {
      scenario: string
    }
    expect(fromServer.scenario).toBe(expected)

    const fresh = await browser.newContext({ viewport: { width: 1500, height: 950 } })
    const other = await fresh.newPage()
    await other.goto(shared)
    await expect.poll(() => sourceOf(other)).toBe(expected)
    await expect
      .poll(() =>
        other.locator('[data-box]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-containers'))),
      )
      .toEqual(boxes)
    await other.screenshot({ path: join(ARTIFACTS, '06-shared-url.png') })

    await page.click('[data-testid=save]')
    await expect.poll(() => page.url()).toMatch(/#lab=[A-Za-z0-9_-]+$/)
    const saved = await fresh.newPage()
    await saved.goto(page.url())
    await expect.poll(() => sourceOf(saved)).toBe(expected)
    await fresh.close()
  })

  test('undo and redo walk the command history; each command shows its operations', async () => {
    const position = page.locator('[data-testid=history-position]')
    const total = Number((await position.textContent())?.match(/of (\d+)/)?.[1])
    await page.click('[data-testid=undo]')
    await expect.poll(() => position.textContent()).toBe(`command ${total - 1} of ${total}`)
    // The last command connected web to app: undone, web has one interface left.
    await expect.poll(() => page.locator('.device[aria-label^="eth1 (app)"]').count()).toBe(0)
    await page.keyboard.press('Alt+Shift+Z')
    await expect.poll(() => position.textContent()).toBe(`command ${total} of ${total}`)
    await expect.poll(() => page.locator('.device[aria-label^="eth1 (app)"]').count()).toBe(1)
    const connect = page.locator('li.line:has(.operations)').last()
    await connect.locator('summary').click()
    expect(await connect.locator('.operations pre').textContent()).toContain('ip link add veth')
  })

  test('the reachability heat map tells why a pair cannot talk, by pointer and by keyboard', async () => {
    await page.click('[data-testid=tab-matrix]')
    const matrix = page.locator('[data-testid=matrix]')
    const endpoints = Number(await matrix.getAttribute('data-endpoints'))
    expect(endpoints).toBeGreaterThan(4)
    const cells = page.locator('[data-testid=heat-cells]')
    const box = await cells.boundingBox()
    if (!box) throw new Error('no heat map on the page')
    const reason = page.locator('[data-testid=matrix-reason]')
    // Every cell under the pointer says its pair and its outcome.
    const said = new Map<string, string>()
    for (let i = 0; i < endpoints; i++) {
      for (let j = 0; j < endpoints; j++) {
        await page.mouse.move(box.x + j * 18 + 9, box.y + i * 18 + 9)
        said.set(`${i},${j}`, (await reason.textContent()) ?? '')
      }
    }
    const texts = [...said.values()]
    expect(new Set(texts).size).toBe(endpoints * endpoints)
    const blocked = texts.find((x) => !/: (reachable|same namespace)$/.test(x))
    expect(blocked).toMatch(/→ .+: .{20,}/)
    const reachable = [...said].find(([, x]) => x.endsWith(': reachable'))
    if (!reachable) throw new Error(`no reachable pair in ${texts.join('; ')}`)
    // The cell is painted in the theme's colour for reachable.
    const [i, j] = reachable[0].split(',').map(Number) as [number, number]
    const colours = await page.evaluate(
      ({ x, y }) => {
        const canvas = document.querySelector('[data-testid=heat-cells]') as HTMLCanvasElement
        const ratio = canvas.width / canvas.getBoundingClientRect().width
        const pixel = canvas
          .getContext('2d')
          ?.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data
        const probe = document.createElement('span')
        probe.style.color = 'var(--ok)'
        document.body.append(probe)
        const ok = getComputedStyle(probe).color
        probe.remove()
        return { pixel: pixel ? `rgb(${pixel[0]}, ${pixel[1]}, ${pixel[2]})` : '', ok }
      },
      { x: j * 18 + 9, y: i * 18 + 9 },
    )
    expect(colours.pixel).toBe(colours.ok)
    await shot('08-reachability')
    // By keyboard: one Tab stop, the arrow keys walk the cells, each read out.
    await page.locator('[data-testid=heat]').focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowDown')
    expect(await reason.textContent()).toBe(said.get('1,1'))
    await page.keyboard.press('End')
    expect(await reason.textContent()).toBe(said.get(`1,${endpoints - 1}`))
    await page.click('[data-testid=tab-trace]')
  })

  test("moves a container to another mode, live: Docker's answer and what changes", async () => {
    await page.click('[data-testid=tab-modes]')
    await page.selectOption('[data-testid=switch-container]', 'web')
    await page.selectOption('[data-testid=switch-mode]', 'host')
    const panel = page.locator('[data-testid=mode-switch]')
    await expect
      .poll(() => panel.textContent())
      .toContain('docker run -d --name web --network host -p 8080:80 nginx')
    expect(await page.locator('[data-testid=switch-error]').last().textContent()).toContain(
      'Published ports are discarded when using host network mode',
    )
    expect(await page.locator('[data-testid=switch-changes] li').count()).toBeGreaterThan(0)
    expect(await panel.textContent()).toContain('web is in host mode')
    await shot('09-mode-switch')
    const position = page.locator('[data-testid=history-position]')
    const before = Number((await position.textContent())?.match(/of (\d+)/)?.[1])
    await page.click('[data-testid=switch-apply]')
    await expect.poll(() => position.textContent()).toBe(`command ${before + 2} of ${before + 2}`)
    expect(await sourceOf(page)).toContain('docker rm -f web')
    await page.click('[data-testid=tab-trace]')
  })

  test('the page ran under the CSP with no error, and keyboard reaches the drawing', async () => {
    // web now runs in host mode: it lives in the host's box, whose ip addr is the host's.
    await page.locator('[data-containers~="web"]').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('[data-testid=ip-addr]').textContent()).toContain('10.0.2.15/24')
    await page.locator('[data-containers~="db"]').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('[data-testid=ip-addr]').textContent()).toContain('172.17.0.')
    await page.click('[data-testid=theme]')
    await shot('07-keyboard-theme')
    expect(problems).toEqual([])
  })
})
