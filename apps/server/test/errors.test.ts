/**
 * Every error the API gives, over a real socket, in its one shape; none
 * carries a stack trace. The slow, stalled and vanishing clients are made by
 * hand with node:http.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { hasStackTrace, post, type RunningServer, SCENARIO, serve, slowPost } from './helpers.js'

const TIME_LIMIT = 1500
let server: RunningServer
beforeAll(async () => {
  server = await serve({ timeLimitMs: TIME_LIMIT, bodyLimit: 8 * 1024 * 1024, workers: 1 })
})
afterAll(() => server.close())

function expectError(r: { status: number; text: string }, status: number, code: string) {
  expect(r.status).toBe(status)
  const body = JSON.parse(r.text)
  expect(Object.keys(body)).toEqual(['error'])
  expect(body.error.code).toBe(code)
  expect(typeof body.error.message).toBe('string')
  expect(hasStackTrace(r.text)).toBe(false)
  return body.error as { code: string; message: string; line?: number }
}

/** 100,000 containers: far more than a time limit of 1.5 s can simulate. */
const HUGE = Array.from({ length: 100_000 }, (_, i) => `docker run -d --net none alpine # ${i}`).join('\n')

describe('errors', () => {
  test('400: malformed JSON', async () => {
    expectError(await post(server, '/api/simulate', '{"scenario": '), 400, 'MALFORMED_JSON')
  })

  test('400: a schema error names the field', async () => {
    const e = expectError(await post(server, '/api/simulate', { scenario: 42 }), 400, 'INVALID_INPUT')
    expect(e.message).toMatch(/^scenario: /)
    const port = expectError(
      await post(server, '/api/trace', { scenario: SCENARIO, from: 'web', to: 'db', port: 70000 }),
      400,
      'INVALID_INPUT',
    )
    expect(port.message).toMatch(/^port: /)
    const engine = expectError(
      await post(server, '/api/simulate', { scenario: '', engine: '19.03' }),
      400,
      'INVALID_INPUT',
    )
    expect(engine.message).toMatch(/^engine: /)
  })

  test('413: a body over the limit', async () => {
    const small = await serve({ bodyLimit: 1024 })
    try {
      expectError(
        await post(small, '/api/simulate', { scenario: 'x'.repeat(2000) }),
        413,
        'PAYLOAD_TOO_LARGE',
      )
      // Without a content-length (a chunked body) the limit still holds.
      const chunked = await slowPost(small, '/api/simulate', {
        chunks: ['{"scenario":"', 'x'.repeat(1500), '"}'],
        gapMs: 5,
      })
      expect(chunked).not.toBe('destroyed')
      if (chunked !== 'destroyed')
        expectError({ status: chunked.status, text: chunked.body }, 413, 'PAYLOAD_TOO_LARGE')
    } finally {
      await small.close()
    }
  })

  test('415: a body that is not JSON', async () => {
    const e = expectError(
      await post(server, '/api/simulate', 'scenario=x', 'text/plain'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
    expect(e.message).toContain('text/plain')
  })

  test("422: a docker line that fails, with Docker's own text and the line", async () => {
    const scenario = 'docker network create app\n# a comment\ndocker network create app'
    const e = expectError(await post(server, '/api/simulate', { scenario }), 422, 'DOCKER_ERROR')
    expect(e.line).toBe(3)
    expect(e.message).toBe('Error response from daemon: network with name app already exists')
  })

  test('422: a trace line that cannot be placed names its line', async () => {
    const e = expectError(
      await post(server, '/api/simulate', {
        scenario: 'docker network create app\ntrace nosuch -> internet',
      }),
      422,
      'SCENARIO_LINE',
    )
    expect(e.line).toBe(2)
  })

  test('404: an unknown route, an unknown lab', async () => {
    const route = await fetch(`${server.url}/api/nope`)
    // Errors carry the security headers too.
    expect(route.headers.get('content-security-policy')).toContain("default-src 'none'")
    expectError({ status: route.status, text: await route.text() }, 404, 'ROUTE_NOT_FOUND')
    const lab = await fetch(`${server.url}/api/labs/AAAAAAAAAAAA`)
    expectError({ status: lab.status, text: await lab.text() }, 404, 'NOT_FOUND')
  })

  test('500: a failure of ours says only that it happened', async () => {
    // A store whose disk is gone: its error text (with a file and line) must not reach the client.
    const broken = await serve({
      store: {
        save: async () => {
          throw new TypeError('EIO: disk gone at /var/lib/labs.sqlite (store.js:12:7)')
        },
        get: async () => undefined,
        close: async () => {},
      },
    })
    try {
      const r = await post(broken, '/api/labs', { scenario: SCENARIO })
      expectError(r, 500, 'INTERNAL')
      expect(r.json().error.message).toBe('internal error')
      expect(r.text).not.toContain('EIO')
    } finally {
      await broken.close()
    }
  })

  test('503: a 100,000-container scenario is cut off at the time limit, and the server keeps answering', async () => {
    const started = performance.now()
    const pending = post(server, '/api/simulate', { scenario: HUGE })
    // Meanwhile the event loop is free: another request answers at once.
    await new Promise((r) => setTimeout(r, 200))
    const t0 = performance.now()
    const modes = await fetch(`${server.url}/api/modes`)
    expect(modes.status).toBe(200)
    expect(performance.now() - t0).toBeLessThan(250)
    const r = await pending
    const elapsed = performance.now() - started
    expectError(r, 503, 'TIME_LIMIT')
    expect(elapsed).toBeGreaterThanOrEqual(TIME_LIMIT - 50)
    expect(elapsed).toBeLessThan(TIME_LIMIT + 1000)
    // The worker was replaced: the next simulation runs (pool of one).
    expect((await post(server, '/api/simulate', { scenario: SCENARIO })).status).toBe(200)
  })

  test('a client that sends its body slowly, within the limit, gets its answer', async () => {
    const body = JSON.stringify({ scenario: SCENARIO })
    const chunks = [body.slice(0, 20), body.slice(20, 60), body.slice(60)]
    const r = await slowPost(server, '/api/simulate', { chunks, gapMs: 300 })
    expect(r).not.toBe('destroyed')
    if (r !== 'destroyed') expect(r.status).toBe(200)
  })

  test('408: a body that stops arriving gets 408 at the time limit', async () => {
    const body = JSON.stringify({ scenario: SCENARIO })
    const started = performance.now()
    const r = await slowPost(server, '/api/simulate', {
      chunks: [body.slice(0, 30), body.slice(30)],
      gapMs: 10,
      stallAfter: 1,
    })
    expect(r).not.toBe('destroyed')
    if (r !== 'destroyed') expectError({ status: r.status, text: r.body }, 408, 'REQUEST_TIMEOUT')
    expect(performance.now() - started).toBeLessThan(TIME_LIMIT + 1000)
  })

  test('a client that disconnects mid-body leaves the server answering', async () => {
    const body = JSON.stringify({ scenario: SCENARIO })
    const r = await slowPost(server, '/api/simulate', {
      chunks: [body.slice(0, 30), body.slice(30)],
      gapMs: 50,
      destroyAfter: 1,
    })
    expect(r).toBe('destroyed')
    expect((await post(server, '/api/simulate', { scenario: SCENARIO })).status).toBe(200)
  })

  test('a client that disconnects mid-simulation frees the worker at once', async () => {
    const r = slowPost(server, '/api/simulate', {
      chunks: [JSON.stringify({ scenario: HUGE }), ''],
      gapMs: 300,
      destroyAfter: 2,
    })
    expect(await r).toBe('destroyed')
    await new Promise((resolve) => setTimeout(resolve, 100))
    const t0 = performance.now()
    const next = await post(server, '/api/simulate', { scenario: SCENARIO })
    expect(next.status).toBe(200)
    // Had the huge job kept the only worker, this would have waited for its deadline.
    expect(performance.now() - t0).toBeLessThan(TIME_LIMIT / 2)
    expect(server.pool.busy).toBe(0)
  })
})
