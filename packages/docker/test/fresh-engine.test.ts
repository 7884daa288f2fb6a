import { describe, expect, test } from 'vitest'
import { readTool } from '../src/_host-tools.js'
import { observeEngine, replayScript, resetEngine } from '../src/index.js'
import { noEngine, uniqueName } from './engine.js'

// resetEngine restarts dockerd and flushes iptables under whatever else uses
// the engine: on a shared machine it runs only when asked for with
// NETMODES_RESET_ENGINE=1; CI owns its engine and runs the suites one at a
// time, so there it always runs.
const allowed = process.env.NETMODES_RESET_ENGINE === '1' || !!process.env.CI
if (!noEngine && !allowed)
  console.warn('[@netmodes/docker] resetEngine test skipped: set NETMODES_RESET_ENGINE=1')

describe.skipIf(noEngine || !allowed)('resetEngine (destructive)', () => {
  test('brings the engine back to a first start', async () => {
    const before = await resetEngine()
    const replay = await replayScript(
      before,
      `docker network create ${uniqueName('left')}\ndocker run -d --name ${uniqueName('left')} netmodes/busybox:test sleep 3600`,
    )
    expect(replay.steps.map((s) => s.exit)).toEqual([0, 0])

    const conn = await resetEngine()
    const observation = await observeEngine(conn)
    expect(observation.networks.map((n) => n.Name)).toEqual(['bridge', 'host', 'none'])
    expect(observation.containers).toEqual([])
    expect(observation.iptables.filter).toMatch(/^:FORWARD DROP /m)
    expect(await readTool('iptables-save', ['-t', 'mangle'])).toMatch(/-A FORWARD -o \S+ -j DROP/)
    await replay.cleanup()
  })
})
