// Shared by score.mjs and the tests: the engines recorded, their recordings,
// and the replay of a recording on the simulator.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  compareObservations,
  daemonOfScenario,
  hostBeforeScenario,
  hostFromObservation,
  normalizeObservation,
  onlyRecordedViews,
  simulateClusterObservation,
  simulateObservation,
} from '@netmodes/core'
import { maskEngineNoise } from './engine-noise.mjs'

export const here = fileURLToPath(new URL('.', import.meta.url))
const machine = JSON.parse(readFileSync(`${here}host.json`, 'utf8'))

/**
 * The real engines the scenarios are recorded on, oldest first. For each:
 * `cli`, the docker client its docker lines run through (undefined: the
 * adapter renders the 20.10 CLI's texts), `clientVersion`, the version that
 * client must have for its texts to be the recorded ones, `hostEnv`, the
 * variable naming its endpoint (.ci/run sets it), `pidfile`, the variable
 * naming its daemon's pidfile, if any, and `simulated`: whether the
 * simulator is held to 100% of its recordings (test/simulator.test.ts;
 * score.mjs fails on it). An engine whose profile is being built is held
 * instead to floor-<engine>.json, per scenario, until it is switched on here;
 * both modelled engines are held exactly today.
 *
 * `swarm`: the engines of the multi-node scenarios (scenarios/swarm-*.sh,
 * whose first line is `nodes node1 ...`), the ones scripts/swarm-nodes.sh
 * starts (NETMODES_SWARM_ENGINE=28 for the 28 ones): node i's socket and
 * pidfile, and the docker client every line runs through (`clientVersion`:
 * the first `docker` on PATH of that version). {@link swarmNodeReset} says
 * how a node is reset.
 */
export const engines = {
  '20.10': {
    hostEnv: 'DOCKER_HOST',
    cli: undefined,
    clientVersion: undefined,
    simulated: true,
    swarm: {
      clientVersion: /^20\.10\./,
      socket: (i) => `unix:///run/netmodes-node${i}.sock`,
      pidfile: (i) => `/run/netmodes-node${i}.pid`,
    },
  },
  28: {
    hostEnv: 'NETMODES_DOCKER_HOST_28',
    pidfileEnv: 'NETMODES_DOCKER_PIDFILE_28',
    cli: 'docker',
    clientVersion: /^28\.2\./,
    simulated: true,
    swarm: {
      clientVersion: /^28\.2\./,
      socket: (i) => `unix:///run/netmodes-28-node${i}.sock`,
      pidfile: (i) => `/run/netmodes-28-node${i}.pid`,
    },
  },
}

/**
 * resetEngine's options for swarm node i of an engine: its socket and
 * pidfile, and no egress guard of resetEngine's own (which drops everything
 * forwarded out of the node's eth0): scripts/swarm-nodes.sh guards eth0
 * but for the LAN, so that a container's answer through a published port
 * reaches the other node that asked.
 */
export function swarmNodeReset(engine, i) {
  const { swarm } = engines[known(engine)]
  return { host: swarm.socket(i), pidfile: swarm.pidfile(i), egressGuard: false }
}

/**
 * Scenarios recorded on real engines whose recordings the simulator is not
 * held to yet (a new recording, while core learns what it shows). score.mjs
 * prints them as pending, outside the totals; the simulator test and the 28
 * floor leave them out. The engine test still holds the engines to them.
 * Two multi-node recordings the simulated cluster does not reproduce yet:
 * a second manager that creates the overlay (swarm-managers) and published
 * ports of services (swarm-publish: host mode, and the mesh without IPVS).
 */
export const pending = new Set(['swarm-managers', 'swarm-publish'])

/** Whether a scenario (or a snapshot of one, "NAME@LABEL") is pending (see {@link pending}). */
export function isPending(name) {
  return pending.has(name.split('@')[0] ?? name)
}

/**
 * Scenarios one engine only can run, with the engines that do: a daemon flag
 * the other engine does not have (dockerd refuses to start with it).
 */
export const onlyOn = {
  'daemon-network-opts': ['28'],
}

/** Whether the scenario is recorded on that engine ({@link onlyOn}). */
export function scenarioRunsOn(name, engine) {
  return onlyOn[name]?.includes(engine) ?? true
}

