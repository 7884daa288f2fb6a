import { behaviourOf } from '../engine-profiles/behaviour-of.js'
/**
 * GET /containers/json of moby 20.10 (daemon/list.go, container/view.go,
 * container/state.go): which containers `docker ps` gets, newest first,
 * their filters, and the summary of each with its status on the lab's
 * clock ("Up 3 seconds", "Exited (137) 2 minutes ago").
 */
import type { DaemonMessages } from '../engine-profiles/daemon-messages.js'
import { DockerDaemonError } from '../errors.js'
import type { Container } from '../model/docker.js'
import { findContainer } from '../model/lookup.js'
import type { LabState } from '../model/state.js'
import { inspectContainer } from '../views/container-inspect.js'
import type { ContainerSummary } from '../views/container-list.js'
import type { PortSummary } from '../views/displayable-ports.js'
import { humanDuration } from '../views/human-duration.js'
import {
  exactMatch,
  type FilterArgs,
  matchLabels,
  parseFilterArgs,
  regexpMatch,
  validateFilterKeys,
} from './filter-args.js'
import { containerProcess, sameImage } from './image-commands.js'

const ACCEPTED = [
  'ancestor',
  'before',
  'exited',
  'id',
  'isolation',
  'label',
  'name',
  'status',
  'health',
  'since',
  'volume',
  'network',
  'is-task',
  'publish',
  'expose',
]
const STATES = ['paused', 'restarting', 'removing', 'running', 'dead', 'created', 'exited']

/** Options of {@link listContainers}: the Engine API's query. */
export interface ListContainersOptions {
  all?: boolean
  /** `-n`: the newest N (any state); `-l` is 1. -1 (or absent) is no limit. */
  limit?: number
  filters?: readonly string[]
}

// `docker stop` of the modelled containers: their process ignores SIGTERM (a shell or sleep as
// PID 1), so the daemon kills it after the timeout: 128 + SIGKILL.
const STOPPED_EXIT_CODE = 137

/** State.String() of moby 20.10, with ages measured on the lab's clock. */
export function containerStatus(c: Container, now: number): string {
  const age = (since: number | undefined) => humanDuration((now - (since ?? now)) * 1000)
  if (c.state === 'running') return `Up ${age(c.startedAt)}`
  if (c.startedAt === undefined) return 'Created'
  if (c.finishedAt === undefined) return ''
  return `Exited (${STOPPED_EXIT_CODE}) ${age(c.finishedAt)} ago`
}

/** Docker's Command: Path and Args, an argument with a space in single quotes. */
function commandLine(c: Container): string {
  const [path = '', ...args] = containerProcess(c.image, c.cmd)
  if (args.length === 0) return path
  return `${path} ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`
}

/**
 * One container as GET /containers/json lists it.
 *
 * @example
 * containerSummary(lab, web).Status // 'Up 2 seconds'
 */
export function containerSummary(lab: LabState, c: Container): ContainerSummary {
  const doc = inspectContainer(lab, c) as {
    NetworkSettings: {
      Ports: Record<string, { HostIp: string; HostPort: string }[] | null>
      Networks: Record<string, unknown>
    }
  }
  const ports: PortSummary[] = []
  for (const [key, bindings] of Object.entries(doc.NetworkSettings.Ports ?? {})) {
    const [port = '0', proto = 'tcp'] = key.split('/')
    if (!bindings?.length) ports.push({ PrivatePort: Number(port), Type: proto })
    for (const b of bindings ?? []) {
      ports.push({ IP: b.HostIp, PrivatePort: Number(port), PublicPort: Number(b.HostPort), Type: proto })
    }
  }
  return {
    Id: c.id,
    Names: [`/${c.name}`],
    Image: c.image,
    // The lab keeps no image store: no image id to show.
    ImageID: '',
    Command: commandLine(c),
    Created: c.created,
    Ports: ports,
    State: c.state,
    Status: containerStatus(c, lab.clock),
    Labels: { ...c.labels },
    NetworkSettings: { Networks: doc.NetworkSettings.Networks },
  }
}

