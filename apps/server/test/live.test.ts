/**
 * Live mode over a real socket: off without --docker-host, a clear 503 when
 * the engine does not answer, the read-only questions asked of the real
 * engine (whatever it runs: the default `bridge` network and docker0 are
 * always there), and writes guarded by --allow-writes and the bearer token.
 * Write tests hold the engine's lock and touch only serverlive-* objects.
 */
import { engineOfServerVersion, toJSON } from '@netmodes/core'
import { snapshot } from '@netmodes/docker'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { conn, DOCKER_HOST, exists, noEngine, removeObjects, testName } from './engine.js'
import { withEngineLock } from './engine-lock.js'
import { expectErrorShape, get, type RunningServer, serve } from './helpers.js'

const TOKEN = 'serverlive-test-token-0123456789'
const READS = [
  '/api/live',
  '/api/live/snapshot',
  '/api/live/explain',
  '/api/live/trace?from=host&to=internet',
  '/api/live/doctor',
]
const WRITES = ['/api/live/replay', '/api/live/verify']

async function postAs(server: RunningServer, path: string, body: unknown, authorization?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) }
}

describe('live mode off (no --docker-host)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await serve()
  })
  afterAll(() => server.close())

  test.each(READS)('GET %s is 404 LIVE_OFF, naming the flag', async (path) => {
    const e = expectErrorShape(await get(server, path), 404, 'LIVE_OFF')
    expect(e.message).toMatch(/--docker-host/)
  })

  test.each(WRITES)('POST %s is 404 LIVE_OFF, token or not', async (path) => {
    expectErrorShape(await postAs(server, path, { scenario: '' }), 404, 'LIVE_OFF')
    expectErrorShape(await postAs(server, path, { scenario: '' }, `Bearer ${TOKEN}`), 404, 'LIVE_OFF')
  })

  test('the live routes are in the OpenAPI document, writes with the bearer scheme', async () => {
    const doc = (await get(server, '/api/openapi.json')).json()
    for (const path of [
      '/api/live',
      '/api/live/snapshot',
      '/api/live/explain',
      '/api/live/trace',
      '/api/live/doctor',
    ]) {
      expect(doc.paths[path]?.get, path).toBeDefined()
      expect(doc.paths[path].get.responses['404']).toBeDefined()
      expect(doc.paths[path].get.responses['503']).toBeDefined()
    }
    for (const path of WRITES) {
      const op = doc.paths[path]?.post
      expect(op, path).toBeDefined()
      expect(op.security).toEqual([{ bearer: [] }])
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404', '503']))
    }
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(doc.paths['/api/live/trace'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'port', 'proto']),
    )
  })
})

describe('starting in live mode', () => {
  test.each([
    [{ dockerHost: 'http://localhost:2375' }, /expected unix:\/\/\/path/],
    [{ dockerHost: 'unix://relative.sock' }, /expected unix:\/\/\/path/],
    [{ dockerHost: DOCKER_HOST, allowWrites: true }, /token of at least 16 characters/],
    [{ dockerHost: DOCKER_HOST, allowWrites: true, token: 'short' }, /token of at least 16 characters/],
    [{ allowWrites: true, token: TOKEN }, /writes need a docker host/],
  ])('refuses %j', async (options, message) => {
    await expect(serve(options)).rejects.toThrow(message)
  })
})

describe('live mode, engine not answering', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await serve({
      dockerHost: 'unix:///nonexistent/serverlive.sock',
      allowWrites: true,
      token: TOKEN,
    })
  })
  afterAll(() => server.close())

  test.each(READS)('GET %s is 503 ENGINE_UNAVAILABLE, with why', async (path) => {
    const e = expectErrorShape(await get(server, path), 503, 'ENGINE_UNAVAILABLE')
    expect(e.message).toMatch(
      /live Docker engine does not answer: .*unix:\/\/\/nonexistent\/serverlive\.sock/,
    )
  })

  test.each(WRITES)('POST %s with the token is 503 too', async (path) => {
    expectErrorShape(
      await postAs(server, path, { scenario: 'docker network ls' }, `Bearer ${TOKEN}`),
      503,
      'ENGINE_UNAVAILABLE',
    )
  })
})

