import { appendAll } from '../collections/append-all.js'
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import type { CliRendering } from '../engine-profiles/cli-rendering.js'
import { DockerCliError, DockerDaemonError, type ErrorCode, NetmodesError } from '../errors.js'
import { keepSandboxPaths } from '../etc/container-files.js'
import type { Container } from '../model/docker.js'
import {
  findContainer,
  findNetwork,
  isPredefinedNetwork,
  requireContainer,
  requireNetwork,
} from '../model/lookup.js'
import type { Operation } from '../model/operation.js'
import type { LabState } from '../model/state.js'
import { Tx } from '../model/tx.js'
import { ArgCountError, FlagUsageError, UnknownCommandError } from '../script/cobra-errors.js'
import type { DockerCommand } from '../script/docker-command.js'
import { parseDockerCommand } from '../script/parse-docker-command.js'
import { RunOptionError } from '../script/run-option-error.js'
import { tokenizeCommandLine } from '../script/tokenize.js'
import { UnsupportedCommandError } from '../script/unsupported-command-error.js'
import { UsageError } from '../script/usage-error.js'
import { inspectContainer } from '../views/container-inspect.js'
import { containerListSize, renderContainerList } from '../views/container-list.js'
import { renderDockerPort } from '../views/docker-port.js'
import { GoTemplateError, renderGoTemplate } from '../views/go-template.js'
import type { ListOutput } from '../views/list-format.js'
import { naturalCompare } from '../views/natural-order.js'
import { inspectNetwork, inspectNetworkVerbose } from '../views/network-inspect.js'
import { renderNetworkList } from '../views/network-list.js'
import {
  connectContainer,
  createContainer,
  disconnectContainer,
  pathsLeftByFailedStart,
  removeContainer,
  startContainer,
  stopContainer,
} from './containers.js'
import { listContainers } from './list-containers.js'
import { listNetworks } from './list-networks.js'
import { runExec } from './listeners.js'
import { createNetwork } from './network-create.js'
import { removeNetwork } from './network-remove.js'
import { NotSimulatedError } from './not-simulated.js'
import { PRUNE_WARNINGS, pruneContainers, pruneNetworks } from './prune.js'
import { renameContainer } from './rename-container.js'
import { type ClusterContext, initSwarm, joinSwarm, leaveSwarm } from './swarm.js'

/** What one docker command did: what the CLI printed, and what the daemon did underneath. */
export interface StepResult {
  command: string
  ok: boolean
  /** stdout, exactly as the docker CLI prints it. */
  output: string
  /** stderr, exactly as the docker CLI prints it (errors and warnings). */
  error?: string
  exitCode: number
  /** The low-level operations Docker performed, as data (`operationText` prints each as the command a person would type). */
  operations: Operation[]
  /** When the daemon refused the request: its error, with its code and its message (without the CLI's wording). */
  daemonError?: { code: ErrorCode; message: string }
}

const daemon = (e: Error) => `Error response from daemon: ${e.message}`

const JOIN_TIMEOUT =
  'Error response from daemon: Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.'

class Failure extends Error {
  constructor(
    readonly stderr: string,
    readonly exitCode: number,
    readonly stdout = '',
    /** The daemon's own error, when the daemon refused the request (what the Engine API answers). */
    readonly daemon?: NetmodesError,
  ) {
    super(stderr)
  }
}

/** Runs `fn` as one transaction: on any error the lab is put back exactly as it was. */
function transaction<T>(lab: LabState, fn: (tx: Tx) => T): { value: T; tx: Tx } {
  const tx = new Tx(lab)
  try {
    return { value: fn(tx), tx }
  } catch (error) {
    tx.rollback()
    if (error instanceof DockerDaemonError) error.kept?.()
    throw error
  }
}

