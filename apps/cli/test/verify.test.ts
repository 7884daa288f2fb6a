/**
 * `netmodes verify` as a real process: against a recording a person can
 * tamper with, and against the real engine when one answers.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const bin = fileURLToPath(new URL('../dist/netmodes.js', import.meta.url))
const conformance = fileURLToPath(new URL('../../../conformance/', import.meta.url))

function netmodes(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('netmodes verify --against a recording', () => {
  const scenario = join(conformance, 'scenarios/user-bridge.sh')
  const recording = join(conformance, 'recorded/20.10/user-bridge.json')

  test('the real recording: every fact matches, exit 0', () => {
    const r = netmodes('verify', scenario, '--against', recording)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^(\d+)\/\1 facts match \(100\.0%\)\n$/)
  })

  test('a scenario that starts its daemon with flags is simulated with them (daemon-pools, 20.10)', () => {
    const r = netmodes(
      'verify',
      join(conformance, 'scenarios/daemon-pools.sh'),
      '--against',
      join(conformance, 'recorded/20.10/daemon-pools.json'),
      '--json',
    )
    const result = JSON.parse(r.stdout) as { matched: number; mismatches: { path: string }[] }
    // docker0 on 10.123.0.0/24 and every network cut from the daemon's pool, as recorded; what
    // differs is only the recording machine's resolv.conf, which `--against` does not know.
    expect(result.mismatches.map((m) => m.path).filter((p) => !p.startsWith('files/'))).toEqual([])
    expect(result.matched).toBeGreaterThan(300)
  })

  test('a deliberately wrong expectation: the diff names the fact, both values, and the score; exit 1', () => {
    const doc = JSON.parse(readFileSync(recording, 'utf8')) as {
      containers: { Name: string; NetworkSettings: { Networks: Record<string, { IPAddress: string }> } }[]
    }
    const web = doc.containers.find((c) => c.Name === '/web')
    if (!web?.NetworkSettings.Networks.app) throw new Error('recording lacks web on app')
    web.NetworkSettings.Networks.app.IPAddress = '172.18.0.99'
    const dir = mkdtempSync(join(tmpdir(), 'netmodes-verify-'))
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify(doc))
    const r = netmodes('verify', scenario, '--against', join(dir, 'wrong.json'))
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(
      '✗ containers/web/networks/app/IPAddress\n    engine: "172.18.0.99"\n    netmodes: "172.18.0.2"\n',
    )
    expect(r.stdout).toMatch(/facts match \(\d+\.\d%\)\n$/)
    const json = JSON.parse(
      netmodes('verify', scenario, '--against', join(dir, 'wrong.json'), '--json').stdout,
    )
    expect(json.mismatches).toEqual([
      { path: 'containers/web/networks/app/IPAddress', expected: '172.18.0.99', actual: '172.18.0.2' },
    ])
  })

  test('a recording that is not JSON: a clear message, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netmodes-verify-'))
    writeFileSync(join(dir, 'bad.json'), '{ not json')
    const r = netmodes('verify', scenario, '--against', join(dir, 'bad.json'))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^netmodes: recording .*bad\.json is not valid JSON/)
  })
})

const engineAnswers =
  spawnSync('curl', ['-fsS', '--unix-socket', '/var/run/docker.sock', 'http://localhost/_ping']).status === 0
if (!engineAnswers && !process.env.CI)
  console.warn('netmodes verify against a live engine: skipped, no engine at /var/run/docker.sock')

describe.skipIf(!engineAnswers && !process.env.CI)('netmodes verify against the live engine', () => {
  test('a scenario replayed on both sides matches, and the engine is left as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netmodes-verify-'))
    const script = join(dir, 'lab.sh')
    writeFileSync(
      script,
      [
        'docker network create --subnet 10.97.0.0/24 verifylab',
        'docker run -d --name verify-web --network verifylab -p 18080:80 netmodes/busybox:test sleep 3600',
        'docker run -d --name verify-side --network container:verify-web netmodes/busybox:test sleep 3600',
        'docker network create --subnet 10.97.0.0/25 verifyclash',
      ].join('\n'),
    )
    const before = spawnSync(
      'curl',
      ['-fsS', '--unix-socket', '/var/run/docker.sock', 'http://localhost/networks'],
      {
        encoding: 'utf8',
      },
    ).stdout
    const r = netmodes('verify', script)
    expect(r.stderr).toMatch(/^verifying against Docker Engine 20\.10/)
    expect(r.stdout).toMatch(/^(\d+)\/\1 facts match \(100\.0%\)\n$/)
    expect(r.code).toBe(0)
    const after = spawnSync(
      'curl',
      ['-fsS', '--unix-socket', '/var/run/docker.sock', 'http://localhost/networks'],
      {
        encoding: 'utf8',
      },
    ).stdout
    const names = (json: string) => (JSON.parse(json) as { Name: string }[]).map((n) => n.Name).sort()
    expect(names(after)).toEqual(names(before))
  })

  test('no engine at DOCKER_HOST: a clear message, exit 2', () => {
    const r = spawnSync(process.execPath, [bin, 'verify', join(conformance, 'scenarios/user-bridge.sh')], {
      encoding: 'utf8',
      env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
    })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('no Docker engine answers at unix:///nonexistent/docker.sock')
  })
})
