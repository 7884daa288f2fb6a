/**
 * The web UI's build served at `/` over a real socket: its files with their
 * types and the CSP, nothing outside its folder, and /api answering exactly
 * as without it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fileOfPath } from '../src/web-ui.js'
import { type RunningServer, serve } from './helpers.js'

/** A GET with the path sent exactly as written (fetch would resolve the dots). */
function rawGet(server: RunningServer, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the web UI at /', () => {
  let scratch = ''
  let root = ''
  let server: RunningServer
  let bare: RunningServer

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'netmodes-web-ui-'))
    root = join(scratch, 'web')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>netmodes</title>')
    writeFileSync(join(root, 'assets', 'app-1234.js'), 'export {}')
    writeFileSync(join(scratch, 'secret.txt'), 'not for the web')
    server = await serve({ webRoot: root })
    bare = await serve()
  })

  afterAll(async () => {
    await server?.close()
    await bare?.close()
    rmSync(scratch, { recursive: true, force: true })
  })

  test('/ is index.html, with the CSP, checked on each visit', async () => {
    const r = await fetch(`${server.url}/`)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(r.headers.get('cache-control')).toBe('no-cache')
    const csp = r.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("worker-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(await r.text()).toContain('<title>netmodes</title>')
  })

  test('hashed assets are JavaScript, cached for good; HEAD has no body', async () => {
    const r = await fetch(`${server.url}/assets/app-1234.js`)
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(r.headers.get('cache-control')).toContain('immutable')
    expect(await r.text()).toBe('export {}')
    const head = await fetch(`${server.url}/assets/app-1234.js`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe('9')
    expect(await head.text()).toBe('')
  })

  test('nothing outside the folder is served, however the path is spelled', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const r = await rawGet(server, path)
      expect(r.status, path).toBe(404)
      expect(r.body, path).not.toContain('not for the web')
    }
    expect(fileOfPath(root, '/%2e%2e/secret.txt')).not.toBe(join(scratch, 'secret.txt'))
  })

  test('a missing file and a POST are the API 404, and /api answers as without the UI', async () => {
    const missing = await fetch(`${server.url}/nope.js`)
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('ROUTE_NOT_FOUND')
    const post = await fetch(`${server.url}/`, { method: 'POST', body: '{}' })
    expect(post.status).toBe(404)
    const withUi = await fetch(`${server.url}/api/modes`)
    const without = await fetch(`${bare.url}/api/modes`)
    expect(withUi.status).toBe(200)
    expect(await withUi.text()).toBe(await without.text())
    const unknown = await fetch(`${server.url}/api/index.html`)
    expect(unknown.status).toBe(404)
  })

  test('without a webRoot, / is 404', async () => {
    const r = await fetch(`${bare.url}/`)
    expect(r.status).toBe(404)
  })
})
