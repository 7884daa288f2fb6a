/**
 * Share-by-URL over a real socket: the token is the scenario itself, so it
 * works on a server with no data directory and on another instance; bad,
 * altered, oversized and exploding tokens are 400s in the one error shape.
 */
import { deflateRawSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { expectErrorShape, get, post, type RunningServer, SCENARIO, serve } from './helpers.js'

let server: RunningServer
beforeAll(async () => {
  // No dataDir, no store given: saved labs are in memory, and sharing needs none of it.
  server = await serve()
})
afterAll(() => server.close())

const tokenOf = (json: string) => `v1.${deflateRawSync(json).toString('base64url')}`

describe('share by URL', () => {
  test('POST gives a token and URL; GET of it gives the scenario back, on another instance too', async () => {
    const daemon = { bip: '10.99.0.1/24', icc: false }
    const r = await post(server, '/api/share', { scenario: SCENARIO, engine: '20.10', daemon })
    expect(r.status).toBe(201)
    const { token, url } = r.json()
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+$/)
    expect(url).toBe(`${server.url}/api/share/${token}`)
    const back = await fetch(url)
    expect(back.status).toBe(200)
    expect(await back.json()).toEqual({ scenario: SCENARIO, engine: '20.10', daemon })
    // Nothing was stored: a second server, which never saw the POST, reads the same link.
    const other = await serve()
    try {
      const again = await get(other, `/api/share/${token}`)
      expect(again.json()).toEqual({ scenario: SCENARIO, engine: '20.10', daemon })
    } finally {
      await other.close()
    }
  })

  test('the engine defaults to 28, the token is shorter than the scenario, same scenario same token', async () => {
    const long = Array.from({ length: 50 }, (_, i) => `docker run -d --name c${i} --network app nginx`).join(
      '\n',
    )
    const a = (await post(server, '/api/share', { scenario: long })).json()
    const b = (await post(server, '/api/share', { scenario: long, engine: '28' })).json()
    expect(a.token).toBe(b.token)
    expect(a.token.length).toBeLessThan(long.length / 4)
    expect((await get(server, `/api/share/${a.token}`)).json()).toEqual({ scenario: long, engine: '28' })
  })

  test('400: a POST that breaks the schema, or carries a daemon.json dockerd refuses', async () => {
    const e = expectErrorShape(await post(server, '/api/share', { scenario: 1 }), 400, 'INVALID_INPUT')
    expect(e.message).toMatch(/^scenario: /)
    const d = expectErrorShape(
      await post(server, '/api/share', { scenario: SCENARIO, daemon: { 'no-such-option': true } }),
      400,
      'INVALID_INPUT',
    )
    expect(d.message).toMatch(/^daemon: .*no-such-option/)
    expectErrorShape(
      await post(server, '/api/share', 'scenario=x', 'text/plain'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
  })

  test('413: a scenario too long for a URL is sent to saved labs', async () => {
    // Random names do not compress: far past the 8,000 characters a URL can carry.
    const random = Array.from(
      { length: 400 },
      () =>
        `docker network create n${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`,
    ).join('\n')
    const e = expectErrorShape(
      await post(server, '/api/share', { scenario: random }),
      413,
      'PAYLOAD_TOO_LARGE',
    )
    expect(e.message).toMatch(/save it as a lab/)
  })

  test.each([
    ['no version prefix', 'q1YqTk7NSyzKzFeyUkrJT85OLVLISy0pzy', /VERSION\.BASE64URL/],
    ['an unknown version', 'v9.q1YqTk7NSyzKzFeyUkrJT85OLVLISy0pzy', /unknown token version "v9"/],
    ['characters outside base64url', 'v1.q1Yq+Tk7*NSyz=', /VERSION\.BASE64URL/],
    [
      'bytes that do not inflate',
      `v1.${Buffer.from('not deflate at all, really').toString('base64url')}`,
      /cut or altered/,
    ],
    ['deflated text that is not JSON', tokenOf('docker network create app'), /not hold a JSON document/],
    ['JSON that is not a scenario', tokenOf('{"scenario":1,"engine":"28"}'), /scenario/],
    [
      'a field no scenario has',
      tokenOf('{"scenario":"","engine":"28","run":"rm -rf"}'),
      /not hold a scenario/,
    ],
    [
      'a daemon.json dockerd refuses',
      tokenOf('{"scenario":"","engine":"28","daemon":{"mtu":"x"}}'),
      /daemon: /,
    ],
    ['a token too long for a URL', `v1.${'A'.repeat(8001)}`, /over 8000 characters/],
  ])('400: %s', async (_what, token, message) => {
    const code = message.source.startsWith('daemon') ? 'INVALID_INPUT' : 'INVALID_TOKEN'
    const e = expectErrorShape(await get(server, `/api/share/${token}`), 400, code)
    expect(e.message).toMatch(message)
  })

  test('400: a tampered token (one character changed) is refused, not misread', async () => {
    const { token } = (await post(server, '/api/share', { scenario: SCENARIO })).json()
    let refused = 0
    // Flip characters across the token: each altered token must be refused or give a valid scenario, never a 500.
    for (let i = 3; i < token.length; i += 3) {
      const swapped = token[i] === 'A' ? 'B' : 'A'
      const altered = `${token.slice(0, i)}${swapped}${token.slice(i + 1)}`
      const r = await get(server, `/api/share/${altered}`)
      expect([200, 400]).toContain(r.status)
      if (r.status === 400) {
        expectErrorShape(r, 400, r.json().error.code === 'INVALID_INPUT' ? 'INVALID_INPUT' : 'INVALID_TOKEN')
        refused++
      } else expect(r.json().scenario).not.toBe(SCENARIO)
    }
    expect(refused).toBeGreaterThan(0)
  })

  test('400: a decompression bomb (a small token expanding past the body limit) is refused', async () => {
    // 5 MB of one character deflates to about 5 KB: a token under 8,000 characters that expands past 4 MiB.
    const bomb = tokenOf(`{"scenario":"${'a'.repeat(5 * 1024 * 1024)}","engine":"28"}`)
    expect(bomb.length).toBeLessThan(8000)
    const e = expectErrorShape(await get(server, `/api/share/${bomb}`), 400, 'INVALID_TOKEN')
    expect(e.message).toMatch(/expands past the body limit of 4194304 bytes/)
    // The server is still there.
    expect((await get(server, '/api/modes')).status).toBe(200)
  })
})
