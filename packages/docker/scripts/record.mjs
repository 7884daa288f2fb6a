#!/usr/bin/env node
// Records conformance scenarios on a real local Docker Engine through
// @netmodes/docker (the built package): for each conformance/scenarios/NAME.sh
// (or the NAMEs given), a fresh engine (resetEngine: DESTRUCTIVE, test
// machines only), the replay with `host` lines allowed and `trace` lines
// probed, the observation taken before cleanup without the machine's own
// links (recordScenario), written to OUT/NAME.json (and each
// `snapshot LABEL` to OUT/snapshots/NAME/LABEL.json). A scenario whose first
// line is `dockerd FLAG...` is recorded on the engine restarted with those
// flags after its own (resetEngine's daemonArgs); one conformance.mjs
// `onlyOn` names for other engines is not recorded on this one. The engine
// is left fresh and running on its own flags at the end, even after a failure.
//
// --engine VERSION (default 20.10) names the engine recorded, one of
// conformance.mjs's `engines`: its recordings go to conformance/recorded/VERSION/
// (or --out DIR), and its docker lines run the way that engine's client prints
// them: 20.10 through the adapter (which renders the 20.10 CLI's texts), 28
// through the real docker 28.2 client on PATH (`docker`, checked), with
// DOCKER_HOST set to the engine. The engine is the one at that version's
// variable (NETMODES_DOCKER_HOST_28 for 28), else DOCKER_HOST (default
// unix:///var/run/docker.sock), found through its socket (or --pidfile, for 28
// default NETMODES_DOCKER_PIDFILE_28) and
// reset alone, in whatever network namespace it runs; its version must be
// the one named.
//
// --no-reset records on the engine as it is, for an engine others share that
// must not be restarted: it must hold no container and no network but its
// predefined ones (else nothing is recorded), and each scenario removes what
// it made.
//
// A multi-node scenario (first line `nodes node1 node2 ...`, conformance/README.md)
// is recorded on the engines of conformance.mjs's `swarm` for that version
// (scripts/swarm-nodes.sh starts them), each reset first, every docker line
// through the docker client of that version found on PATH: one observation
// per node in OUT/NAME.json. Recording only such scenarios leaves the
// single engine alone (no reset of it at the end).
//
// usage: node packages/docker/scripts/record.mjs [--engine 20.10|28] [--out DIR] [--pidfile FILE] [--no-reset] [NAME...]
//        (after `pnpm --filter @netmodes/docker build`)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { compareObservations, normalizeObservation } from '@netmodes/core'
import {
  compareSwarmRuns,
  engines,
  scenarioRunsOn,
  swarmNodeReset,
} from '../../../conformance/conformance.mjs'
import {
  connectDocker,
  dockerClientOnPath,
  recordScenario,
  recordSwarmScenario,
  resetEngine,
  scenarioDaemonArgs,
  scenarioNodes,
} from '../dist/index.js'

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const scenariosDir = `${repo}conformance/scenarios/`
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    engine: { type: 'string', default: '20.10' },
    out: { type: 'string' },
    pidfile: { type: 'string' },
    'no-reset': { type: 'boolean' },
  },
})
const version = values.engine
const setup = engines[version]
if (!setup) throw new Error(`--engine ${version}: one of ${Object.keys(engines).join(', ')}`)
const recordedDir = `${resolve(values.out ?? `${repo}conformance/recorded/${version}`)}/`
const engine = {
  host: process.env[setup.hostEnv] || process.env.DOCKER_HOST || 'unix:///var/run/docker.sock',
}
const pidfile = values.pidfile ?? (setup.pidfileEnv ? process.env[setup.pidfileEnv] : undefined)
if (pidfile) engine.pidfile = pidfile

// The client whose texts are recorded must be the one the recordings stand for.
if (setup.cli) {
  const client = spawnSync(setup.cli, ['version', '--format', '{{.Client.Version}}'], {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: engine.host },
  })
  const seen = client.stdout?.trim() ?? ''
  if (!setup.clientVersion.test(seen))
    throw new Error(
      `--engine ${version} records the texts of docker ${setup.clientVersion}; \`${setup.cli}\` is ${seen || client.error?.message || 'missing'}`,
    )
}
const sameEngine = (serverVersion) => serverVersion.split('.')[0] === version.split('.')[0]
const names =
  positionals.length > 0
    ? positionals
    : readdirSync(scenariosDir)
        .filter((f) => f.endsWith('.sh'))
        .map((f) => f.slice(0, -3))
        .filter((name) => scenarioRunsOn(name, version))
        .sort()
