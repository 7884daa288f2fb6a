/**
 * Every endpoint over a real loopback socket, each answer compared with what
 * core itself computes for the same scenario (what `netmodes run --json`,
 * `trace --json`, `diagram`... print).
 */
import { doctor, explainMode, modeTable, renderDiagram, runScenario, trace } from '@netmodes/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { get, post, type RunningServer, SCENARIO, serve } from './helpers.js'

let server: RunningServer
beforeAll(async () => {
  server = await serve()
})
afterAll(() => server.close())

describe('the endpoints', () => {
  test('listens on loopback by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  test('simulate returns the `netmodes run --json` document', async () => {
    const r = await post(server, '/api/simulate', { scenario: SCENARIO })
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toMatch(/^application\/json/)
    expect(r.json()).toEqual(JSON.parse(JSON.stringify(runScenario(SCENARIO).report)))
    expect(r.json().traces[0].delivered).toBe(true)
  })

  test("simulate gives each step's low-level operations as data, as the OpenAPI document says", async () => {
    const r = await post(server, '/api/simulate', { scenario: SCENARIO })
    const ops = r
      .json()
      .steps.flatMap((s: { operations: { tool: string; args: string[] }[] }) => s.operations)
    expect(
      ops.some((op: { tool: string; args: string[] }) => op.tool === 'ip' && op.args[0] === 'link'),
    ).toBe(true)
    expect(
      ops.some((op: { tool: string; args: string[] }) => op.tool === 'iptables' && op.args[0] === '-t'),
    ).toBe(true)
    const doc = (await get(server, '/api/openapi.json')).json()
    expect(Object.keys(doc.components.schemas.Operation.properties)).toEqual([
      'tool',
      'args',
      'background',
      'about',
    ])
  })

  test('simulate passes the engine version to the lab', async () => {
    const twenty = await post(server, '/api/simulate', { scenario: SCENARIO, engine: '20.10' })
    expect(twenty.json()).toEqual(
      JSON.parse(JSON.stringify(runScenario(SCENARIO, { engine: '20.10' }).report)),
    )
    const r = await post(server, '/api/simulate', { scenario: SCENARIO, engine: '28' })
    expect(r.status).toBe(200)
    expect(r.json()).toEqual(JSON.parse(JSON.stringify(runScenario(SCENARIO, { engine: '28' }).report)))
    // Docker 28 builds the lab differently (ENGINE-28.md): the documents differ.
    expect(r.json()).not.toEqual(twenty.json())
    // Without an engine the lab is 28's, as in the CLI.
    expect((await post(server, '/api/simulate', { scenario: SCENARIO })).json()).toEqual(r.json())
  })

  test('simulate with continueOnError reports a failing step as `netmodes run` does', async () => {
    const scenario = 'docker network rm nope\ndocker network create app'
    const r = await post(server, '/api/simulate', { scenario, continueOnError: true })
    expect(r.status).toBe(200)
    expect(r.json().steps.map((s: { ok: boolean }) => s.ok)).toEqual([false, true])
    expect(r.json()).toEqual(JSON.parse(JSON.stringify(runScenario(scenario).report)))
  })

  test('trace', async () => {
    const r = await post(server, '/api/trace', { scenario: SCENARIO, from: 'lan', to: 'host:8080/tcp' })
    expect(r.status).toBe(200)
    const lab = runScenario(SCENARIO).lab
    expect(r.json()).toEqual(JSON.parse(JSON.stringify(trace(lab, { from: 'lan', to: 'host:8080/tcp' }))))
    expect(r.json().delivered).toBe(true)
  })

  test('trace without a port is a ping, and a tcp trace needs a port', async () => {
    const ping = await post(server, '/api/trace', { scenario: SCENARIO, from: 'web', to: 'db' })
    expect(ping.json().hops.length).toBeGreaterThan(0)
    const tcp = await post(server, '/api/trace', { scenario: SCENARIO, from: 'web', to: 'db', proto: 'tcp' })
    expect(tcp.status).toBe(400)
    expect(tcp.json().error.message).toContain('needs a port')
  })

  test('trace and matrix speak Chinese when asked, with the same verdicts', async () => {
    const scenario = `${SCENARIO}\ndocker run -d --name lone nginx`
    const body = { scenario, from: 'lone', to: 'web', port: 80 }
    const en = (await post(server, '/api/trace', body)).json()
    const zh = (await post(server, '/api/trace', { ...body, lang: 'zh-CN' })).json()
    expect(en.delivered).toBe(false)
    expect(zh.reasonParams).toEqual(en.reasonParams)
    expect(zh.reason).toMatch(/无法解析/)
    const rows = (await post(server, '/api/matrix', { scenario, port: 80, lang: 'zh-CN' })).json() as {
      reachable: boolean
      reason?: string
    }[]
    const no = rows.filter((x) => !x.reachable)
    expect(no.length).toBeGreaterThan(0)
    expect(no.every((x) => /[\u4e00-\u9fff]/.test(x.reason ?? ''))).toBe(true)
    expect((await post(server, '/api/trace', { ...body, lang: 'fr' })).status).toBe(400)
  })

  test('matrix: one row per pair, ping without a port', async () => {
    const r = await post(server, '/api/matrix', { scenario: SCENARIO })
    expect(r.status).toBe(200)
    const rows = r.json() as { from: string; to: string; reachable: boolean; reason?: string }[]
    expect(rows.find((x) => x.from === 'web' && x.to === 'db')?.reachable).toBe(true)
    const names = [...new Set(rows.map((x) => x.from))]
    expect(rows).toHaveLength(names.length * names.length)
    expect(rows.filter((x) => !x.reachable).every((x) => typeof x.reason === 'string')).toBe(true)
  })

  test('explain: a mode without a scenario, a container of one, a rule type with the lab rules', async () => {
    const mode = await post(server, '/api/explain', { topic: 'host', lang: 'zh-CN' })
    expect(mode.json()).toEqual(explainMode('host', 'zh-CN'))
    const web = await post(server, '/api/explain', { scenario: SCENARIO, topic: 'web' })
    expect(web.json().web[0]).toContain('veth')
    const dnat = await post(server, '/api/explain', { scenario: SCENARIO, topic: 'dnat' })
    expect(dnat.json().type).toBe('DNAT')
    expect(dnat.json().rules.some((rule: { text: string }) => rule.text.includes('--to-destination'))).toBe(
      true,
    )
    const missing = await post(server, '/api/explain', { scenario: SCENARIO, topic: 'nosuch' })
    // Core's ERROR_CODES: NOT_FOUND is 404, told apart from an unknown route by its code.
    expect(missing.status).toBe(404)
    expect(missing.json().error).toEqual({
      code: 'NOT_FOUND',
      message: 'no container named nosuch in the lab',
    })
  })

  test('modes, in both languages', async () => {
    const en = await fetch(`${server.url}/api/modes`)
    expect(await en.json()).toEqual(modeTable('en'))
    const zh = await fetch(`${server.url}/api/modes?lang=zh-CN`)
    expect(await zh.json()).toEqual(modeTable('zh-CN'))
    const bad = await fetch(`${server.url}/api/modes?lang=fr`)
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^lang: /)
  })

  test.each(['mermaid', 'dot', 'svg'] as const)('diagram as %s', async (format) => {
    const r = await post(server, '/api/diagram', { scenario: SCENARIO, format })
    expect(r.status).toBe(200)
    expect(r.text).toBe(renderDiagram(runScenario(SCENARIO).lab, format))
    const type = { mermaid: 'text/plain', dot: 'text/vnd.graphviz', svg: 'image/svg+xml' }[format]
    expect(r.headers.get('content-type')).toMatch(new RegExp(`^${type.replace('+', '\\+')}`))
  })

  test('doctor', async () => {
    const r = await post(server, '/api/doctor', { scenario: SCENARIO })
    expect(r.status).toBe(200)
    expect(r.json()).toEqual(JSON.parse(JSON.stringify(doctor(runScenario(SCENARIO).lab))))
    expect(r.json().some((f: { code: string }) => f.code === 'published-bypasses-firewall')).toBe(true)
  })

  test('the OpenAPI 3.1 document lists every operation, from the same schemas', async () => {
    const r = await fetch(`${server.url}/api/openapi.json`)
    // biome-ignore lint/suspicious/noExplicitAny: the document is walked by path
    const doc = (await r.json()) as any
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/diagram',
      '/api/diff',
      '/api/doctor',
      '/api/explain',
      '/api/labs',
      '/api/labs/{id}',
      '/api/live',
      '/api/live/doctor',
      '/api/live/explain',
      '/api/live/replay',
      '/api/live/snapshot',
      '/api/live/trace',
      '/api/live/verify',
      '/api/matrix',
      '/api/modes',
      '/api/share',
      '/api/share/{token}',
      '/api/simulate',
      '/api/trace',
    ])
    // TraceRequest extends Scenario: its own fields, and the scenario by reference.
    const trace = doc.components.schemas.TraceRequest.allOf
    expect(trace[0]).toEqual({ $ref: '#/components/schemas/Scenario' })
    expect(trace[1].required).toEqual(['from', 'to'])
    expect(doc.components.schemas.Scenario.required).toEqual(['scenario'])
    expect(doc.paths['/api/simulate'].post.responses['422']).toBeDefined()
    expect(doc.components.schemas.DiffRequest).toBeDefined()
  })

  test('the docs page lists the operations and loads nothing from elsewhere', async () => {
    const r = await fetch(`${server.url}/api/docs`)
    expect(r.status).toBe(200)
    const html = await r.text()
    for (const op of ['POST /api/simulate', 'GET /api/modes', 'GET /api/labs/{id}'])
      expect(html).toContain(op)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'")
    const css = await fetch(`${server.url}/api/docs.css`)
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
  })

  test('secure headers on every answer', async () => {
    const r = await fetch(`${server.url}/api/modes`)
    expect(r.headers.get('x-content-type-options')).toBe('nosniff')
    expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })
})
