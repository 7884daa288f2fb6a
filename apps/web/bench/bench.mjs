// The web UI at scale, in Debian's chromium: for 100 and 1,000 containers, the
// layout time (core's layoutGraph in the Web Worker), the time from the edit to
// the drawing, the frame times while panning and zooming the drawing, the time
// from a keystroke in the editor to its frame (and to the re-run lab's), and
// the Reachability tab: its open time, its size in the DOM, its scroll frames;
// and the longest main-thread task (PerformanceObserver 'longtask', 50 ms and
// over) from the paste to its drawing and from the first keystroke to the
// re-run lab's drawing, where the run fires after the pause in typing.
// Run with `npx -y pnpm@10 --filter @netmodes/web bench` (it builds first).
import { startServer } from '@netmodes/server'
import { chromium } from 'playwright-core'
import { webRoot } from '../web-root.js'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

/** N containers on N/50 user-defined networks, one port published on every tenth. */
function scenario(n) {
  const networks = Math.ceil(n / 50)
  const lines = []
  for (let i = 0; i < networks; i++) lines.push(`docker network create net${i}`)
  for (let i = 0; i < n; i++) {
    const publish = i % 10 === 0 ? ` -p ${10000 + i}:80` : ''
    lines.push(`docker run -d --name c${i} --network net${i % networks}${publish} busybox`)
  }
  return lines.join('\n')
}

const stats = (deltas) => {
  const sorted = [...deltas].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  const mean = deltas.reduce((s, d) => s + d, 0) / Math.max(1, deltas.length)
  return { frames: deltas.length, median: at(0.5), p95: at(0.95), max: at(1), fps: 1000 / mean }
}

/** Starts recording the page's long tasks (50 ms and over): `longTasks(page)` reads them since. */
async function recordLongTasks(page) {
  await page.evaluate(() => {
    window.__long?.observer.disconnect()
    const tasks = []
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration)
    })
    observer.observe({ type: 'longtask' })
    window.__long = { observer, tasks }
  })
}

/** The long tasks since recordLongTasks: how many, and the longest (0 when none). */
async function longTasks(page) {
  // A task that just ended is reported after it: let the observer's callback run first.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)))
  return page.evaluate(() => {
    const { observer, tasks } = window.__long
    for (const entry of observer.takeRecords()) tasks.push(entry.duration)
    return { count: tasks.length, max: Math.max(0, ...tasks) }
  })
}

/**
 * Records, while `act` drives the page with real input events, each frame's
 * interval (rAF to rAF) and its main-thread work: from the frame's rAF to the
 * first task after it, which runs once the frame's style, layout and paint are done.
 */
