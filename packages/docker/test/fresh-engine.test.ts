import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { readTool } from '../src/_host-tools.js'
import { identifyEngine, observeEngine, replayScript, resetEngine } from '../src/index.js'
import { conn as engineConn, noEngine, uniqueName } from './engine.js'

// resetEngine restarts dockerd and flushes iptables under whatever else uses
// the engine: on a shared machine it runs only when asked for with
// NETMODES_RESET_ENGINE=1; CI owns its engine and runs the suites one at a
// time, so there it always runs.
const allowed = process.env.NETMODES_RESET_ENGINE === '1' || !!process.env.CI
if (!noEngine && !allowed)
  console.warn('[@netmodes/docker] resetEngine test skipped: set NETMODES_RESET_ENGINE=1')

describe.skipIf(noEngine || !allowed)('resetEngine (destructive)', () => {
  test('brings the engine back to a first start', async () => {
    const before = await resetEngine({ host: engineConn().endpoint })
    const replay = await replayScript(
      before,
      `docker network create ${uniqueName('left')}\ndocker run -d --name ${uniqueName('left')} netmodes/busybox:test sleep 3600`,
    )
    expect(replay.steps.map((s) => s.exit)).toEqual([0, 0])

    const conn = await resetEngine({ host: before.endpoint })
    const observation = await observeEngine(conn)
    expect(observation.networks.map((n) => n.Name)).toEqual(['bridge', 'host', 'none'])
    expect(observation.containers).toEqual([])
    expect(observation.iptables.filter).toMatch(/^:FORWARD DROP /m)
    // An engine 28 writes raw (one DROP per endpoint): a first start has none of them.
    if (observation.iptables.raw !== undefined) expect(observation.iptables.raw).not.toMatch(/^-A /m)
    expect(await readTool('iptables-save', ['-t', 'mangle'], conn.netns)).toMatch(/-A FORWARD -o \S+ -j DROP/)
    await replay.cleanup()
  })

  test('touches the engine it was given and no other process, and starts it again as it was', async () => {
    // Something else on the machine called dockerd (another engine, in another namespace):
    // a copy of sleep under that name, which `pidof dockerd` would find.
    const dir = mkdtempSync(join(tmpdir(), 'netmodes-decoy-'))
    copyFileSync('/bin/sleep', join(dir, 'dockerd'))
    const decoy = spawn(join(dir, 'dockerd'), ['600'], { stdio: 'ignore' })
    try {
      const before = identifyEngine({ host: engineConn().endpoint })
      const conn = await resetEngine({ host: engineConn().endpoint })
      const after = identifyEngine({ host: conn.endpoint })
      expect(decoy.exitCode).toBeNull()
      expect(decoy.signalCode).toBeNull()
      expect(after.pid).not.toBe(before.pid)
      expect({ ...after, pid: 0, startTime: '' }).toEqual({ ...before, pid: 0, startTime: '' })
    } finally {
      if (decoy.pid) process.kill(decoy.pid, 'SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