// idOrNameFilter: `before=`/`since=` name a container by id, id prefix or name.
function referenced(lab: LabState, ref: string): Container {
  const c = findContainer(lab, ref.replace(/^\//, ''))
  if (!c) throw new DockerDaemonError('NOT_FOUND', `No such container: ${ref}`)
  return c
}

function portFilter(
  args: FilterArgs,
  key: 'publish' | 'expose',
  messages: Pick<DaemonMessages, 'invalidPortFilter'>,
): Set<string> {
  const out = new Set<string>()
  for (const value of args.get(key) ?? []) {
    if (value.includes(':')) {
      throw new DockerDaemonError('INTERNAL', `filter for '${key}' should not contain ':': ${value}`)
    }
    const [range = '', proto = 'tcp'] = value.split('/')
    const m = range.match(/^(\d+)(?:-(\d+))?$/)
    if (!m) {
      throw new DockerDaemonError('INTERNAL', messages.invalidPortFilter(key, value, range))
    }
    for (let p = Number(m[1]); p <= Number(m[2] ?? m[1]); p++) out.add(`${p}/${proto.toLowerCase()}`)
  }
  return out
}

/**
 * The containers `docker ps` gets, newest first (Containers of daemon/list.go).
 * Throws DockerDaemonError with the daemon's text for a bad filter.
 *
 * @example
 * listContainers(lab, { all: true, filters: ['status=exited'] }).map((c) => c.Names)
 */
export function listContainers(lab: LabState, options: ListContainersOptions = {}): ContainerSummary[] {
  const args = parseFilterArgs(options.filters)
  validateFilterKeys(args, ACCEPTED, behaviourOf(lab).messages)
  const limit = options.limit ?? -1
  let all = !!options.all
  const exited = [...(args.get('exited') ?? [])].map((v) => {
    if (!/^[+-]?\d+$/.test(v)) {
      throw new DockerDaemonError('INTERNAL', behaviourOf(lab).messages.invalidExitedFilter(v))
    }
    return Number(v)
  })
  for (const value of args.get('status') ?? []) {
    if (!STATES.includes(value))
      throw new DockerDaemonError('INVALID_INPUT', behaviourOf(lab).messages.invalidStatusFilter(value))
    all = true
  }
  const isTask = args.get('is-task')
  if (isTask && !(isTask.size === 1 && (isTask.has('true') || isTask.has('false')))) {
    throw new DockerDaemonError('INVALID_INPUT', behaviourOf(lab).messages.invalidIsTaskFilter([...isTask]))
  }
  for (const value of args.get('health') ?? []) {
    if (!['starting', 'healthy', 'unhealthy', 'none'].includes(value)) {
      throw new DockerDaemonError('INVALID_INPUT', behaviourOf(lab).messages.invalidHealthFilter(value))
    }
  }
  let before = [...(args.get('before') ?? [])].map((v) => referenced(lab, v)).pop()
  const since = [...(args.get('since') ?? [])].map((v) => referenced(lab, v)).pop()
  const publish = portFilter(args, 'publish', behaviourOf(lab).messages)
  const expose = portFilter(args, 'expose', behaviourOf(lab).messages)

  const newestFirst = Object.values(lab.containers).sort((a, b) => b.created - a.created)
  const out: ContainerSummary[] = []
  for (const c of newestFirst) {
    if (before) {
      if (c.id === before.id) before = undefined
      continue
    }
    if (since && c.id === since.id) break
    const running = c.state === 'running'
    if (!running && !all && limit <= 0) continue
    if (!regexpMatch(args, 'name', `/${c.name}`) && !regexpMatch(args, 'name', c.name)) continue
    if (!regexpMatch(args, 'id', c.id)) continue
    // No container of the lab is a swarm task.
    if (isTask?.has('true')) continue
    if (!matchLabels(args, 'label', c.labels)) continue
    if (limit > 0 && out.length === limit) break
    if (exited.length > 0 && (running || c.startedAt === undefined || !exited.includes(STOPPED_EXIT_CODE)))
      continue
    if (!regexpMatch(args, 'status', c.state)) continue
    // No healthchecks in the lab: every container's health is "none".
    if (!exactMatch(args, 'health', 'none')) continue
    // No volumes in the lab.
    if (args.has('volume')) continue
    if (args.has('ancestor') && ![...(args.get('ancestor') ?? [])].some((a) => sameImage(a, c.image)))
      continue
    const summary = containerSummary(lab, c)
    if (args.has('network')) {
      const networks = summary.NetworkSettings?.Networks ?? {}
      const ids = Object.keys(networks).map((name) => lab.networks.find((n) => n.name === name)?.id ?? '')
      const hit = [...(args.get('network') ?? [])].some(
        (v) => v in networks || ids.some((id) => id !== '' && id.startsWith(v)),
      )
      if (!hit) continue
    }
    if (publish.size > 0 || expose.size > 0) {
      const ports = summary.Ports ?? []
      if (
        !ports.some(
          (p) => publish.has(`${p.PublicPort ?? 0}/${p.Type}`) || expose.has(`${p.PrivatePort}/${p.Type}`),
        )
      )
        continue
    }
    out.push(summary)
  }
  return out
}