for (const name of names) {
  if (!scenarioRunsOn(name, version))
    throw new Error(`${name} is not recorded on engine ${version} (conformance.mjs onlyOn)`)
}

// Before anything is reset: the engine there must be of the version named.
// (Multi-node scenarios only: the nodes are checked instead, and the engine is left alone.)
const onOneEngine = names.filter(
  (name) => scenarioNodes(readFileSync(`${scenariosDir}${name}.sh`, 'utf8')).length === 0,
)
const found = onOneEngine.length > 0 ? await connectDocker({ host: engine.host }) : undefined
if (found && !sameEngine(found.serverVersion))
  throw new Error(
    `--engine ${version}: the engine at ${engine.host} is ${found.serverVersion}; nothing was reset`,
  )

// --no-reset: the engine as it is, provided it is as empty as a fresh one.
// What a recording file holds of an observation, in its fixed key order (probes only when there were some).
function recordingOf({
  engine,
  steps,
  traces,
  networks,
  containers,
  namespaces,
  iptables,
  ip6tables,
  files,
  machine,
}) {
  return {
    engine,
    steps,
    ...(traces ? { traces } : {}),
    networks,
    containers,
    namespaces,
    iptables,
    ...(ip6tables ? { ip6tables } : {}),
    files,
    machine,
  }
}

async function emptyEngineAsIs() {
  const conn = await connectDocker({ host: engine.host })
  const containers = await conn.docker.listContainers({ all: true })
  const networks = (await conn.docker.listNetworks()).filter(
    (n) => !['bridge', 'host', 'none'].includes(n.Name),
  )
  if (containers.length > 0 || networks.length > 0) {
    throw new Error(
      `--no-reset: the engine holds ${containers.length} container(s) and network(s) [${networks.map((n) => n.Name).join(', ')}]; record on an empty engine`,
    )
  }
  return conn
}
// A scenario's `dockerd` line: the engine restarted with those flags after its own.
const freshEngine = (daemonArgs) =>
  values['no-reset'] ? emptyEngineAsIs() : resetEngine({ ...engine, daemonArgs })

const log = (text) => process.stderr.write(`[record] ${text}\n`)

// Same fact count as the conformance score, against the previous recording: shows what moved.
function versusPrevious(file, observation) {
  if (!existsSync(file)) return 'new'
  try {
    const result = compareObservations(
      normalizeObservation(JSON.parse(readFileSync(file, 'utf8'))),
      normalizeObservation(observation),
    )
    return `${result.matched}/${result.total} facts as before`
  } catch (error) {
    return `not compared (${error.message})`
  }
}

// The nodes of a multi-node scenario, each reset (in parallel: separate engines), by name.
async function freshNodes(nodeNames) {
  if (values['no-reset']) throw new Error('--no-reset: a multi-node scenario is recorded on fresh nodes only')
  const conns = await Promise.all(
    nodeNames.map(async (_, i) => {
      const host = setup.swarm.socket(i + 1)
      const seen = await connectDocker({ host }).catch((error) => {
        throw new Error(
          `node${i + 1}: no engine at ${host} (${error.message}); start the nodes with scripts/swarm-nodes.sh ${nodeNames.length}`,
        )
      })
      if (!sameEngine(seen.serverVersion))
        throw new Error(
          `--engine ${version}: node${i + 1} at ${host} is ${seen.serverVersion}; nothing was reset`,
        )
      return resetEngine(swarmNodeReset(version, i + 1))
    }),
  )
  return Object.fromEntries(nodeNames.map((n, i) => [n, conns[i]]))
}

