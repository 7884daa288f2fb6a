import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { readTool } from '../src/_host-tools.js'
import {
  connectDocker,
  type DockerConnection,
  identifyEngine,
  observeEngine,
  replayScript,
  resetEngine,
} from '../src/index.js'
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

  test("starts the daemon with a scenario's flags after its own, never piling them up", async () => {
    const host = engineConn().endpoint
    const own = identifyEngine({ host }).args
    const bridgeOptions = async (conn: DockerConnection) =>
      ((await conn.docker.getNetwork('bridge').inspect()) as { Options: Record<string, string> }).Options
    try {
      const mtu = await resetEngine({ host, daemonArgs: ['--mtu=1400'] })
      expect(identifyEngine({ host }).args).toEqual([...own, '--mtu=1400'])
      // The daemon took it: its default bridge says so (moby daemon/daemon_unix.go initBridgeDriver).
      expect((await bridgeOptions(mtu))['com.docker.network.driver.mtu']).toBe('1400')

      // The next scenario's flags replace the last one's.
      const icc = await resetEngine({ host, daemonArgs: ['--icc=false'] })
      expect(identifyEngine({ host }).args).toEqual([...own, '--icc=false'])
      expect((await bridgeOptions(icc))['com.docker.network.bridge.enable_icc']).toBe('false')
      expect((await bridgeOptions(icc))['com.docker.network.driver.mtu']).toBe('1500')
    } finally {
      const back = await resetEngine({ host })
      expect(identifyEngine({ host: back.endpoint }).args).toEqual(own)
    }
  })

  test('a flag the daemon refuses: the reset says what it said and the daemon runs with its own flags', async () => {
    const host = engineConn().endpoint
    const own = identifyEngine({ host }).args
    // dockerd validates --bip before it serves anything (moby daemon/config).
    await expect(resetEngine({ host, daemonArgs: ['--bip=not-an-address'] })).rejects.toThrow(
      /dockerd did not start with --bip=not-an-address; it exited[\s\S]*started again with its own flags/,
    )
    const after = identifyEngine({ host })
    expect(after.args).toEqual(own)
    await expect(connectDocker({ host })).resolves.toBeDefined()
  })
})