/** The engine versions with recordings, e.g. ["20.10", "28"]. */
export const engineVersions = Object.keys(engines).sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b))

function known(engine) {
  if (!(engine in engines))
    throw new Error(`no recordings for engine ${engine}: one of ${engineVersions.join(', ')}`)
  return engine
}

/** Where an engine's recordings are: recorded/ENGINE/ (NETMODES_RECORDED overrides the recorded/ root). */
export function recordedDir(engine) {
  return `${process.env.NETMODES_RECORDED ?? `${here}recorded/`}${known(engine)}/`
}

/** Scenario names that have a recording on the engine, in name order. */
export function recordedScenarios(engine) {
  const dir = recordedDir(engine)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort()
}

/**
 * Mid-scenario observations (`snapshot LABEL` lines), as "NAME@LABEL": the
 * state part-way through a sequence (before a stop, after a disconnect).
 */
export function recordedSnapshots(engine) {
  const dir = `${recordedDir(engine)}snapshots/`
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .sort()
    .flatMap((name) =>
      readdirSync(`${dir}${name}`)
        .filter((f) => f.endsWith('.json'))
        .map((f) => `${name}@${f.slice(0, -5)}`)
        .sort(),
    )
}

export function readRecording(engine, name) {
  const [scenario, label] = name.split('@')
  const dir = recordedDir(engine)
  const file = label ? `${dir}snapshots/${scenario}/${label}.json` : `${dir}${scenario}.json`
  return JSON.parse(readFileSync(file, 'utf8'))
}

export function readScenario(name) {
  return readFileSync(`${here}scenarios/${name}.sh`, 'utf8')
}

/**
 * Compares what an engine did (`expected`) with another run (`actual`: the
 * engine again, or the simulator), fact by fact, accepting where the engine
 * itself is nondeterministic every outcome it produces, and only those
 * (engine-noise.mjs).
 */
export function compareRuns(engine, expected, actual) {
  const [e, a] = maskEngineNoise(known(engine), expected, actual)
  return compareObservations(normalizeObservation(e), normalizeObservation(a))
}

/**
 * What replaying a recording takes: the lines to run (a whole scenario from
 * its file, so `trace` lines run where they stand; a snapshot, the docker
 * lines recorded up to it) and the lab to run them on: a simulated copy of
 * the recording host, its daemon started with the scenario's `dockerd` flags,
 * modelling the recording's engine.
 */
export function replayInputs(engine, recording, name) {
  const extra = {
    nameservers: machine.nameservers,
    hostname: machine.hostname ?? 'recorder',
    ...(machine.resolvConf !== undefined ? { resolvConf: machine.resolvConf } : {}),
    ...(machine.hostsFile !== undefined ? { hostsFile: machine.hostsFile } : {}),
  }
  const whole = name && !name.includes('@')
  // A whole scenario runs its `host` lines where they stand (a route or a sysctl between two
  // probes), on the host as it was before them; a snapshot takes the host the recording ended with.
  const host = whole ? hostBeforeScenario(recording, extra) : hostFromObservation(recording, extra)
  const lines = whole
    ? readScenario(name)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('docker ') || l.startsWith('trace ') || l.startsWith('host '))
    : recording.steps.filter((s) => s.command.startsWith('docker ')).map((s) => s.command)
  // The scenario's `dockerd` line: the daemon the recorder restarted with those flags.
  const scenario = name ? name.split('@')[0] : undefined
  // (Only that line: core does not know the recorder's own host and snapshot lines.)
  const dockerd =
    scenario && existsSync(`${here}scenarios/${scenario}.sh`)
      ? readScenario(scenario)
          .split('\n')
          .filter((l) => /^dockerd(\s|$)/.test(l.trim()))
      : []
  const daemon = daemonOfScenario(dockerd.join('\n'))
  return { lines, labOptions: { host, daemon, profile: { version: known(engine), kernel: machine.kernel } } }
}

/** Whether a recording is of a multi-node scenario (one observation per node). */
export function isSwarmRecording(recording) {
  return typeof recording?.nodes === 'object' && recording.nodes !== null && !Array.isArray(recording.nodes)
}

