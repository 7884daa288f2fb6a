import {
  type DockerCommand,
  NetmodesError,
  type ObservedStep,
  type ObservedTrace,
  parseDockerCommand,
  tokenizeCommandLine,
  UsageError,
} from '@netmodes/core'
import { cleanupCreated } from './_cleanup.js'
import { createdSince, type DockerCli, dockerCli, engineContents } from './_docker-cli.js'
import { executeCommand } from './_execute-command.js'
import { runShell } from './_host-tools.js'
import { type ReplayStatement, splitScenario } from './_scenario-statements.js'
import type { DockerConnection } from './connect-docker.js'
import type { CreatedObjects } from './created-objects.js'
import { probe } from './probe.js'

/** Options of {@link replayScript}. */
export interface ReplayOptions {
  /**
   * Run `host CMD` lines as root shell commands on this machine (the
   * conformance scenarios create parent interfaces and routes that way).
   * Off by default, when such lines are rejected like any unknown statement.
   * Requires a local engine. `cleanup()` does not undo them.
   */
  hostCommands?: boolean
  /**
   * Send the packets `trace` lines describe (ping, or a TCP connection that
   * must be answered), from containers or the host to this host's
   * containers only. Off by default: then trace lines are skipped.
   */
  probes?: boolean
  /**
   * What to do with a valid docker line the adapter does not replay (a
   * command outside netmodes' subset, `--help`, a foreground `docker run`):
   * 'throw' (default) stops the replay with the error; 'record' keeps going
   * and records the line with exit 127 and the reason on stderr.
   */
  unsupported?: 'throw' | 'record'
  /**
   * Run each docker line through this docker client program (e.g. "docker")
   * with DOCKER_HOST set to the connection's endpoint and an empty
   * configuration, and record what it printed, instead of sending the
   * requests and rendering the 20.10 CLI's texts. For an engine whose
   * client words things otherwise (the docker 28.2 CLI for an engine 28).
   * What the lines created is then whatever appeared on the engine during
   * the replay.
   */
  cli?: string
  /** Called after each line, e.g. to log progress. */
  onStep?: (step: ObservedStep, line: number) => void
  /** Called at each `snapshot LABEL` line (a recorder directive); without it they are skipped. */
  onSnapshot?: (label: string, steps: readonly ObservedStep[]) => Promise<void> | void
}

/** What a replay did, and the way to undo it. */
export interface ReplayResult {
  /** One entry per docker or host line, as the docker CLI printed it. */
  steps: ObservedStep[]
  /** The `trace` lines, probed on the engine (with `probes`), in order. */
  traces: ObservedTrace[]
  /** Everything the replay created (ids), including containers whose start failed. */
  created: Readonly<CreatedObjects>
  /**
   * Removes what the replay created: containers (forced) first, then
   * networks, then the swarm if the replay initialized it. Keeps going past
   * failures and throws one AggregateError at the end if any.
   */
  cleanup(): Promise<void>
}

function parseLine(text: string): DockerCommand | ObservedStep {
  try {
    return parseDockerCommand(tokenizeCommandLine(text))
  } catch (error) {
    // What the docker CLI itself rejects, before any request.
    if (error instanceof UsageError) {
      return { command: text, exit: error.exitCode, stdout: '', stderr: `${error.message}\n` }
    }
    throw error
  }
}

async function replayStatement(
  conn: DockerConnection,
  statement: Exclude<ReplayStatement, { kind: 'snapshot' | 'dockerd' | 'nodes' }>,
  created: CreatedObjects,
  options: ReplayOptions,
  cli: DockerCli | undefined,
): Promise<ObservedStep> {
  if (statement.kind === 'host') {
    const out = await runShell(statement.command, conn.netns)
    return { command: statement.text, exit: out.exit, stdout: out.stdout, stderr: out.stderr }
  }
  if (cli) {
    const out = await cli.run(statement.text)
    return { command: statement.text, exit: out.exit, stdout: out.stdout, stderr: out.stderr }
  }
  try {
    const parsed = parseLine(statement.text)
    if (!('kind' in parsed)) return parsed
    const out = await executeCommand(conn.docker, parsed, created)
    return { command: statement.text, exit: out.exit, stdout: out.stdout, stderr: out.stderr }
  } catch (error) {
    if (error instanceof NetmodesError && error.code === 'UNSUPPORTED' && options.unsupported === 'record') {
      return { command: statement.text, exit: 127, stdout: '', stderr: `netmodes: ${error.message}\n` }
    }
    if (error instanceof NetmodesError && error.code === 'UNSUPPORTED') {
      throw new NetmodesError('UNSUPPORTED', `line ${statement.line}: ${error.message}`, { cause: error })
    }
    throw error
  }
}