/** Inspect output: indented JSON, or one line per object with a `--format` Go template. */
function formatted(docs: unknown[], format: string | undefined): string {
  if (!format) return json(docs)
  try {
    return docs.map((d) => renderGoTemplate(format, d)).join('')
  } catch (error) {
    // The docker CLI's wording and exit status for a template it cannot parse or run.
    if (error instanceof GoTemplateError) throw new Failure(`template parsing error: ${error.message}\n`, 64)
    throw error
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 4)}\n`
}

/**
 * Executes one docker command line against the lab, as the docker CLI and
 * the daemon would. A command that fails leaves the lab exactly as it was;
 * `docker run` is `create` then `start`, so when the start fails the
 * container stays created, as with Docker.
 *
 * @example
 * const lab = createLab()
 * runDocker(lab, 'docker network create app').output // the network id
 */
export function runDocker(lab: LabState, line: string, cluster?: ClusterContext): StepResult {
  let command: DockerCommand
  try {
    command = parseDockerCommand(tokenizeCommandLine(line))
  } catch (error) {
    const failure = toFailure(error, line, behaviourOf(lab).cli)
    return {
      command: line,
      ok: false,
      output: '',
      error: failure.stderr,
      exitCode: failure.exitCode,
      operations: [],
    }
  }
  return executeDocker(lab, command, line, cluster)
}

/**
 * Executes an already parsed docker command (see {@link parseDockerCommand});
 * `line` is only used to label the result and to word errors as the CLI does.
 */
export function executeDocker(
  lab: LabState,
  command: DockerCommand,
  line = `docker ${command.kind}`,
  cluster?: ClusterContext,
): StepResult {
  const operations: Operation[] = []
  const warnings: string[] = []
  const committed: Tx[] = []
  const step = <T>(fn: (tx: Tx) => T): T => {
    const { value, tx } = transaction(lab, fn)
    committed.push(tx)
    appendAll(operations, tx.operations)
    appendAll(warnings, tx.warnings)
    return value
  }
  try {
    const output = dispatch(lab, command, step, cluster)
    return {
      command: line,
      ok: true,
      output,
      ...(warnings.length ? { error: warnings.map((w) => `${w}\n`).join('') } : {}),
      exitCode: 0,
      operations,
    }
  } catch (error) {
    let failure: Failure
    try {
      failure = toFailure(error, line, behaviourOf(lab).cli)
    } catch (internal) {
      // Not a failure Docker has (a damaged lab, a bug): what the command's
      // earlier steps did is undone too, so the lab is left as it was (`run`'s
      // create is kept only when its start fails as Docker's would).
      for (const tx of committed.reverse()) tx.rollback()
      throw internal
    }
    const stderr = [...warnings.map((w) => `${w}\n`), failure.stderr].join('')
    return {
      command: line,
      ok: false,
      output: failure.stdout,
      error: stderr,
      exitCode: failure.exitCode,
      operations,
      ...(failure.daemon
        ? { daemonError: { code: failure.daemon.code, message: failure.daemon.message } }
        : {}),
    }
  }
}

function toFailure(error: unknown, line: string, cli: CliRendering): Failure {
  if (error instanceof Failure) return error
  // run/create option errors are worded by the CLI of the lab's engine version.
  if (error instanceof RunOptionError) {
    return new Failure(
      `${error.before}${cli.runError(cli.optionMessage(error.reason), error.command)}`,
      cli.exitCodes.run,
    )
  }
  if (error instanceof ArgCountError) {
    const text = cli.argCountError(error.path, error.useLine, error.expected)
    if (text !== undefined) return new Failure(text, error.exitCode)
  }
  if (error instanceof FlagUsageError) {
    const text = cli.flagError(error.reason, error.path, error.useLine)
    if (text !== undefined) return new Failure(text, error.exitCode)
  }
  if (error instanceof UnknownCommandError) {
    const text = cli.unknownCommand(error.path, error.word)
    if (text !== undefined) return new Failure(text, error.exitCode)
  }
  if (error instanceof UsageError) return new Failure(`${error.message}\n`, error.exitCode)
  // A real docker command this simulator does not model: said plainly, never dressed as a daemon error.
  if (error instanceof UnsupportedCommandError) return new Failure(`netmodes: ${error.message}\n`, 1)
  if (error instanceof NotSimulatedError) return new Failure(`netmodes: ${error.message}\n`, 1)
  const isRun = /^docker\s+(container\s+)?(run|create)\b/.test(line.trim())
  if (error instanceof DockerCliError) {
    return isRun
      ? new Failure(
          cli.runError(error.message, line.includes(' create') ? 'create' : 'run'),
          cli.exitCodes.run,
        )
      : new Failure(`${error.message}\n`, error.exitCode)
  }
  // `docker run` reports a daemon error itself (exit 125); `docker create` returns it to the CLI's main (exit 1).
  const isRunOnly = /^docker\s+(container\s+)?run\b/.test(line.trim())
  if (error instanceof NetmodesError) {
    return isRunOnly
      ? new Failure(cli.runError(daemon(error), 'run'), cli.exitCodes.run, '', error)
      : new Failure(`${daemon(error)}\n`, cli.exitCodes.createDaemonError, '', error)
  }
  throw error
}

type Step = <T>(fn: (tx: Tx) => T) => T

/** `docker start` of one container: a start that fails after its sandbox was made keeps the files' paths. */
function start(lab: LabState, step: Step, container: Container): void {
  try {
    step((tx) => startContainer(tx, container))
  } catch (error) {
    const left = pathsLeftByFailedStart(lab, container, error)
    if (left !== 'none') step((tx) => keepSandboxPaths(tx, container, left === 'all'))
    throw error
  }
}

function dispatch(lab: LabState, cmd: DockerCommand, step: Step, cluster?: ClusterContext): string {
  switch (cmd.kind) {
    case 'network create':
      return `${step((tx) => createNetwork(tx, cmd)).id}\n`
    case 'network rm':
      return removeNetworks(lab, cmd.networks, step)
    case 'network connect':
      step((tx) =>
        connectContainer(tx, requireNetwork(lab, cmd.network), requireContainer(lab, cmd.container), {
          network: cmd.network,
          aliases: [...cmd.aliases],
          fromConnect: true,
          ...(cmd.ip ? { ip: cmd.ip } : {}),
          ...(cmd.ip6 ? { ip6: cmd.ip6 } : {}),
        }),
      )
      return ''
    case 'network disconnect':
      step((tx) =>
        disconnectContainer(tx, requireNetwork(lab, cmd.network), requireContainer(lab, cmd.container)),
      )
      return ''
    case 'network ls': {
      // The CLI sorts the daemon's list by name (sortorder.NaturalLess).
      const networks = listNetworks(lab, cmd.filters).sort((a, b) => naturalCompare(a.Name, b.Name))
      return printed(
        renderNetworkList(networks, {
          quiet: cmd.quiet,
          noTrunc: cmd.noTrunc,
          ipv4: behaviourOf(lab).cli.networkListHasIPv4,
          ...(cmd.format ? { format: cmd.format } : {}),
        }),
      )
    }
    case 'network inspect': {
      const found = cmd.networks.map((ref) => findNetwork(lab, ref))
      const missing = cmd.networks.filter((_, i) => !found[i])
      const view = cmd.verbose ? inspectNetworkVerbose : inspectNetwork
      const docs = found.flatMap((n) => (n ? [view(lab, n)] : []))
      const out = formatted(docs, cmd.format)
      if (missing.length) {
        const stdout = docs.length || cmd.format ? out : '[]\n'
        const cli = behaviourOf(lab).cli
        throw new Failure(missing.map((m) => `${cli.networkNotFound(m)}\n`).join(''), 1, stdout)
      }
      return out
    }
    case 'create': {
      const container = step((tx) => createContainer(tx, cmd))
      return `${container.id}\n`
    }
    case 'run': {
      const container = step((tx) => createContainer(tx, cmd))
      try {
        start(lab, step, container)
      } catch (error) {
        if (!(error instanceof NetmodesError)) throw error
        const cli = behaviourOf(lab).cli
        throw new Failure(cli.runStartError(daemon(error)), cli.exitCodes.run, `${container.id}\n`)
      }
      return cmd.detach ? `${container.id}\n` : ''
    }
    case 'start':
      return perContainer(
        cmd.containers,
        (ref) => start(lab, step, requireContainer(lab, ref)),
        (errors) =>
          `${errors}Error: failed to start containers: ${cmd.containers.filter((r) => findContainer(lab, r)?.state !== 'running').join(', ')}\n`,
      )
    case 'stop':
      return perContainer(cmd.containers, (ref) => {
        step((tx) => stopContainer(tx, requireContainer(lab, ref)))
      })
    case 'restart':
      return perContainer(cmd.containers, (ref) => {
        step((tx) => {
          const c = requireContainer(lab, ref)
          stopContainer(tx, c)
          startContainer(tx, c)
        })
      })
    case 'rm':
      return perContainer(cmd.containers, (ref) => {
        const c = findContainer(lab, ref)
        const cli = behaviourOf(lab).cli
        if (!c && cmd.force && cli.forceRemoveIgnoresMissing) {
          // rm.go: with -f a missing container is reported, not counted as a failure.
          step((tx) => tx.warn(cli.containerNotFound(ref)))
          return 'skipped'
        }
        if (!c) throw new DockerCliError(cli.containerNotFound(ref), 1)
        step((tx) => removeContainer(tx, c, cmd.force, ref))
        return 'done'
      })
    case 'ps': {
      // list.go: the template is checked (and asked whether it reads .Size) before the daemon is.
      const sized = containerListSize(cmd.format, !!cmd.size)
      if (!sized.ok) throw new Failure(sized.stderr, 1)
      const limit = cmd.latest && (cmd.last ?? -1) === -1 ? 1 : (cmd.last ?? -1)
      const list = listContainers(lab, {
        all: cmd.all,
        limit,
        ...(cmd.filters ? { filters: cmd.filters } : {}),
      })
      return printed(
        renderContainerList(
          list,
          {
            quiet: cmd.quiet,
            noTrunc: cmd.noTrunc,
            size: sized.size,
            bracketIPv6: behaviourOf(lab).cli.bracketsIPv6,
            ...(cmd.format ? { format: cmd.format } : {}),
          },
          lab.clock * 1000,
        ),
      )
    }
    case 'inspect': {
      const docs: unknown[] = []
      const missing: string[] = []
      for (const ref of cmd.targets) {
        const c = findContainer(lab, ref)
        const n = c ? undefined : findNetwork(lab, ref)
        if (c) docs.push(inspectContainer(lab, c))
        else if (n) docs.push(inspectNetwork(lab, n))
        else missing.push(ref)
      }
      const out = formatted(docs, cmd.format)
      if (missing.length)
        throw new Failure(missing.map((m) => `Error: No such object: ${m}\n`).join(''), 1, out)
      return out
    }
    case 'port': {
      // The CLI's ContainerInspect: a missing container is the client's own "Error: No such container".
      const container = findContainer(lab, cmd.container)
      if (!container) throw new DockerCliError(behaviourOf(lab).cli.containerNotFound(cmd.container), 1)
      return renderDockerPort(container, cmd.container, cmd.port, behaviourOf(lab).cli)
    }
    case 'rename': {
      // container/rename.go: the CLI refuses empty names itself, then prints the daemon's
      // refusal and its own line after it.
      const [old, name] = [cmd.container.trim(), cmd.name.trim()]
      if (!old || !name) throw new DockerCliError('Error: Neither old nor new names may be empty', 1)
      try {
        step((tx) => renameContainer(tx, requireContainer(lab, old), name))
      } catch (error) {
        if (!(error instanceof NetmodesError)) throw error
        throw new Failure(`${daemon(error)}\nError: failed to rename container named ${old}\n`, 1, '', error)
      }
      return ''
    }
    case 'exec':
      return step((tx) => runExec(tx, cmd))
    case 'swarm init': {
      const out = step((tx) => initSwarm(tx, cmd.advertiseAddr))
      return behaviourOf(lab).cli.swarmInitEndsWithBlankLine ? out : out.replace(/\n\n$/, '\n')
    }
    case 'swarm leave':
      return step((tx) => leaveSwarm(tx, cmd.force))
    case 'swarm join': {
      const manager = cluster?.managerAt(cmd.remoteAddr)
      // No manager answers at that address (a lab of one host has none): the
      // daemon gives up waiting after its join timeout (daemon/cluster/swarm.go).
      if (!manager) {
        if (lab.swarm) throw new DockerDaemonError('CONFLICT', behaviourOf(lab).messages.alreadyInSwarm())
        throw new Failure(`${JOIN_TIMEOUT}\n`, 1)
      }
      const advertiseAddr = cmd.advertiseAddr ?? cluster?.ownAddress ?? ''
      return step((tx) => joinSwarm(tx, { token: cmd.token, advertiseAddr, manager }))
    }
    case 'network prune': {
      if (!cmd.force) return confirmationPrompt(cmd.kind)
      const deleted = step((tx) => pruneNetworks(tx, cmd, (n) => removeNetwork(tx, n)))
      // Fprintln of "Deleted Networks:\n<name>\n...": a blank line ends the list.
      return deleted.length > 0 ? `Deleted Networks:\n${deleted.map((n) => `${n}\n`).join('')}\n` : ''
    }
    case 'container prune': {
      if (!cmd.force) {
        const total = behaviourOf(lab).cli.declinedPruneReportsSpace ? 'Total reclaimed space: 0B\n' : ''
        return `${confirmationPrompt(cmd.kind)}${total}`
      }
      const deleted = step((tx) => pruneContainers(tx, cmd, (c) => removeContainer(tx, c, false)))
      const list =
        deleted.length > 0 ? `Deleted Containers:\n${deleted.map((id) => `${id}\n`).join('')}\n` : ''
      // A simulated container writes nothing to its layer: nothing to reclaim.
      return `${list}Total reclaimed space: 0B\n`
    }
  }
}

/**
 * command.PromptForConfirmation without -f: the question on stdout, and the
 * answer read from stdin, which a script does not give: taken as "no".
 */
function confirmationPrompt(kind: keyof typeof PRUNE_WARNINGS): string {
  return `${PRUNE_WARNINGS[kind]}\nAre you sure you want to continue? [y/N] `
}

/** A list's output, or its template error as the CLI reports it (exit 1, nothing printed). */
function printed(output: ListOutput): string {
  if (!output.ok) throw new Failure(output.stderr, 1)
  return output.stdout
}

/** Commands over several containers go on after a failure, then exit 1 (as the CLI does). */
function perContainer(
  refs: string[],
  /** 'skipped': nothing to print for this one (and no failure). */
  fn: (ref: string) => unknown,
  summarize?: (errors: string) => string,
): string {
  let out = ''
  let errors = ''
  let first: NetmodesError | undefined
  for (const ref of refs) {
    try {
      if (fn(ref) !== 'skipped') out += `${ref}\n`
    } catch (error) {
      if (error instanceof DockerCliError) errors += `${error.message}\n`
      else if (error instanceof NetmodesError) {
        errors += `${daemon(error)}\n`
        first ??= error
      } else throw error
    }
  }
  // The first daemon refusal is what the Engine API answers for a one-container request.
  if (errors) throw new Failure(summarize ? summarize(errors) : errors, 1, out, first)
  return out
}

function removeNetworks(lab: LabState, refs: string[], step: Step): string {
  let out = ''
  let errors = ''
  let first: NetmodesError | undefined
  for (const ref of refs) {
    const network = findNetwork(lab, ref)
    if (!network) {
      errors += `${behaviourOf(lab).cli.networkNotFound(ref)}\n`
      continue
    }
    try {
      if (isPredefinedNetwork(network)) {
        throw new DockerDaemonError(
          'UNSUPPORTED',
          behaviourOf(lab).messages.predefinedNetworkRemove(network.name),
        )
      }
      step((tx) => removeNetwork(tx, network))
      out += `${ref}\n`
    } catch (error) {
      if (!(error instanceof NetmodesError)) throw error
      errors += `${daemon(error)}\n`
      first ??= error
    }
  }
  if (errors) throw new Failure(`${errors}${behaviourOf(lab).cli.networkRemoveFailed}`, 1, out, first)
  return out
}
