/** `netmodes serve`: starts the HTTP API on loopback, answers, stops on SIGTERM. */
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { bin, cleanEnv, netmodes, tempDir } from './helpers.js'

describe('netmodes serve', () => {
  test('listens on 127.0.0.1, serves the API, keeps labs under --data, exits 0 on SIGTERM', async () => {
    const data = join(tempDir(), 'data')
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data', data], { env: cleanEnv() })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (d) => {
          out += d
          const m = /on (http:\/\/127\.0\.0\.1:\d+) /.exec(out)
          if (m?.[1]) resolve(m[1])
        })
        child.once('exit', () => reject(new Error(`exited before listening: ${out}`)))
      })
      const modes = await fetch(`${url}/api/modes`)
      expect(((await modes.json()) as { modes: unknown[] }).modes).toHaveLength(7)
      const saved = await fetch(`${url}/api/labs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenario: 'docker network create app' }),
      })
      expect(saved.status).toBe(201)
      expect(existsSync(join(data, 'labs.sqlite'))).toBe(true)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })

  test('--docker-host turns the live routes on; writes take the token from NETMODES_API_TOKEN', async () => {
    const token = 'serve-test-token-0123456789'
    const child = spawn(
      process.execPath,
      [bin, 'serve', '--port', '0', '--docker-host', 'unix:///nonexistent/netmodes.sock', '--allow-writes'],
      { env: cleanEnv({ NETMODES_API_TOKEN: token }) },
    )
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      let out = ''
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          out += d
          const m = /on (http:\/\/127\.0\.0\.1:\d+) [\s\S]*\n.*live engine/.exec(out)
          if (m?.[1]) resolve(m[1])
        })
        child.once('exit', () => reject(new Error(`exited before listening: ${out}`)))
      })
      expect(out).toMatch(
        /live engine unix:\/\/\/nonexistent\/netmodes\.sock: reads, and writes with the bearer token\n/,
      )
      // The engine is not there: a clear 503, not a hang.
      const status = await fetch(`${url}/api/live`)
      expect(status.status).toBe(503)
      expect(((await status.json()) as { error: { code: string } }).error.code).toBe('ENGINE_UNAVAILABLE')
      const replay = (authorization?: string) =>
        fetch(`${url}/api/live/replay`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: JSON.stringify({ scenario: 'docker network ls' }),
        })
      expect((await replay()).status).toBe(401)
      expect((await replay(`Bearer ${token}`)).status).toBe(503)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })

  test('writes without a docker host, or without a token, are refused at start', () => {
    const noHost = netmodes(['serve', '--port', '0', '--allow-writes', '--token', 'x'.repeat(20)])
    expect(noHost.code).toBe(2)
    expect(noHost.stderr).toBe('netmodes: writes need a docker host to write to\n')
    const noToken = netmodes([
      'serve',
      '--port',
      '0',
      '--docker-host',
      'unix:///nonexistent.sock',
      '--allow-writes',
    ])
    expect(noToken.code).toBe(2)
    expect(noToken.stderr).toBe(
      'netmodes: writes to the live engine need a token of at least 16 characters\n',
    )
  })

  test('serves the web UI at / and says where; --open hands that URL to $BROWSER', async () => {
    const dir = tempDir()
    const opened = join(dir, 'opened.txt')
    const browser = join(dir, 'browser.sh')
    writeFileSync(browser, `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`)
    chmodSync(browser, 0o755)
    const child = spawn(
      process.execPath,
      [bin, 'serve', '--port', '0', '--data', join(dir, 'data'), '--open'],
      {
        env: cleanEnv({ BROWSER: browser }),
      },
    )
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (d) => {
          out += d
          const m = /web UI on (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(out)
          if (m?.[1]) resolve(m[1])
        })
        child.once('exit', () => reject(new Error(`exited before listening: ${out}`)))
      })
      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
      const html = await page.text()
      expect(html).toContain('<div id="app">')
      const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1]
      expect((await fetch(`${url}${script}`)).headers.get('content-type')).toContain('javascript')
      for (let i = 0; i < 50 && !existsSync(opened); i++) await new Promise((r) => setTimeout(r, 100))
      expect(readFileSync(opened, 'utf8')).toBe(url)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })

  test('a bad port is a usage error', () => {
    const r = netmodes(['serve', '--port', '99999'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('netmodes: --port "99999": must be a number from 0 to 65535\n')
  })
})
