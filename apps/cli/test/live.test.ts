/**
 * `netmodes live ...` against the real engine (read-only), as real processes.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { connectDocker, replayScript } from '@netmodes/docker'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const bin = fileURLToPath(new URL('../dist/netmodes.js', import.meta.url))

function netmodes(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const engine = await connectDocker().then(
  (conn) => ({ ok: true as const, conn }),
  (error: Error) => ({ ok: false as const, why: error.message }),
)
if (!engine.ok && !process.env.CI) console.warn(`netmodes live: skipped, ${engine.why}`)

describe.skipIf(!engine.ok && !process.env.CI)('netmodes live on the real engine', () => {
  let cleanup: (() => Promise<void>) | undefined
  beforeAll(async () => {
    if (!engine.ok) throw new Error(`CI needs a Docker engine: ${engine.why}`)
    const replay = await replayScript(
      engine.conn,
      [
        'docker network create --subnet 10.98.7.0/24 livelab',
        'docker run -d --name live-web --network livelab -p 18090:80 netmodes/busybox:test sleep 3600',
      ].join('\n'),
    )
    cleanup = replay.cleanup
  })
  afterAll(async () => {
    await cleanup?.()
  })

  test('snapshot: the live containers, their modes and addresses', () => {
    const r = netmodes('live', 'snapshot')
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/^read Docker Engine 20\.10/m)
    expect(r.stdout).toMatch(/live-web\s+livelab \(bridge\)\s+eth0 10\.98\.7\.2\/24/)
  })
  test('trace and explain work on the snapshot', () => {
    const t = netmodes('live', 'trace', 'lan', 'host:18090/tcp')
    expect(t.stdout).toContain('--to-destination 10.98.7.2:80')
    expect(t.code).toBe(0)
    expect(netmodes('live', 'explain', 'live-web').stdout).toMatch(/live-web is in bridge mode on livelab/)
  })
  test('doctor warns that the published port bypasses the host firewall', () => {
    const r = netmodes('live', 'doctor')
    expect(r.stdout).toMatch(/live-web publishes 18090\/tcp on every host address/)
    expect(r.code).toBe(1)
  })
})

test('no engine: a clear message, exit 2', () => {
  const r = spawnSync(process.execPath, [bin, 'live', 'doctor'], {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
  })
  expect(r.status).toBe(2)
  expect(r.stderr).toBe(
    'netmodes: no Docker engine answers at unix:///nonexistent/docker.sock (connect ENOENT /nonexistent/docker.sock): start dockerd or set DOCKER_HOST\n',
  )
})
