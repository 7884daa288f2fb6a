/**
 * The recordings must still be what a fresh real engine does: for each
 * recorded engine (20.10, 28), each of its scenarios is replayed on that
 * engine freshly reset and observed again, and the observation must equal
 * its recording fact for fact (where the engine is nondeterministic, any of
 * the outcomes it produces: engine-noise.mjs). Neither side holds the links
 * of the machine it ran on (recordScenario leaves them out), so this holds
 * on a machine the recordings were not made on. This keeps the recordings
 * (and so the simulator's targets) from drifting from reality.
 *
 * Each engine is found at its variable (conformance.mjs `engines`: the
 * 20.10 one at DOCKER_HOST, else the local socket; the 28 one at
 * NETMODES_DOCKER_HOST_28, which .ci/run sets), and its docker lines run as
 * they were recorded (the 28 engine's through the docker 28.2 client). It
 * needs root and local dockerds it may restart (scripts/test-engine.sh and
 * scripts/engine-28.sh prepare them). In CI a missing engine fails the
 * suite; elsewhere the suite says why it is skipped.
 *
 * A multi-node recording (scenarios/swarm-*.sh) is replayed on that
 * version's swarm nodes (conformance.mjs `swarm`: scripts/swarm-nodes.sh,
 * NETMODES_SWARM_ENGINE=28 for 28), each reset first, its lines through the
 * docker client of that version on PATH, and compared node by node; in CI
 * missing nodes fail it.
 */
import { spawnSync } from 'node:child_process'
import { onlyRecordedViews, renderObservationDiff } from '@netmodes/core'
import {
  connectDocker,
  dockerClientOnPath,
  recordScenario,
  recordSwarmScenario,
  resetEngine,
  scenarioDaemonArgs,
  scenarioNodes,
} from '@netmodes/docker'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  compareRuns,
  compareSwarmRuns,
  engines,
  engineVersions,
  readRecording,
  readScenario,
  recordedScenarios,
  type SwarmRecordingFile,
  swarmNodeReset,
} from '../conformance.mjs'

const isRoot = process.getuid?.() === 0
// Each scenario resets the engine (everything on it goes): as packages/docker's
// resetEngine test, it runs in CI, which owns its engines, or when asked for.
const allowed = !!process.env.CI || process.env.NETMODES_RESET_ENGINE === '1'

for (const version of engineVersions) {
  const setup = engines[version]
  if (!setup) continue
  const host = process.env[setup.hostEnv] || (version === '20.10' ? 'unix:///var/run/docker.sock' : undefined)
  const pidfile = setup.pidfileEnv ? process.env[setup.pidfileEnv] : undefined
  const engine = host
    ? await connectDocker({ host }).then(
        (conn) =>
          conn.serverVersion.split('.')[0] === version.split('.')[0]
            ? { ok: true as const, conn }
            : { ok: false as const, why: `the engine at ${host} is ${conn.serverVersion}, not ${version}` },
        (error: Error) => ({ ok: false as const, why: error.message }),
      )
    : { ok: false as const, why: `${setup.hostEnv} names no engine ${version}` }
  const runnable = engine.ok && isRoot && allowed
  if (!runnable && !process.env.CI) {
    const why = !allowed
      ? 'it resets the engine between scenarios; set NETMODES_RESET_ENGINE=1 to run it'
      : engine.ok
        ? 'not root (the engine is reset between scenarios)'
        : engine.why
    console.warn(`conformance against a real engine ${version} skipped: ${why}`)
  }

  describe.skipIf(!runnable && !process.env.CI)(
    `a fresh Docker Engine ${version} still does what was recorded`,
    () => {
      let started = 0
      // Whether a scenario's dockerd line restarted the engine with flags of its own.
      let flagged = false
      beforeAll(() => {
        if (!engine.ok) throw new Error(`CI needs a Docker engine ${version}: ${engine.why}`)
        if (!isRoot) throw new Error(`CI needs root to reset the Docker engine ${version} between scenarios`)
        if (setup.cli) {
          // The recorded texts are that client's: another version would print others.
          const client = spawnSync(setup.cli, ['version', '--format', '{{.Client.Version}}'], {
            encoding: 'utf8',
          })
          const seen = client.stdout?.trim() || client.error?.message || 'missing'
          if (!setup.clientVersion?.test(seen))
            throw new Error(
              `engine ${version}'s recordings are docker ${setup.clientVersion}'s texts; ${setup.cli} is ${seen}`,
            )
        }
        started = Date.now()
      })
      afterAll(async () => {
        // The engine goes back to its own flags, whatever the last scenario asked for.
        if (flagged) await resetEngine({ host, ...(pidfile ? { pidfile } : {}) })
        if (started)
          console.log(`fresh-engine conformance ${version}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
      })
      test.each(recordedScenarios(version))('%s', { timeout: 180_000 }, async (name) => {
        // Replayed and observed as the recorder does, the machine's own links left out.
        // A scenario's dockerd line: the engine restarted with those flags, as it was recorded.
        const script = readScenario(name)
        const nodeNames = scenarioNodes(script)
        if (nodeNames.length > 0) {
          // On the swarm nodes, each fresh; the single engine is not touched.
          const cli = dockerClientOnPath(setup.swarm.clientVersion)
          if (!cli)
            throw new Error(`${name} runs through a docker ${setup.swarm.clientVersion} client: none on PATH`)
          const conns = await Promise.all(
            nodeNames.map((_, i) =>
              resetEngine(swarmNodeReset(version, i + 1)).catch((error: Error) => {
                throw new Error(
                  `${name} runs on ${nodeNames.length} swarm nodes (scripts/swarm-nodes.sh): node${i + 1}: ${error.message}`,
                )
              }),
            ),
          )
          const observed = await recordSwarmScenario(
            Object.fromEntries(nodeNames.map((n, i) => [n, conns[i]])),
            script,
            { cli },
          )
          const recorded = readRecording(version, name) as unknown as SwarmRecordingFile
          const result = compareSwarmRuns(version, recorded, observed as unknown as SwarmRecordingFile)
          if (result.mismatches.length)
            expect.fail(renderObservationDiff(result, { expected: 'recorded', actual: 'nodes now' }))
          expect(result.matched).toBe(result.total)
          return
        }
        const daemonArgs = scenarioDaemonArgs(script)
        flagged ||= daemonArgs.length > 0
        const conn = await resetEngine({ host, ...(pidfile ? { pidfile } : {}), daemonArgs })
        const recorded = readRecording(version, name)
        const observed = await recordScenario(conn, script, setup.cli ? { cli: setup.cli } : {})
        // A recording made before the recorder read the containers' /etc files (or
        // ip6tables) has none to hold the engine to: those are compared where they were recorded.
        const result = compareRuns(version, recorded, onlyRecordedViews(recorded, observed))
        if (result.mismatches.length)
          expect.fail(renderObservationDiff(result, { expected: 'recorded', actual: 'engine now' }))
        expect(result.matched).toBe(result.total)
      })
    },
  )
}
