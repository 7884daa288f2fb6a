/**
 * Runs one parsed docker command against a real engine through the Engine
 * API and words the outcome as the docker 20.10 CLI does: what it prints on
 * stdout and stderr and its exit status, for success and for every kind of
 * failure (cli/command/... of docker/cli v20.10.24).
 */
import {
  type ContainerSummary,
  containerListSize,
  type DockerCommand,
  humanSize,
  type ListOutput,
  NetmodesError,
  type NetworkSummary,
  naturalCompare,
  PRUNE_WARNINGS,
  renderContainerList,
  renderNetworkList,
} from '@netmodes/core'
import type Docker from 'dockerode'
import { callEngine, DaemonError, engineRequest } from './_engine-request.js'
import { execInContainer } from './_exec-in.js'
import { awaitIngressSandbox } from './_ingress-sandbox.js'
import { type CliOutput, inspectObjects } from './_inspect-objects.js'
import {
  containerCreateRequest,
  type NetworkConnectCommand,
  type NetworkCreateCommand,
  networkConnectBody,
  networkCreateBody,
  type RunCommand,
  type SwarmInitCommand,
  swarmInitBody,
} from './_requests.js'
import type { CreatedObjects } from './created-objects.js'

/** A docker command the adapter does not replay on a real engine (it would attach or wait). */
export class UnsupportedLineError extends NetmodesError {
  constructor(
    readonly command: string,
    reason: string,
  ) {
    super('UNSUPPORTED', `\`${command}\` is not replayed on a real engine: ${reason}`)
    this.name = 'UnsupportedLineError'
  }
}

