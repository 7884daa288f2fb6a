/**
 * POST /api/diff over a real loopback socket: the same document core's
 * whatIf gives (what `netmodes diff --json` prints), and bad input refused
 * in the one error shape.
 */
import { whatIf } from '@netmodes/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { expectErrorShape, post, type RunningServer, SCENARIO, serve } from './helpers.js'

let server: RunningServer
beforeAll(async () => {
  server = await serve()
})
afterAll(() => server.close())

describe('POST /api/diff', () => {
  test('a network made internal: the same differences as core computes, with the flipped cells and their reasons', async () => {
    const r = await post(server, '/api/diff', {
      scenario: SCENARIO,
      to: { network: { name: 'app', flags: '--internal' } },
    })
    expect(r.status).toBe(200)
    const core = whatIf(
      { source: SCENARIO, engine: '28' },
      { network: { name: 'app', flags: '--internal' } },
      { labels: { from: 'before', to: 'after' } },
    )
    expect(r.json()).toEqual(JSON.parse(JSON.stringify({ ...core.diff, failedOnlyIn: core.failedOnlyIn })))
    const flips = r.json().matrices.flatMap((m: { cells: { from: string; to: string }[] }) => m.cells)
    expect(flips.some((c: { from: string; to: string }) => c.from === 'web' && c.to === 'internet')).toBe(
      true,
    )
  })

  test('daemon.json on the changed side, one question in Chinese', async () => {
    const scenario = 'docker run -d --name b1 nginx\ndocker run -d --name b2 nginx'
    const r = await post(server, '/api/diff', {
      scenario,
      to: { daemon: { icc: false } },
      port: 80,
      lang: 'zh-CN',
    })
    expect(r.status).toBe(200)
    const d = r.json()
    expect(d.daemon).toEqual([{ field: 'icc', before: '', after: 'false' }])
    expect(d.matrices.map((m: { protocol: string; port?: number }) => `${m.protocol}/${m.port}`)).toEqual([
      'tcp/80',
    ])
    expect(d.matrices[0].cells[0].after.reason).toMatch(/[\u4e00-\u9fff]/)
  })

  test('bad input: the one error shape, naming what is wrong', async () => {
    expectErrorShape(
      await post(server, '/api/diff', { scenario: SCENARIO, to: { nope: 1 } }),
      400,
      'INVALID_INPUT',
    )
    const missing = expectErrorShape(
      await post(server, '/api/diff', {
        scenario: SCENARIO,
        to: { network: { name: 'nope', flags: '--internal' } },
      }),
      404,
      'NOT_FOUND',
    )
    expect(missing.message).toBe('no "docker network create ... nope" line in the scenario to change')
    const bad = expectErrorShape(
      await post(server, '/api/diff', {
        scenario: SCENARIO,
        to: { scenario: 'docker network create x\nfoo' },
      }),
      422,
      'SCENARIO_LINE',
    )
    expect(bad).toMatchObject({ line: 2, message: expect.stringMatching(/^after: unknown statement "foo"/) })
    expectErrorShape(
      await post(server, '/api/diff', { scenario: SCENARIO, to: { daemon: { icc: 'maybe' } } }),
      400,
      'INVALID_INPUT',
    )
  })
})
