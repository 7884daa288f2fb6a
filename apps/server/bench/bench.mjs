/**
 * Load test on loopback, bounded in time (BENCH_SECONDS per case, default 5):
 * requests/s and latency p50/p99 for bare Hono serving the modes document,
 * the same GET through the full middleware stack, a saved lab read from
 * SQLite, a shared scenario decoded from its token, and simulating and
 * tracing a 10-container scenario; with BENCH_REQUESTS=N,
 * the heap before and after N more GETs. The servers run in a
 * child process of their own, so the load generator does not share their
 * event loop; the server's RSS is printed after each case.
 */
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { modeTable } from '@netmodes/core'
import autocannon from 'autocannon'
import { Hono } from 'hono'
import { startServer } from '../dist/index.js'

const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const connections = 10

function listen(app) {
  return new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ s, port: info.port }),
    )
  })
}

let ask

async function measure(name, options) {
  const result = await autocannon({ connections, duration: seconds, ...options })
  const errors = result.non2xx + result.errors + result.timeouts
  const mb = ((await ask('rss')).rss / 1024 / 1024).toFixed(0)
  console.log(
    `${name.padEnd(34)} ${String(Math.round(result.requests.average)).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(3)} ms   p99 ${String(result.latency.p99).padStart(3)} ms   ${result.requests.total} requests, ${errors} errors, rss ${mb} MB`,
  )
  return result
}

if (process.argv[2] === '--serve') {
  const doc = JSON.stringify(modeTable('en'))
  const bare = await listen(
    new Hono().get('/api/modes', (c) => c.body(doc, 200, { 'content-type': 'application/json' })),
  )
  const dataDir = mkdtempSync(join(tmpdir(), 'netmodes-bench-'))
  const server = await startServer({ port: 0, dataDir })
  const ten = [
    'docker network create app',
    ...Array.from(
      { length: 10 },
      (_, i) => `docker run -d --name c${i} --network app -p ${8000 + i}:80 nginx`,
    ),
  ].join('\n')
  const saved = await (
    await fetch(`${server.url}/api/labs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: ten }),
    })
  ).json()
  const shared = await (
    await fetch(`${server.url}/api/share`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: ten }),
    })
  ).json()

  process.on('message', (m) => {
    if (m === 'rss') {
      // Collected first, so what is left is what the server holds on to.
      globalThis.gc?.()
      const { rss, heapUsed } = process.memoryUsage()
      process.send({ rss, heap: heapUsed })
    }
    if (m === 'stop') {
      bare.s.close()
      server.close().then(() => {
        rmSync(dataDir, { recursive: true, force: true })
        process.exit(0)
      })
    }
  })
  process.send({ bare: bare.port, url: server.url, id: saved.id, token: shared.token, ten })
} else {
  const child = fork(new URL(import.meta.url), ['--serve'], { execArgv: ['--expose-gc'] })
  const replies = []
  child.on('message', (m) => replies.shift()?.(m))
  const next = () => new Promise((resolve) => replies.push(resolve))
  const { bare: barePort, url, id, token, ten } = await next()
  ask = async (what) => {
    const reply = next()
    child.send(what)
    return await reply
  }
  console.log(`${seconds} s per case, ${connections} connections, loopback\n`)
  try {
    const b = await measure('bare Hono GET (same document)', {
      url: `http://127.0.0.1:${barePort}/api/modes`,
    })
    const g = await measure('GET /api/modes (full stack)', { url: `${url}/api/modes` })
    await measure('GET /api/labs/:id (SQLite)', { url: `${url}/api/labs/${id}` })
    await measure('GET /api/share/:token (no storage)', { url: `${url}/api/share/${token}` })
    await measure('POST /api/trace (10 containers)', {
      url: `${url}/api/trace`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: ten, from: 'lan', to: 'host:8003/tcp' }),
    })
    await measure('POST /api/simulate (10 containers)', {
      url: `${url}/api/simulate`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: ten }),
    })
    console.log(`\nfull stack / bare Hono: ${(g.requests.average / b.requests.average).toFixed(2)}`)
    const amount = Number(process.env.BENCH_REQUESTS ?? 0)
    if (amount > 0) {
      // Memory over many requests: the heap after a collection, at the start and after each tenth of
      // `amount` GETs through the full stack, so a leak shows as a climb rather than one noisy pair.
      const mib = (n) => (n / 1024 / 1024).toFixed(1)
      const start = await ask('rss')
      const heaps = [mib(start.heap)]
      let total = 0
      let errors = 0
      for (let i = 0; i < 10; i++) {
        const r = await autocannon({ connections, amount: Math.ceil(amount / 10), url: `${url}/api/modes` })
        total += r.requests.total
        errors += r.non2xx + r.errors + r.timeouts
        heaps.push(mib((await ask('rss')).heap))
      }
      const end = await ask('rss')
      console.log(
        `${total} GETs: heap after each tenth ${heaps.join(' ')} MiB; rss ${mib(start.rss)} -> ${mib(end.rss)} MiB; ${errors} errors`,
      )
    }
  } finally {
    child.send('stop')
  }
}