// A service task's container is named SERVICE.SLOT.TASKID (replicated) or SERVICE.NODEID.TASKID
// (global), swarmkit's random ids (moby daemon/cluster/executor/container: the task's name).
const TASK_CONTAINER = /^\/?([^./]+)\.([0-9a-z]+)\.([0-9a-z]{25})$/

/**
 * A multi-node recording with swarmkit's random ids of services and tasks
 * as the role they play, on every node wherever they appear (names, files,
 * aliases, what `docker service create` printed on node1 of a task that runs
 * on node2): a task's id as `<task:SERVICE.SLOT>`, its service's id (the
 * container's com.docker.swarm.service.id label) as `<service:NAME>`. Two
 * runs then compare as the tasks they ran, as containers compare by name.
 * Node ids are left to the normalization, as a single-node swarm's are.
 *
 * @example
 * maskSwarmIds(recording).nodes.node2.containers[0].Name // '/web.1.<task:web.1>'
 */
export function maskSwarmIds(recording) {
  const roles = new Map()
  for (const node of Object.values(recording.nodes)) {
    for (const c of node.containers ?? []) {
      const m = String(c.Name).match(TASK_CONTAINER)
      if (!m) continue
      roles.set(m[3], `<task:${m[1]}.${m[2]}>`)
      const labels = c.Config?.Labels ?? {}
      const service = labels['com.docker.swarm.service.id']
      if (service) roles.set(service, `<service:${labels['com.docker.swarm.service.name'] ?? m[1]}>`)
    }
  }
  let text = JSON.stringify(recording)
  for (const [id, role] of roles) text = text.replaceAll(id, role)
  return JSON.parse(text)
}

/**
 * Compares two runs of a multi-node scenario node by node ({@link compareRuns}
 * on each node's observation, only the views the recording has), each fact's
 * path prefixed with its node ("node2/containers/b1/..."); a node only one
 * side has counts as one fact missing.
 */
export function compareSwarmRuns(engine, expected, actual) {
  expected = maskSwarmIds(expected)
  actual = maskSwarmIds(actual)
  const names = [...new Set([...Object.keys(expected.nodes), ...Object.keys(actual.nodes)])].sort()
  const out = { matched: 0, total: 0, mismatches: [] }
  for (const node of names) {
    const e = expected.nodes[node]
    const a = actual.nodes[node]
    if (!e || !a) {
      out.total += 1
      out.mismatches.push({ path: node, ...(e ? { expected: 'a node' } : { actual: 'a node' }) })
      continue
    }
    const result = compareRuns(engine, e, onlyRecordedViews(e, a))
    out.matched += result.matched
    out.total += result.total
    for (const m of result.mismatches) out.mismatches.push({ ...m, path: `${node}/${m.path}` })
  }
  return out
}

/**
 * Replays a multi-node recording on a simulated cluster (core's cluster/:
 * one lab per node, the nodes' hostname and /etc files this machine's, as the
 * real nodes, network namespaces of one machine, share them) and compares it
 * node by node. `source` is the scenario's text (default: its file).
 */
export function scoreSwarmRecording(engine, recording, name, source = readScenario(name)) {
  const actual = simulateClusterObservation(source, {
    engine: known(engine),
    profile: { version: known(engine), kernel: machine.kernel },
    machine: {
      nameservers: machine.nameservers,
      hostname: machine.hostname ?? 'recorder',
      ...(machine.resolvConf !== undefined ? { resolvConf: machine.resolvConf } : {}),
      ...(machine.hostsFile !== undefined ? { hostsFile: machine.hostsFile } : {}),
    },
  })
  return compareSwarmRuns(engine, recording, actual)
}

/** Compares a replay's observation with the recording it replayed. */
export function compareReplay(engine, recording, observed) {
  // Recordings made before the recorder read the containers' /etc files, or ip6tables, have none to compare.
  return compareRuns(engine, recording, onlyRecordedViews(recording, observed))
}

/** Replays a recording on the simulator (see {@link replayInputs}) and compares. */
export function scoreRecording(engine, recording, name) {
  if (isSwarmRecording(recording)) return scoreSwarmRecording(engine, recording, name)
  const { lines, labOptions } = replayInputs(engine, recording, name)
  return compareReplay(engine, recording, simulateObservation(lines, labOptions))
}