const seg = encodeURIComponent
const daemon = (error: DaemonError) => `Error response from daemon: ${error.message}`
// run.go reportError: exactly one final period.
const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`)
const ok = (stdout = ''): CliOutput => ({ stdout, stderr: '', exit: 0 })

// run.go runStartContainerErr: 127 for a missing binary, 126 for no permission, else 125.
function runExitCode(message: string): number {
  if (
    /executable file not found|no such file or directory|system cannot find the file specified/.test(message)
  )
    return 127
  if (message.includes('permission denied')) return 126
  return 125
}

// filters.Args.ToJSON: {"name":{"value":true}}, keys sorted as Go's encoder sorts them.
function filtersJson(filters: readonly string[] | undefined): string | undefined {
  if (!filters?.length) return undefined
  const args: Record<string, Record<string, boolean>> = {}
  for (const f of filters) {
    const eq = f.indexOf('=')
    const name = f.slice(0, eq).trim().toLowerCase()
    const value = f.slice(eq + 1).trim()
    args[name] = { ...(args[name] ?? {}), [value]: true }
  }
  const sorted = Object.fromEntries(
    Object.keys(args)
      .sort()
      .map((k) => [
        k,
        Object.fromEntries(
          Object.keys(args[k] ?? {})
            .sort()
            .map((v) => [v, true]),
        ),
      ]),
  )
  return JSON.stringify(sorted)
}

async function networkCreate(docker: Docker, cmd: NetworkCreateCommand, created: CreatedObjects) {
  const response = await callEngine(docker, {
    method: 'POST',
    path: '/networks/create',
    body: networkCreateBody(cmd),
  })
  const id = (JSON.parse(response.text) as { Id: string }).Id
  created.networks.push(id)
  return ok(`${id}\n`)
}

const INGRESS_WARNING =
  'WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run the same docker engine version. Otherwise, removal may not be effective and functionality of newly create ingress networks will be impaired.\nAre you sure you want to continue?'

// remove.go: the ingress network needs a confirmation, which an empty stdin refuses.
async function networkRemove(docker: Docker, names: readonly string[]): Promise<CliOutput> {
  let stdout = ''
  let stderr = ''
  for (const name of names) {
    const found = await engineRequest(docker, { method: 'GET', path: `/networks/${seg(name)}` })
    if (found.status === 200 && (JSON.parse(found.text) as { Ingress?: boolean }).Ingress) {
      stdout += `${INGRESS_WARNING} [y/N] `
      continue
    }
    try {
      await callEngine(docker, { method: 'DELETE', path: `/networks/${seg(name)}` })
      stdout += `${name}\n`
    } catch (error) {
      if (!(error instanceof DaemonError)) throw error
      stderr += error.status === 404 ? `Error: No such network: ${name}\n` : `${daemon(error)}\n`
    }
  }
  return { stdout, stderr, exit: stderr ? 1 : 0 }
}

async function networkConnect(docker: Docker, cmd: NetworkConnectCommand) {
  await callEngine(docker, {
    method: 'POST',
    path: `/networks/${seg(cmd.network)}/connect`,
    body: networkConnectBody(cmd),
  })
  return ok()
}

async function networkList(docker: Docker, cmd: Extract<DockerCommand, { kind: 'network ls' }>) {
  const filters = filtersJson(cmd.filters)
  const response = await callEngine(docker, {
    method: 'GET',
    path: '/networks',
    ...(filters ? { query: { filters } } : {}),
  })
  const networks = (JSON.parse(response.text) as NetworkSummary[]).sort((a, b) =>
    naturalCompare(a.Name, b.Name),
  )
  return listed(
    renderNetworkList(networks, {
      quiet: cmd.quiet,
      noTrunc: cmd.noTrunc,
      ...(cmd.format ? { format: cmd.format } : {}),
    }),
  )
}

// A list's template error is the CLI's: exit 1, nothing printed.
const listed = (output: ListOutput): CliOutput =>
  output.ok ? ok(output.stdout) : { stdout: '', stderr: output.stderr, exit: 1 }

async function containerList(docker: Docker, cmd: Extract<DockerCommand, { kind: 'ps' }>) {
  let limit = cmd.last ?? -1
  if (cmd.latest && limit === -1) limit = 1
  // list.go checks the template first, and turns --size on when it reads .Size.
  const sized = containerListSize(cmd.format, !!cmd.size)
  if (!sized.ok) return { stdout: '', stderr: sized.stderr, exit: 1 }
  const size = sized.size
  const filters = filtersJson(cmd.filters)
  const query: Record<string, string> = {
    ...(cmd.all ? { all: '1' } : {}),
    ...(limit !== -1 ? { limit: String(limit) } : {}),
    ...(size ? { size: '1' } : {}),
    ...(filters ? { filters } : {}),
  }
  const response = await callEngine(docker, { method: 'GET', path: '/containers/json', query })
  const list = JSON.parse(response.text) as ContainerSummary[]
  const options = {
    quiet: cmd.quiet,
    noTrunc: cmd.noTrunc,
    size,
    ...(cmd.format ? { format: cmd.format } : {}),
  }
  return listed(renderContainerList(list, options, Date.now()))
}

// The daemon removes an --rm container whose start failed; the CLI waits for that before exiting.
async function awaitRemoval(docker: Docker, id: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const r = await engineRequest(docker, { method: 'GET', path: `/containers/${id}/json` })
    if (r.status === 404) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function runOrCreate(docker: Docker, cmd: RunCommand, created: CreatedObjects): Promise<CliOutput> {
  if (cmd.kind === 'run' && !cmd.detach) {
    throw new UnsupportedLineError(
      'docker run',
      'only `docker run -d` is replayed (a foreground run attaches)',
    )
  }
  // createContainer's client-side warnings come first.
  let stderr = (cmd.warnings ?? []).map((w) => `${w}\n`).join('')
  const { query, body } = containerCreateRequest(cmd)
  let id: string
  try {
    const response = await callEngine(docker, { method: 'POST', path: '/containers/create', query, body })
    const answer = JSON.parse(response.text) as { Id: string; Warnings?: string[] | null }
    id = answer.Id
    created.containers.push(id)
    stderr += (answer.Warnings ?? []).map((w) => `WARNING: ${w}\n`).join('')
  } catch (error) {
    if (!(error instanceof DaemonError)) throw error
    // A missing image would make the CLI pull it; a replay never pulls, so the daemon's 404 stands.
    if (cmd.kind === 'create') return { stdout: '', stderr: `${stderr}${daemon(error)}\n`, exit: 1 }
    return {
      stdout: '',
      stderr: `${stderr}docker: ${sentence(daemon(error))}\nSee 'docker run --help'.\n`,
      exit: runExitCode(error.message),
    }
  }
  if (cmd.kind === 'create') return { stdout: `${id}\n`, stderr, exit: 0 }
  try {
    await callEngine(docker, { method: 'POST', path: `/containers/${id}/start` })
  } catch (error) {
    if (!(error instanceof DaemonError)) throw error
    if (cmd.rm) await awaitRemoval(docker, id)
    return {
      stdout: `${id}\n`,
      stderr: `${stderr}docker: ${sentence(daemon(error))}\n`,
      exit: runExitCode(error.message),
    }
  }
  return { stdout: `${id}\n`, stderr, exit: 0 }
}

// start.go without attaching: each failure printed, then one summary line.
async function start(docker: Docker, refs: readonly string[]): Promise<CliOutput> {
  let stdout = ''
  let stderr = ''
  const failed: string[] = []
  for (const ref of refs) {
    try {
      await callEngine(docker, { method: 'POST', path: `/containers/${seg(ref)}/start` })
      stdout += `${ref}\n`
    } catch (error) {
      if (!(error instanceof DaemonError)) throw error
      stderr += `${daemon(error)}\n`
      failed.push(ref)
    }
  }
  if (failed.length) stderr += `Error: failed to start containers: ${failed.join(', ')}\n`
  return { stdout, stderr, exit: failed.length ? 1 : 0 }
}

// stop.go, restart.go and rm.go: names printed as they succeed, errors joined at the end.
async function eachContainer(
  refs: readonly string[],
  action: (ref: string) => Promise<void>,
  onError: (ref: string, error: DaemonError) => { message: string; counts: boolean },
): Promise<CliOutput> {
  let stdout = ''
  let stderr = ''
  const errors: string[] = []
  for (const ref of refs) {
    try {
      await action(ref)
      stdout += `${ref}\n`
    } catch (error) {
      if (!(error instanceof DaemonError)) throw error
      const { message, counts } = onError(ref, error)
      if (counts) errors.push(message)
      else stderr += `${message}\n`
    }
  }
  if (errors.length) stderr += `${errors.join('\n')}\n`
  return { stdout, stderr, exit: errors.length ? 1 : 0 }
}

/**
 * `docker exec [-d] CONTAINER COMMAND...` as the 20.10 CLI runs it (exec.go):
 * inspect the container (the client words a 404), create the exec, start
 * it: detached, nothing is printed; else the program's output (stdout and
 * stderr as one stream, enough for `netstat`) and its exit status.
 */
async function execDetached(
  docker: Docker,
  cmd: Extract<DockerCommand, { kind: 'exec' }>,
): Promise<CliOutput> {
  const found = await engineRequest(docker, { method: 'GET', path: `/containers/${seg(cmd.container)}/json` })
  if (found.status === 404)
    return { stdout: '', stderr: `Error: No such container: ${cmd.container}\n`, exit: 1 }
  if (!cmd.detach) {
    const r = await execInContainer(docker, cmd.container, cmd.command)
    return { stdout: r.output, stderr: '', exit: r.exit }
  }
  const { text } = await callEngine(docker, {
    method: 'POST',
    path: `/containers/${seg(cmd.container)}/exec`,
    body: { Cmd: cmd.command, Detach: true, AttachStdin: false, AttachStdout: false, AttachStderr: false },
  })
  const { Id } = JSON.parse(text) as { Id: string }
  await callEngine(docker, {
    method: 'POST',
    path: `/exec/${seg(Id)}/start`,
    body: { Detach: true, Tty: false },
  })
  return ok()
}

async function port(docker: Docker, cmd: Extract<DockerCommand, { kind: 'port' }>): Promise<CliOutput> {
  const response = await engineRequest(docker, {
    method: 'GET',
    path: `/containers/${seg(cmd.container)}/json`,
  })
  if (response.status === 404)
    return { stdout: '', stderr: `Error: No such container: ${cmd.container}\n`, exit: 1 }
  if (response.status >= 400) {
    throw new DaemonError(response.status, (JSON.parse(response.text) as { message: string }).message)
  }
  const ports =
    (JSON.parse(response.text) as { NetworkSettings?: { Ports?: Record<string, PortBinding[] | null> } })
      .NetworkSettings?.Ports ?? {}
  if (cmd.port === undefined) {
    // Go walks the map in random order; the daemon's (sorted) order is kept here.
    const lines = Object.entries(ports).flatMap(([from, frontends]) =>
      (frontends ?? []).map((f) => `${from} -> ${f.HostIp}:${f.HostPort}\n`),
    )
    return ok(lines.join(''))
  }
  const slash = cmd.port.indexOf('/')
  const [number, proto] =
    slash >= 0 && cmd.port.slice(slash + 1) !== ''
      ? [cmd.port.slice(0, slash), cmd.port.slice(slash + 1)]
      : [slash >= 0 ? cmd.port.slice(0, slash) : cmd.port, 'tcp']
  const frontends = /^\d+$/.test(number) ? ports[`${Number(number)}/${proto}`] : undefined
  if (frontends) return ok(frontends.map((f) => `${f.HostIp}:${f.HostPort}\n`).join(''))
  return {
    stdout: '',
    stderr: `Error: No public port '${number}/${proto}' published for ${cmd.container}\n`,
    exit: 1,
  }
}

interface PortBinding {
  HostIp: string
  HostPort: string
}

async function swarmInit(docker: Docker, cmd: SwarmInitCommand, created: CreatedObjects): Promise<CliOutput> {
  let nodeId: string
  try {
    const response = await callEngine(docker, {
      method: 'POST',
      path: '/swarm/init',
      body: swarmInitBody(cmd),
    })
    nodeId = JSON.parse(response.text) as string
  } catch (error) {
    if (!(error instanceof DaemonError)) throw error
    const hint = /could not choose an IP address to advertise|could not find the system's IP address/.test(
      error.message,
    )
    return {
      stdout: '',
      stderr: `${daemon(error)}${hint ? ' - specify one with --advertise-addr' : ''}\n`,
      exit: 1,
    }
  }
  created.swarm = true
  await awaitIngressSandbox(docker)
  let stdout = `Swarm initialized: current node (${nodeId}) is now a manager.\n\n`
  // init.go printJoinCommand: the worker join line from the node's address and the swarm's token.
  const node = JSON.parse((await callEngine(docker, { method: 'GET', path: `/nodes/${nodeId}` })).text) as {
    ManagerStatus?: { Addr: string }
  }
  const swarm = JSON.parse((await callEngine(docker, { method: 'GET', path: '/swarm' })).text) as {
    JoinTokens: { Worker: string }
  }
  if (node.ManagerStatus) {
    stdout += `To add a worker to this swarm, run the following command:\n\n    docker swarm join --token ${swarm.JoinTokens.Worker} ${node.ManagerStatus.Addr}\n\n`
  }
  stdout +=
    "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n\n"
  return ok(stdout)
}

type PruneCommand = Extract<DockerCommand, { kind: 'network prune' | 'container prune' }>

// cli/command/{network,container}/prune.go: without -f the CLI asks on stdin; a script answers nothing ("no").
async function prune(docker: Docker, cmd: PruneCommand): Promise<CliOutput> {
  const containers = cmd.kind === 'container prune'
  const total = (bytes: number) => (containers ? `Total reclaimed space: ${humanSize(bytes, 4)}\n` : '')
  if (!cmd.force) {
    return ok(`${PRUNE_WARNINGS[cmd.kind]}\nAre you sure you want to continue? [y/N] ${total(0)}`)
  }
  const filters = filtersJson(cmd.filters)
  const report = JSON.parse(
    (
      await callEngine(docker, {
        method: 'POST',
        path: containers ? '/containers/prune' : '/networks/prune',
        query: filters ? { filters } : {},
      })
    ).text,
  ) as { NetworksDeleted?: string[] | null; ContainersDeleted?: string[] | null; SpaceReclaimed?: number }
  const deleted = (containers ? report.ContainersDeleted : report.NetworksDeleted) ?? []
  const heading = containers ? 'Deleted Containers:' : 'Deleted Networks:'
  const list = deleted.length > 0 ? `${heading}\n${deleted.map((d) => `${d}\n`).join('')}\n` : ''
  return ok(`${list}${total(report.SpaceReclaimed ?? 0)}`)
}

/**
 * `docker rename OLD NEW` as docker/cli container/rename.go does it: empty
 * names refused by the client, a daemon refusal printed before the CLI's own
 * "failed to rename" line. Containers are tracked by id, so cleanup follows.
 */
async function rename(docker: Docker, container: string, name: string): Promise<CliOutput> {
  const [old, next] = [container.trim(), name.trim()]
  if (!old || !next) return { stdout: '', stderr: 'Error: Neither old nor new names may be empty\n', exit: 1 }
  try {
    await callEngine(docker, {
      method: 'POST',
      path: `/containers/${seg(old)}/rename`,
      query: { name: next },
    })
    return ok()
  } catch (error) {
    if (!(error instanceof DaemonError)) throw error
    return {
      stdout: '',
      stderr: `${daemon(error)}\nError: failed to rename container named ${old}\n`,
      exit: 1,
    }
  }
}

/**
 * Executes one parsed command and returns what the docker CLI would print.
 * Daemon refusals become CLI texts; transport failures (the engine went
 * away) are thrown.
 *
 * @example
 * await executeCommand(docker, parseDockerCommand(['docker', 'network', 'create', 'app']), created)
 */
export async function executeCommand(
  docker: Docker,
  cmd: DockerCommand,
  created: CreatedObjects,
): Promise<CliOutput> {
  try {
    switch (cmd.kind) {
      case 'network create':
        return await networkCreate(docker, cmd, created)
      case 'network rm':
        return await networkRemove(docker, cmd.networks)
      case 'network connect':
        return await networkConnect(docker, cmd)
      case 'network disconnect':
        await callEngine(docker, {
          method: 'POST',
          path: `/networks/${seg(cmd.network)}/disconnect`,
          body: { Container: cmd.container, Force: cmd.force },
        })
        return ok()
      case 'network ls':
        return await networkList(docker, cmd)
      case 'network inspect':
        return await inspectObjects(
          docker,
          cmd.networks,
          { type: 'network', verbose: !!cmd.verbose },
          cmd.format,
        )
      case 'run':
      case 'create':
        return await runOrCreate(docker, cmd, created)
      case 'start':
        if (cmd.attach || cmd.interactive) {
          throw new UnsupportedLineError('docker start', 'only detached starts are replayed (-a/-i attach)')
        }
        return await start(docker, cmd.containers)
      case 'stop':
      case 'restart': {
        const query: Record<string, string> = cmd.time !== undefined ? { t: String(cmd.time) } : {}
        return await eachContainer(
          cmd.containers,
          async (ref) => {
            await callEngine(docker, { method: 'POST', path: `/containers/${seg(ref)}/${cmd.kind}`, query })
          },
          (_, error) => ({ message: daemon(error), counts: true }),
        )
      }
      case 'rm': {
        const query: Record<string, string> = {
          ...(cmd.volumes ? { v: '1' } : {}),
          ...(cmd.link ? { link: '1' } : {}),
          ...(cmd.force ? { force: '1' } : {}),
        }
        return await eachContainer(
          cmd.containers,
          async (ref) => {
            const name = ref.replace(/^\/+|\/+$/g, '')
            if (name === '') throw new DaemonError(0, 'Container name cannot be empty')
            await callEngine(docker, { method: 'DELETE', path: `/containers/${seg(name)}`, query })
          },
          // The client words a 404 itself; with -f a missing container is reported but is no failure.
          (ref, error) => {
            if (error.status === 0) return { message: error.message, counts: true }
            if (error.status === 404)
              return { message: `Error: No such container: ${ref}`, counts: !cmd.force }
            return { message: daemon(error), counts: true }
          },
        )
      }
      case 'ps':
        return await containerList(docker, cmd)
      case 'inspect':
        return await inspectObjects(
          docker,
          cmd.targets,
          { type: cmd.type ?? 'any', size: !!cmd.size },
          cmd.format,
        )
      case 'port':
        return await port(docker, cmd)
      case 'rename':
        return await rename(docker, cmd.container, cmd.name)
      case 'exec':
        return await execDetached(docker, cmd)
      case 'swarm init':
        return await swarmInit(docker, cmd, created)
      case 'network prune':
      case 'container prune':
        return await prune(docker, cmd)
      case 'swarm join': {
        // cli/command/swarm/join.go: POST /swarm/join, then the node's role from GET /info.
        await callEngine(docker, {
          method: 'POST',
          path: '/swarm/join',
          body: {
            ListenAddr: '0.0.0.0:2377',
            AdvertiseAddr: cmd.advertiseAddr ?? '',
            RemoteAddrs: [cmd.remoteAddr],
            JoinToken: cmd.token,
          },
        })
        created.swarm = true
        const info = JSON.parse((await callEngine(docker, { method: 'GET', path: '/info' })).text) as {
          Swarm?: { ControlAvailable?: boolean }
        }
        return ok(`This node joined a swarm as a ${info.Swarm?.ControlAvailable ? 'manager' : 'worker'}.\n`)
      }
      case 'swarm leave':
        await callEngine(docker, {
          method: 'POST',
          path: '/swarm/leave',
          query: cmd.force ? { force: '1' } : {},
        })
        return ok('Node left the swarm.\n')
    }
  } catch (error) {
    // Commands that stop at their first daemon error print it as the CLI's main does.
    if (error instanceof DaemonError) return { stdout: '', stderr: `${daemon(error)}\n`, exit: 1 }
    throw error
  }
}