describe('the write guard', () => {
  let readOnly: RunningServer
  let writable: RunningServer
  beforeAll(async () => {
    // The guard answers before the engine is asked: no engine is needed for these.
    readOnly = await serve({ dockerHost: 'unix:///nonexistent/serverlive.sock', token: TOKEN })
    writable = await serve({
      dockerHost: 'unix:///nonexistent/serverlive.sock',
      allowWrites: true,
      token: TOKEN,
    })
  })
  afterAll(async () => {
    await readOnly.close()
    await writable.close()
  })

  test.each(WRITES)('%s: 403 WRITES_OFF without --allow-writes, even with the token', async (path) => {
    const e = expectErrorShape(
      await postAs(readOnly, path, { scenario: '' }, `Bearer ${TOKEN}`),
      403,
      'WRITES_OFF',
    )
    expect(e.message).toMatch(/--allow-writes/)
  })

  test.each(WRITES)('%s: 401 without a token, with a wrong one, or not as Bearer', async (path) => {
    for (const authorization of [
      undefined,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      'Bearer ',
      `Basic ${TOKEN}`,
      TOKEN,
    ]) {
      const r = await postAs(writable, path, { scenario: '' }, authorization)
      expectErrorShape(r, 401, 'UNAUTHORIZED')
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer /)
    }
  })

  test('415 a body that is not JSON, 413 one over the limit (before the guard, as for every POST)', async () => {
    const r = await fetch(`${writable.url}/api/live/replay`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` },
      body: 'docker network ls',
    })
    expectErrorShape({ status: r.status, text: await r.text() }, 415, 'UNSUPPORTED_MEDIA_TYPE')
    const small = await serve({
      dockerHost: 'unix:///nonexistent/serverlive.sock',
      allowWrites: true,
      token: TOKEN,
      bodyLimit: 1024,
    })
    try {
      expectErrorShape(
        await postAs(small, '/api/live/replay', { scenario: 'x'.repeat(2000) }, `Bearer ${TOKEN}`),
        413,
        'PAYLOAD_TOO_LARGE',
      )
    } finally {
      await small.close()
    }
  })

  test('the token is checked before the body: a bad body without the token is 401, with it 400', async () => {
    expectErrorShape(await postAs(writable, '/api/live/replay', { nope: 1 }), 401, 'UNAUTHORIZED')
    const e = expectErrorShape(
      await postAs(writable, '/api/live/replay', { nope: 1 }, `Bearer ${TOKEN}`),
      400,
      'INVALID_INPUT',
    )
    expect(e.message).toMatch(/^scenario: /)
    expectErrorShape(
      await postAs(writable, '/api/live/verify', { scenario: '', engine: '19.03' }, `Bearer ${TOKEN}`),
      400,
      'INVALID_INPUT',
    )
  })
})

describe.skipIf(noEngine)('live mode on the real engine, read-only', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await serve({ dockerHost: DOCKER_HOST })
  })
  afterAll(() => server.close())

  test('GET /api/live: the engine, and that writes are off', async () => {
    const r = await get(server, '/api/live')
    expect(r.status).toBe(200)
    expect(r.json()).toEqual({
      endpoint: DOCKER_HOST,
      serverVersion: conn().serverVersion,
      apiVersion: conn().apiVersion,
      local: true,
      writes: false,
    })
  })

  test('snapshot: the lab `netmodes live snapshot --json` prints, with the bridge network and docker0', async () => {
    const r = await get(server, '/api/live/snapshot')
    expect(r.status).toBe(200)
    expect(r.headers.get('netmodes-engine-version')).toBe(conn().serverVersion)
    const lab = r.json()
    // The same shape as the adapter's own snapshot read just now (ids and clocks may move between two reads).
    const direct = JSON.parse(toJSON(await snapshot(conn())))
    expect(Object.keys(lab).sort()).toEqual(Object.keys(direct).sort())
    const bridge = lab.networks.find((n: { name: string }) => n.name === 'bridge')
    expect(bridge).toMatchObject({ driver: 'bridge' })
    // Others share the engine (it may even be reset between two reads): the id's form, not its value.
    expect(bridge.id).toMatch(/^[0-9a-f]{64}$/)
    expect(direct.networks.some((n: { name: string }) => n.name === 'bridge')).toBe(true)
    expect(lab.namespaces.host.links.map((l: { ifname: string }) => l.ifname)).toContain('docker0')
  })

  test('explain: the rules and containers, a mode, the rules alone', async () => {
    const all = await get(server, '/api/live/explain')
    expect(all.status).toBe(200)
    const rules = all.json().rules ?? all.json()
    expect(JSON.stringify(rules)).toMatch(/DOCKER/)
    const mode = await get(server, '/api/live/explain?topic=bridge')
    expect(mode.status).toBe(200)
    expect(mode.json().MODE).toBe('bridge')
    const zh = await get(server, '/api/live/explain?topic=bridge&lang=zh-CN')
    expect(zh.status).toBe(200)
    expect(zh.text).not.toBe(mode.text)
    expectErrorShape(await get(server, '/api/live/explain?lang=fr'), 400, 'INVALID_INPUT')
    const onlyRules = await get(server, '/api/live/explain?topic=rules')
    expect(Array.isArray(onlyRules.json())).toBe(true)
    expect(onlyRules.json().some((r: { text: string }) => /-j DOCKER/.test(r.text))).toBe(true)
  })

  test('trace: on the model of the engine, nothing sent; a tcp trace needs a port', async () => {
    const r = await get(server, '/api/live/trace?from=host&to=internet')
    expect(r.status).toBe(200)
    expect(r.json().delivered).toBe(true)
    expect(r.json().hops[0]).toMatchObject({ namespace: 'host' })
    const tcp = await get(server, '/api/live/trace?from=lan&to=host&port=22&proto=tcp')
    expect(tcp.status).toBe(200)
    expect(typeof tcp.json().delivered).toBe('boolean')
    expectErrorShape(await get(server, '/api/live/trace?from=lan&to=host&proto=tcp'), 400, 'INVALID_INPUT')
    expectErrorShape(await get(server, '/api/live/trace?from=lan&to=host&port=0'), 400, 'INVALID_INPUT')
    expectErrorShape(await get(server, '/api/live/trace?to=host'), 400, 'INVALID_INPUT')
    expectErrorShape(await get(server, '/api/live/trace?from=serverlive-none&to=host'), 404, 'NOT_FOUND')
  })

  test('doctor: a list of findings, each with its code and severity', async () => {
    const r = await get(server, '/api/live/doctor')
    expect(r.status).toBe(200)
    expect(Array.isArray(r.json())).toBe(true)
    for (const f of r.json())
      expect(f).toMatchObject({ code: expect.any(String), severity: expect.any(String) })
  })

  test('503 TIME_LIMIT: a read of the engine past the live time limit', async () => {
    // Reading an engine takes seconds: 50 ms is never enough.
    const hurried = await serve({ dockerHost: DOCKER_HOST, liveTimeLimitMs: 50 })
    try {
      const e = expectErrorShape(await get(hurried, '/api/live/snapshot'), 503, 'TIME_LIMIT')
      expect(e.message).toMatch(/50 ms/)
      // The scenario routes keep their own limit.
      expect((await get(hurried, '/api/modes')).status).toBe(200)
    } finally {
      await hurried.close()
    }
  })

  test.each(WRITES)('%s: 403, writes are off', async (path) => {
    expectErrorShape(await postAs(server, path, { scenario: '' }, `Bearer ${TOKEN}`), 403, 'WRITES_OFF')
  })
})

describe.skipIf(noEngine)('live mode on the real engine, writes (holding the engine lock)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await serve({ dockerHost: DOCKER_HOST, allowWrites: true, token: TOKEN })
  })
  afterAll(() => server.close())

  test('replay: the lines as the engine answers them, then removed; with keep, left for the live questions', async () => {
    const net = testName('net')
    const a = testName('a')
    const b = testName('b')
    const scenario = [
      `docker network create ${net}`,
      `docker run -d --name ${a} --network ${net} netmodes/busybox:test sleep 300`,
      `docker run -d --name ${b} --network ${net} netmodes/busybox:test sleep 300`,
      `docker network create ${net}`,
    ].join('\n')
    await withEngineLock(async () => {
      try {
        const r = await postAs(server, '/api/live/replay', { scenario }, `Bearer ${TOKEN}`)
        expect(r.status).toBe(200)
        const out = r.json()
        expect(out.engine).toBe(conn().serverVersion)
        expect(out.kept).toBe(false)
        expect(out.steps.map((s: { exit: number }) => s.exit)).toEqual([0, 0, 0, 1])
        // The docker CLI's own words for the name taken.
        expect(out.steps[3].stderr).toMatch(new RegExp(`network with name ${net} already exists`))
        expect(out.created.networks).toHaveLength(1)
        expect(out.created.containers).toHaveLength(2)
        expect(await exists('network', net)).toBe(false)
        expect(await exists('container', a)).toBe(false)

        const kept = await postAs(server, '/api/live/replay', { scenario, keep: true }, `Bearer ${TOKEN}`)
        expect(kept.json().kept).toBe(true)
        expect(await exists('container', a)).toBe(true)
        const lab = (await get(server, '/api/live/snapshot')).json()
        expect(lab.networks.map((n: { name: string }) => n.name)).toContain(net)
        const t = await get(server, `/api/live/trace?from=${a}&to=${b}`)
        expect(t.status).toBe(200)
        expect(t.json().delivered).toBe(true)
        const explained = (await get(server, `/api/live/explain?topic=${a}`)).json()
        expect(JSON.stringify(explained)).toMatch(new RegExp(a))
      } finally {
        await removeObjects({ containers: [a, b], networks: [net] })
      }
      expect(await exists('network', net)).toBe(false)
    })
  }, 330_000)

  test('422: a line the replay cannot send (no volumes in netmodes) stops verify before the engine is touched', async () => {
    await withEngineLock(async () => {
      const e = expectErrorShape(
        await postAs(
          server,
          '/api/live/verify',
          { scenario: `docker volume create ${testName('vol')}` },
          `Bearer ${TOKEN}`,
        ),
        422,
        'UNSUPPORTED',
      )
      expect(e.message).toMatch(/^line 1: .*docker volume/)
    })
  }, 330_000)

  test('verify: the simulator against the engine, fact by fact, and nothing left behind', async () => {
    const net = testName('verify')
    await withEngineLock(async () => {
      try {
        const r = await postAs(
          server,
          '/api/live/verify',
          { scenario: `docker network create --subnet 10.214.7.0/24 ${net}` },
          `Bearer ${TOKEN}`,
        )
        expect(r.status).toBe(200)
        const out = r.json()
        expect(out.engine).toBe(conn().serverVersion)
        // Without an engine asked for, the live engine's own version is simulated.
        expect(out.simulated).toBe(engineOfServerVersion(conn().serverVersion))
        expect(out.total).toBeGreaterThan(0)
        // The engine is shared: what others run there may differ; what this scenario built must not.
        expect(out.mismatches.filter((m: unknown) => JSON.stringify(m).includes(net))).toEqual([])
        expect(out.matched).toBeLessThanOrEqual(out.total)
        expect(await exists('network', net)).toBe(false)
      } finally {
        await removeObjects({ networks: [net] })
      }
    })
  }, 330_000)
})