/**
 * Replays a scenario on a real Docker Engine: each `docker ...` line is
 * tokenized and parsed by @netmodes/core (so the simulator and the engine
 * give it one meaning), sent as Engine API requests through dockerode, and
 * recorded with the stdout, stderr and exit status the docker 20.10 CLI
 * would have printed (or, with `cli`, run through a real docker client and
 * recorded as it printed them). A line that fails is recorded, not thrown. When the
 * replay itself stops (engine gone, unsupported line) what it created is
 * removed before the error propagates.
 *
 * @example
 * const conn = await connectDocker()
 * const replay = await replayScript(conn, 'docker network create --subnet 10.88.0.0/24 app\n')
 * console.log(replay.steps[0]?.stdout) // the network id
 * await replay.cleanup()
 */
export async function replayScript(
  conn: DockerConnection,
  script: string,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const statements = splitScenario(script, { hostCommands: options.hostCommands ?? false })
  if (options.hostCommands && !conn.local && statements.some((s) => s.kind === 'host')) {
    throw new NetmodesError(
      'UNSUPPORTED',
      `host lines run on this machine, but the engine at ${conn.endpoint} is not local`,
    )
  }
  const nodes = statements.find((s) => s.kind === 'nodes')
  if (nodes)
    throw new NetmodesError(
      'UNSUPPORTED',
      `line ${nodes.line}: a scenario on several nodes (${nodes.text}) is replayed on several engines: recordSwarmScenario`,
    )
  const created: CreatedObjects = { containers: [], networks: [], swarm: false }
  const gwbridgeBefore = await hasNetwork(conn, 'docker_gwbridge')
  const before = options.cli ? await engineContents(conn.docker) : undefined
  const cli = options.cli ? dockerCli(options.cli, conn.endpoint) : undefined
  const cleanup = async () => {
    // A client's lines report no ids to the adapter: what they made is what appeared meanwhile.
    if (before) Object.assign(created, await createdSince(conn.docker, before))
    await cleanupCreated(conn.docker, created, { removeGwbridge: !gwbridgeBefore })
  }
  const steps: ObservedStep[] = []
  const traces: ObservedTrace[] = []
  try {
    for (const statement of statements) {
      // The daemon's flags: whoever started the engine applied them (the recorder resets it with them).
      if (statement.kind === 'dockerd' || statement.kind === 'nodes') continue
      if (statement.kind === 'snapshot') {
        await options.onSnapshot?.(statement.label, steps)
        continue
      }
      if (statement.kind === 'trace') {
        // Probes run only when asked for: they send real packets (between this host's containers only).
        if (options.probes) {
          const result = await probe(conn, statement.trace)
          traces.push({ command: statement.text, delivered: result.delivered, detail: result.detail })
        }
        continue
      }
      const step = await replayStatement(conn, statement, created, options, cli)
      steps.push(step)
      options.onStep?.(step, statement.line)
    }
  } catch (error) {
    try {
      await cleanup()
    } catch (teardown) {
      const failures = teardown instanceof AggregateError ? teardown.errors : [teardown]
      throw new AggregateError(
        [error, ...failures],
        `replay failed, and so did its cleanup: ${String(error)}`,
      )
    }
    throw error
  } finally {
    cli?.close()
  }
  return { steps, traces, created, cleanup }
}

async function hasNetwork(conn: DockerConnection, name: string): Promise<boolean> {
  const list = await conn.docker.listNetworks({ filters: JSON.stringify({ name: { [name]: true } }) })
  return list.some((n) => n.Name === name)
}

/**
 * Replays a scenario, hands the result to `fn` (to observe the engine, say)
 * and always cleans up afterwards, even when `fn` throws. Teardown keeps
 * going past failures and reports them in one AggregateError.
 *
 * @example
 * const observation = await withReplay(conn, script, async (replay) => ({
 *   ...(await observeEngine(conn)),
 *   steps: replay.steps,
 * }))
 */
export async function withReplay<T>(
  conn: DockerConnection,
  script: string,
  fn: (result: ReplayResult) => Promise<T> | T,
  options: ReplayOptions = {},
): Promise<T> {
  const result = await replayScript(conn, script, options)
  let value: T
  try {
    value = await fn(result)
  } catch (error) {
    try {
      await result.cleanup()
    } catch (teardown) {
      const failures = teardown instanceof AggregateError ? teardown.errors : [teardown]
      throw new AggregateError([error, ...failures], `${String(error)}; cleanup failed too`)
    }
    throw error
  }
  await result.cleanup()
  return value
}
