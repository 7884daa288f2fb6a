/** `netmodes serve`: starts the HTTP API on loopback, answers, stops on SIGTERM. */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
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

  test('a bad port is a usage error', () => {
    const r = netmodes(['serve', '--port', '99999'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('netmodes: --port "99999": must be a number from 0 to 65535\n')
  })
})
