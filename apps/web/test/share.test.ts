/** The page's share token is the server's: each reads what the other wrote. */

import { type RunningServer, startServer } from '@netmodes/server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { decodeShareToken, encodeShareToken, readHash } from '../src/lib/share.js'

const shared = {
  scenario: 'docker network create app\ndocker run -d --name web --network app -p 8080:80 nginx # 中文',
  engine: '20.10' as const,
  daemon: { bip: '10.99.0.1/24' },
}

describe('share tokens', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ port: 0, workers: 1 })
  })
  afterAll(async () => {
    await server?.close()
  })

  test("the server reads the page's token", async () => {
    const token = await encodeShareToken(shared)
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+$/)
    const r = await fetch(`${server.url}/api/share/${token}`)
    expect(r.status).toBe(200)
    expect(await r.json()).toMatchObject(shared)
  })

  test("the page reads the server's token", async () => {
    const r = await fetch(`${server.url}/api/share`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(shared),
    })
    const { token } = (await r.json()) as { token: string }
    expect(await decodeShareToken(token)).toEqual(shared)
  })

  test('a token of another version or cut short is refused; the hash says which kind of link it is', async () => {
    await expect(decodeShareToken('v2.abc')).rejects.toThrow('not a v1 share token')
    const token = await encodeShareToken(shared)
    await expect(decodeShareToken(token.slice(0, 12))).rejects.toThrow()
    expect(readHash(`#s=${token}`)).toEqual({ token })
    expect(readHash('#lab=Xb3kq9')).toEqual({ lab: 'Xb3kq9' })
    expect(readHash('')).toBeUndefined()
  })
})
