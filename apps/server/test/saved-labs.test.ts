/**
 * Saved labs on a real SQLite file: the content id, getting a lab back, WAL
 * mode, and a restart of the server on the same data directory.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, test } from 'vitest'
import { post, SCENARIO, serve } from './helpers.js'

const dataDir = mkdtempSync(join(tmpdir(), 'netmodes-server-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('saved labs', () => {
  test('save, get back, same content same id, and a restart keeps them', async () => {
    const first = await serve({ dataDir })
    let id: string
    try {
      const saved = await post(first, '/api/labs', { scenario: SCENARIO, engine: '20.10' })
      expect(saved.status).toBe(201)
      const body = saved.json()
      id = body.id
      expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/)
      expect(body.url).toBe(`${first.url}/api/labs/${id}`)
      expect(saved.headers.get('location')).toBe(`/api/labs/${id}`)
      // The id is the content's: the same lab saved again is the same id; another engine, another id.
      expect((await post(first, '/api/labs', { scenario: SCENARIO, engine: '20.10' })).json().id).toBe(id)
      const other = (await post(first, '/api/labs', { scenario: SCENARIO, engine: '28' })).json().id
      expect(other).not.toBe(id)
      // Without an engine a lab is 28's (the default): the same content as saying so.
      expect((await post(first, '/api/labs', { scenario: SCENARIO })).json().id).toBe(other)
      const got = await fetch(body.url)
      expect(got.status).toBe(200)
      expect(await got.json()).toEqual({ id, scenario: SCENARIO, engine: '20.10', url: body.url })
    } finally {
      await first.close()
    }
    const file = join(dataDir, 'labs.sqlite')
    expect(existsSync(file)).toBe(true)
    const db = new Database(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.prepare('SELECT count(*) AS n FROM labs').get()).toEqual({ n: 2 })
    db.close()

    const second = await serve({ dataDir })
    try {
      const got = await fetch(`${second.url}/api/labs/${id}`)
      expect(got.status).toBe(200)
      expect(((await got.json()) as { scenario: string }).scenario).toBe(SCENARIO)
    } finally {
      await second.close()
    }
  })

  test('a malformed id is 400, an unknown one 404', async () => {
    const server = await serve({ dataDir })
    try {
      const bad = await fetch(`${server.url}/api/labs/${encodeURIComponent('../etc')}`)
      expect(bad.status).toBe(400)
      const none = await fetch(`${server.url}/api/labs/ZZZZZZZZZZZZ`)
      expect(none.status).toBe(404)
      expect(await none.json()).toEqual({
        error: { code: 'NOT_FOUND', message: 'no saved lab ZZZZZZZZZZZZ' },
      })
    } finally {
      await server.close()
    }
  })
})