async function recordSwarm(name, script, nodeNames) {
  const t0 = Date.now()
  const cli = dockerClientOnPath(setup.swarm.clientVersion)
  if (!cli) throw new Error(`${name}: no docker client ${setup.swarm.clientVersion} on PATH`)
  const nodes = await freshNodes(nodeNames)
  usedNodes = Math.max(usedNodes, nodeNames.length)
  log(`${name}: fresh nodes ${nodeNames.join(', ')} (${Date.now() - t0} ms), lines through ${cli}`)
  const recording = await recordSwarmScenario(nodes, script, {
    cli,
    onStep: (node, step, line) => log(`  ${String(line).padStart(3)} ${node} [${step.exit}] ${step.command}`),
    onTrace: (node, command, delivered) =>
      log(`      ${node} ${command}: ${delivered ? 'delivered' : 'dropped'}`),
  })
  const file = `${recordedDir}${name}.json`
  let comparison = 'new'
  if (existsSync(file)) {
    const result = compareSwarmRuns(version, JSON.parse(readFileSync(file, 'utf8')), recording)
    comparison = `${result.matched}/${result.total} facts as before`
  }
  writeFileSync(file, `${JSON.stringify(recording, null, 2)}\n`)
  written.push(file)
  const steps = Object.values(recording.nodes).reduce((n, o) => n + o.steps.length, 0)
  log(
    `${name}: ${steps} steps on ${nodeNames.length} nodes, ${comparison}, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  )
}

const started = Date.now()
const written = []
// How many swarm nodes were used (reset again at the end), and whether the single engine was.
let usedNodes = 0
let usedEngine = false
mkdirSync(recordedDir, { recursive: true })
try {
  for (const name of names) {
    const script = readFileSync(`${scenariosDir}${name}.sh`, 'utf8')
    const nodeNames = scenarioNodes(script)
    if (nodeNames.length > 0) {
      await recordSwarm(name, script, nodeNames)
      continue
    }
    usedEngine = true
    const daemonArgs = scenarioDaemonArgs(script)
    const t0 = Date.now()
    const conn = await freshEngine(daemonArgs)
    if (!sameEngine(conn.serverVersion))
      throw new Error(`--engine ${version}: the engine at ${engine.host} is ${conn.serverVersion}`)
    log(
      `${name}: ${values['no-reset'] ? 'engine as it is' : 'fresh engine'} ${conn.serverVersion} at ${engine.host}${daemonArgs.length ? ` with ${daemonArgs.join(' ')}` : ''} (${Date.now() - t0} ms)`,
    )
    const snapshotDir = `${recordedDir}snapshots/${name}/`
    rmSync(snapshotDir, { recursive: true, force: true })
    const observation = await recordScenario(conn, script, {
      ...(setup.cli ? { cli: setup.cli } : {}),
      onStep: (step, line) => log(`  ${String(line).padStart(3)} [${step.exit}] ${step.command}`),
      onSnapshot: (label, partial) => {
        mkdirSync(snapshotDir, { recursive: true })
        const file = `${snapshotDir}${label}.json`
        // A snapshot keeps no probes: they belong to the whole scenario.
        const snapshot = recordingOf({ ...partial, traces: undefined })
        writeFileSync(file, `${JSON.stringify(snapshot, null, 2)}\n`)
        written.push(file)
        log(`  snapshot ${label}`)
      },
    })
    const file = `${recordedDir}${name}.json`
    const comparison = versusPrevious(file, observation)
    const recording = recordingOf(observation)
    writeFileSync(file, `${JSON.stringify(recording, null, 2)}\n`)
    written.push(file)
    log(
      `${name}: ${observation.steps.length} steps, ${comparison}, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    )
  }
} finally {
  // Fresh, and on its own flags again, whatever the last scenario's dockerd line said.
  if (!values['no-reset'] && usedEngine) await resetEngine(engine)
  for (let i = 1; i <= usedNodes; i++) await resetEngine(swarmNodeReset(version, i))
}

// The repository's formatter checks conformance/recorded too; give it its own layout.
const biome = `${repo}node_modules/.bin/biome`
if (existsSync(biome)) spawnSync(biome, ['format', '--write', ...written], { cwd: repo, stdio: 'ignore' })
else log('biome not installed: run `npx biome format --write conformance/recorded`')
log(`recorded ${names.length} scenario(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`)