async function frameTimes(page, act) {
  await page.evaluate(() => {
    const w = window
    w.__frames = []
    w.__work = []
    w.__recording = true
    const channel = new MessageChannel()
    channel.port1.onmessage = (event) => w.__work.push(performance.now() - event.data)
    let last = performance.now()
    const tick = (now) => {
      w.__frames.push(now - last)
      last = now
      channel.port2.postMessage(performance.now())
      if (w.__recording) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  await act()
  const { frames, work } = await page.evaluate(() => {
    window.__recording = false
    return { frames: window.__frames.slice(1), work: window.__work.slice(1) }
  })
  return { interval: stats(frames), work: stats(work) }
}

const server = await startServer({ port: 0, host: '127.0.0.1', workers: 1, webRoot })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS })
try {
  const rows = []
  // BENCH_SIZES=1000 measures one size only.
  const sizes = process.env.BENCH_SIZES?.split(',').map(Number) ?? [100, 1000]
  for (const n of sizes) {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } })
    await page.goto(`${server.url}/`)
    await page.locator('[data-box]').first().waitFor()
    await page.click('[data-testid=editor-mode]')
    await recordLongTasks(page)
    // The edit as a person's paste: one input event; timed in the page until the frame that shows the drawing.
    const editToDrawing = await page.evaluate(
      ({ text, boxes }) =>
        new Promise((resolve) => {
          const source = document.querySelector('[data-testid=source]')
          const started = performance.now()
          source.value = text
          source.dispatchEvent(new Event('input', { bubbles: true }))
          const poll = () => {
            if (document.querySelector('svg.drawing')?.getAttribute('data-boxes') !== String(boxes))
              return requestAnimationFrame(poll)
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0))
          }
          poll()
        }),
      { text: scenario(n), boxes: n + 1 },
    )
    const pasteTasks = await longTasks(page)
    const layoutMs = Number(await page.locator('[data-testid=layout-time]').getAttribute('data-ms'))
    const drawing = await page.locator('svg.drawing').boundingBox()
    const cx = drawing.x + drawing.width / 2
    const cy = drawing.y + drawing.height / 2
    const pan = await frameTimes(page, async () => {
      await page.mouse.move(cx, cy)
      await page.mouse.down()
      for (let i = 0; i < 120; i++)
        await page.mouse.move(cx + 200 * Math.sin(i / 10), cy + 40 * Math.cos(i / 10))
      await page.mouse.up()
    })
    const zoom = await frameTimes(page, async () => {
      await page.mouse.move(cx, cy)
      for (let i = 0; i < 60; i++) await page.mouse.wheel(0, i < 30 ? -120 : 120)
    })
    // Zoomed in to reading size (about 1:1) on the middle container, where only the view's window is drawn.
    await page.getByRole('button', { name: 'Fit' }).click()
    const middle = await page.locator(`[data-containers="c${Math.floor(n / 2)}"]`).boundingBox()
    await page.mouse.move(middle.x + middle.width / 2, middle.y + middle.height / 2)
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -400)
    const close = await frameTimes(page, async () => {
      await page.mouse.down()
      for (let i = 0; i < 120; i++) await page.mouse.move(cx - 3 * i, cy)
      await page.mouse.up()
    })
    const drawn = await page.locator('svg.drawing').getAttribute('data-drawn')

    // A keystroke in the editor, on a new last line: to the frame that shows the character,
    // and to the frame where the lab has been run again (core refuses "d": its error is under the line).
    await page.click('[data-testid=editor-mode]')
    await page.locator('.lines li').last().locator('input').focus()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.locator(`.lines li[data-line="${n + Math.ceil(n / 50) + 1}"] input`).focus()
    await page.waitForTimeout(300)
    await recordLongTasks(page)
    await page.evaluate(() => {
      // Resolves once the frame after the current task has been painted.
      const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
      const input = document.activeElement
      const line = input.closest('li')
      window.__key = new Promise((resolve) => {
        let down = 0
        input.addEventListener('keydown', () => (down = performance.now()), { once: true, capture: true })
        input.addEventListener(
          'input',
          () =>
            painted().then(() => {
              const typed = performance.now() - down
              const poll = () => {
                if (!line.querySelector('[data-testid=line-error]')) return setTimeout(poll, 5)
                painted().then(() => resolve({ typed, rerun: performance.now() - down }))
              }
              poll()
            }),
          { once: true },
        )
      })
    })
    await page.keyboard.type('d')
    const keystroke = await page.evaluate(() => window.__key)
    const typing = await frameTimes(page, async () => {
      for (const ch of 'ocker run -d --name extra busybox') await page.keyboard.type(ch, { delay: 40 })
    })

    // The typed line has been run and drawn (the extra container's box is there) before the tab is opened.
    await page.waitForFunction(
      (boxes) =>
        document.querySelector('[data-testid=editor-pending]')?.textContent === '' &&
        document.querySelector('svg.drawing')?.getAttribute('data-boxes') === String(boxes),
      n + 2,
      { timeout: 60_000 },
    )
    const typingTasks = await longTasks(page)
    await page.waitForTimeout(300)

    // The Reachability tab: from the click to its first painted frame, then scrolled both ways.
    const matrixOpen = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
          const started = performance.now()
          document.querySelector('[data-testid=tab-matrix]').click()
          const poll = () => {
            if (!document.querySelector('[data-testid=matrix]')) return requestAnimationFrame(poll)
            painted().then(() => resolve(performance.now() - started))
          }
          poll()
        }),
    )
    const matrix = page.locator('[data-testid=matrix]')
    const endpoints = await matrix.getAttribute('data-endpoints')
    const nodes = () => matrix.evaluate((m) => m.querySelectorAll('*').length)
    const matrixNodes = await nodes()
    const heat = await matrix.locator('.heat, .matrix-scroll').first().boundingBox()
    await page.mouse.move(heat.x + heat.width / 2, heat.y + heat.height / 2)
    const scroll = await frameTimes(page, async () => {
      for (let i = 0; i < 90; i++) await page.mouse.wheel(i % 3 === 0 ? 120 : 0, 120)
    })
    const matrixNodesScrolled = await nodes()
    rows.push({
      n,
      layoutMs,
      editToDrawing,
      pasteTasks,
      typingTasks,
      pan,
      zoom,
      close,
      drawn,
      keystroke,
      typing,
      matrixOpen,
      endpoints,
      matrixNodes,
      matrixNodesScrolled,
      scroll,
    })
    await page.close()
  }
  const ms = (x) => `${x.toFixed(1)} ms`
  for (const r of rows) {
    console.log(
      `${r.n} containers: layout ${ms(r.layoutMs)} (worker), edit to drawing painted ${ms(r.editToDrawing)}`,
    )
    const longest = (l) => `${ms(l.max)} (${l.count} tasks of 50 ms or more)`
    console.log(
      `  longest main-thread task: paste to drawing ${longest(r.pasteTasks)}; typing a line to the re-run lab drawn ${longest(r.typingTasks)}`,
    )
    console.log(
      `  editor keystroke: painted ${ms(r.keystroke.typed)}, lab re-run and painted ${ms(r.keystroke.rerun)}`,
    )
    console.log(
      `  Reachability tab (${r.endpoints ?? '?'} endpoints): open ${ms(r.matrixOpen)}; ${r.matrixNodes} elements in the DOM, ${r.matrixNodesScrolled} after scrolling`,
    )
    for (const [name, s] of [
      ['pan (fit)', r.pan],
      ['zoom', r.zoom],
      [`pan zoomed in (${r.drawn} shapes drawn)`, r.close],
      ['typing in the editor', r.typing],
      ['scroll the heat map', r.scroll],
    ]) {
      const { interval: f, work: w } = s
      console.log(
        `  ${name}: ${f.frames} frames at ${f.fps.toFixed(0)} fps (interval median ${ms(f.median)}, p95 ${ms(f.p95)}, max ${ms(f.max)}); work per frame median ${ms(w.median)}, p95 ${ms(w.p95)}, max ${ms(w.max)}`,
      )
    }
  }
} finally {
  await browser.close()
  await server.close()
}
