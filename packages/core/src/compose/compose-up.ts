/**
 * `docker compose up -d` and `down`, as Docker Compose v2 does them to the
 * engine: the project's networks created with Compose's labels (or found,
 * when external), then each service's containers in dependency order, named
 * PROJECT-SERVICE-N, on their networks in Compose's priority order (higher
 * `priority` first, then by key: the first is the container's network mode,
 * the others are joined before it starts), with the aliases Compose gives
 * (the container's name, the service, the file's own) and its labels; `down`
 * removes the containers, then the networks it made. Each step is a docker
 * command through the engine, so every check and refusal is Docker's own.
 * Compose's config-hash and image labels are not written: netmodes does not
 * compute the hash of Compose's serialized config, nor image IDs.
 * Observed with Compose 2.40.3 against Docker 20.10.24 and 28.5.2.
 */

import { runDocker, type StepResult } from '../engine/execute.js'
import { NetmodesError } from '../errors.js'
import type { Operation } from '../model/operation.js'
import type { LabState } from '../model/state.js'
import type { ComposeNetwork, ComposeProject, ComposeService } from './compose-file.js'

/** The Compose release whose behaviour and labels are modelled (`com.docker.compose.version`). */
export const COMPOSE_VERSION = '2.40.3'

/** What one compose command did: Compose's progress lines, and every docker step underneath. */
export interface ComposeResult {
  ok: boolean
  /** What Compose prints (its progress goes to stderr; `output` is empty as with `-d`). */
  output: string
  error?: string
  exitCode: number
  steps: StepResult[]
  operations: Operation[]
}

export interface ComposeOptions {
  /** The folder the file is in (`com.docker.compose.project.working_dir`). */
  workingDir?: string
  /** The files' paths (`com.docker.compose.project.config_files`). */
  configFiles?: string[]
  /** The Compose release the labels name (`com.docker.compose.version`); default {@link COMPOSE_VERSION}. */
  version?: string
}

const quote = (s: string) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`)

function line(words: string[]): string {
  return words.map(quote).join(' ')
}

/** Services in the order Compose starts them: each after what it depends on, the file's order otherwise. */
function startOrder(project: ComposeProject): ComposeService[] {
  const byName = new Map(project.services.map((s) => [s.name, s]))
  const out: ComposeService[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (s: ComposeService, path: string[]) => {
    if (state.get(s.name) === 'done') return
    if (state.get(s.name) === 'visiting')
      throw new NetmodesError('INVALID_INPUT', `dependency cycle detected: ${[...path, s.name].join(' -> ')}`)
    state.set(s.name, 'visiting')
    for (const dep of [...s.dependsOn, ...serviceModeTarget(s)]) {
      const d = byName.get(dep)
      if (!d)
        throw new NetmodesError(
          'INVALID_INPUT',
          `service "${s.name}" depends on undefined service "${dep}": invalid compose project`,
        )
      visit(d, [...path, s.name])
    }
    state.set(s.name, 'done')
    out.push(s)
  }
  for (const s of project.services) visit(s, [])
  return out
}

function serviceModeTarget(s: ComposeService): string[] {
  return s.networkMode?.startsWith('service:') ? [s.networkMode.slice('service:'.length)] : []
}

const containerName = (project: ComposeProject, s: ComposeService, n: number) =>
  s.containerName ?? `${project.name}-${s.name}-${n}`

/** The service's networks as Compose orders them: priority, highest first, then key (compose-go). */
function networkOrder(s: ComposeService): string[] {
  return [...s.networks.entries()]
    .sort(([a, x], [b, y]) => y.priority - x.priority || (a < b ? -1 : a > b ? 1 : 0))
    .map(([key]) => key)
}

function createNetwork(project: ComposeProject, n: ComposeNetwork, version: string): string[] {
  const words = ['docker', 'network', 'create']
  if (n.driver) words.push('--driver', n.driver)
  for (const [k, v] of Object.entries(n.driverOpts)) words.push('-o', `${k}=${v}`)
  for (const c of n.ipam) {
    if (c.subnet) words.push('--subnet', c.subnet)
    if (c.gateway) words.push('--gateway', c.gateway)
    if (c.ipRange) words.push('--ip-range', c.ipRange)
  }
  if (n.internal) words.push('--internal')
  if (n.attachable) words.push('--attachable')
  if (n.enableIpv6) words.push('--ipv6')
  const labels = {
    ...n.labels,
    'com.docker.compose.network': n.key,
    'com.docker.compose.project': project.name,
    'com.docker.compose.version': version,
  }
  for (const [k, v] of Object.entries(labels)) words.push('--label', `${k}=${v}`)
  words.push(n.name)
  return words
}

function createContainer(
  project: ComposeProject,
  s: ComposeService,
  n: number,
  options: ComposeOptions,
): { create: string[]; connects: string[][] } {
  const name = containerName(project, s, n)
  const networkName = (key: string) => project.networks.find((x) => x.key === key)?.name ?? key
  const words = ['docker', 'create', '--name', name]
  if (s.hostname) words.push('--hostname', s.hostname)
  const order = networkOrder(s)
  const connects: string[][] = []
  if (s.networkMode) {
    const mode = s.networkMode.startsWith('service:')
      ? `container:${containerName(project, project.services.find((x) => x.name === s.networkMode?.slice(8)) as ComposeService, 1)}`
      : s.networkMode
    words.push('--network', mode)
  } else {
    order.forEach((key, i) => {
      const cfg = s.networks.get(key)
      const aliases = [name, s.name, ...(cfg?.aliases ?? [])]
      if (i === 0) {
        words.push('--network', networkName(key))
        for (const a of aliases) words.push('--network-alias', a)
        if (cfg?.ipv4Address) words.push('--ip', cfg.ipv4Address)
        if (cfg?.ipv6Address) words.push('--ip6', cfg.ipv6Address)
      } else {
        const c = ['docker', 'network', 'connect']
        for (const a of aliases) c.push('--alias', a)
        if (cfg?.ipv4Address) c.push('--ip', cfg.ipv4Address)
        if (cfg?.ipv6Address) c.push('--ip6', cfg.ipv6Address)
        connects.push([...c, networkName(key), name])
      }
    })
  }
  for (const p of s.ports) {
    const host = [p.hostIp, p.published].filter((x) => x !== undefined).join(':')
    words.push('-p', `${host ? `${host}:` : ''}${p.target}/${p.protocol}`)
  }
  for (const e of s.expose) words.push('--expose', e)
  for (const l of s.links) {
    const [svc = '', alias] = l.split(':')
    const target = project.services.find((x) => x.name === svc)
    words.push('--link', `${target ? containerName(project, target, 1) : svc}:${alias ?? svc}`)
  }
  for (const h of s.extraHosts) words.push('--add-host', h)
  for (const d of s.dns) words.push('--dns', d)
  const labels: Record<string, string> = {
    ...s.labels,
    'com.docker.compose.container-number': String(n),
    'com.docker.compose.depends_on': s.dependsOn.map((d) => `${d}:service_started:false`).join(','),
    'com.docker.compose.oneoff': 'False',
    'com.docker.compose.project': project.name,
    ...(options.configFiles
      ? { 'com.docker.compose.project.config_files': options.configFiles.join(',') }
      : {}),
    ...(options.workingDir ? { 'com.docker.compose.project.working_dir': options.workingDir } : {}),
    'com.docker.compose.service': s.name,
    'com.docker.compose.version': options.version ?? COMPOSE_VERSION,
  }
  for (const [k, v] of Object.entries(labels)) words.push('--label', `${k}=${v}`)
  words.push(s.image, ...(s.command ?? []))
  return { create: words, connects }
}

class Runner {
  readonly steps: StepResult[] = []
  readonly progress: string[] = []
  constructor(readonly lab: LabState) {}
  /** Runs a docker command; a failure ends the compose command with Docker's words. */
  run(words: string[]): StepResult {
    const r = runDocker(this.lab, line(words))
    this.steps.push(r)
    if (!r.ok) throw new ComposeStop(r)
    return r
  }
  result(ok: boolean, error?: string, exitCode = ok ? 0 : 1): ComposeResult {
    const progress = this.progress.map((p) => `${p}\n`).join('')
    return {
      ok,
      output: '',
      error: progress + (error ?? ''),
      exitCode,
      steps: this.steps,
      operations: this.steps.flatMap((s) => s.operations),
    }
  }
}

class ComposeStop extends Error {
  constructor(readonly step: StepResult) {
    super(step.error ?? '')
  }
}

/** The daemon's refusal as Compose prints it: "Error response from daemon: ...", without the docker CLI's own lines. */
function composeError(step: StepResult): string {
  const text =
    (step.error ?? '').split('\n').find((l) => l.includes('Error response from daemon')) ?? step.error ?? ''
  return `${text.replace(/^docker: /, '').trim()}\n`
}

/**
 * `docker compose -p PROJECT up -d`.
 *
 * @example
 * composeUp(lab, parseComposeFile(text, 'shop')).error // " Network shop_default  Created\n Container shop-web-1  Started\n"
 */
export function composeUp(
  lab: LabState,
  project: ComposeProject,
  options: ComposeOptions = {},
): ComposeResult {
  const runner = new Runner(lab)
  try {
    const order = startOrder(project)
    for (const n of project.networks) {
      const existing = lab.networks.find((x) => x.name === n.name)
      if (n.external) {
        if (!existing)
          return runner.result(false, `network ${n.name} declared as external, but could not be found\n`)
        continue
      }
      if (existing) continue
      runner.run(createNetwork(project, n, options.version ?? COMPOSE_VERSION))
      runner.progress.push(` Network ${n.name}  Created`)
    }
    for (const s of order) {
      for (let n = 1; n <= s.replicas; n++) {
        const name = containerName(project, s, n)
        const existing = Object.values(lab.containers).find((c) => c.name === name)
        if (existing) {
          if (existing.state !== 'running') runner.run(['docker', 'start', name])
          runner.progress.push(` Container ${name}  Running`)
          continue
        }
        const { create, connects } = createContainer(project, s, n, options)
        runner.run(create)
        for (const c of connects) runner.run(c)
        runner.progress.push(` Container ${name}  Created`)
      }
    }
    for (const s of order)
      for (let n = 1; n <= s.replicas; n++) {
        const name = containerName(project, s, n)
        if (runner.progress.includes(` Container ${name}  Running`)) continue
        runner.run(['docker', 'start', name])
        runner.progress.push(` Container ${name}  Started`)
      }
    return runner.result(true)
  } catch (error) {
    if (error instanceof ComposeStop) return runner.result(false, composeError(error.step))
    if (error instanceof NetmodesError) return runner.result(false, `${error.message}\n`)
    throw error
  }
}

/**
 * `docker compose -p PROJECT down`: the project's containers (by its label) stopped and removed, then the
 * networks it made (not external ones).
 *
 * @example
 * composeDown(lab, parseComposeFile(text, 'shop'))
 */
export function composeDown(lab: LabState, project: ComposeProject): ComposeResult {
  const runner = new Runner(lab)
  try {
    const mine = Object.values(lab.containers).filter(
      (c) => c.labels['com.docker.compose.project'] === project.name,
    )
    for (const c of [...mine].reverse()) {
      if (c.state === 'running') {
        runner.run(['docker', 'stop', c.name])
        runner.progress.push(` Container ${c.name}  Stopped`)
      }
      runner.run(['docker', 'rm', c.name])
      runner.progress.push(` Container ${c.name}  Removed`)
    }
    for (const n of project.networks) {
      if (n.external || !lab.networks.some((x) => x.name === n.name)) continue
      runner.run(['docker', 'network', 'rm', n.name])
      runner.progress.push(` Network ${n.name}  Removed`)
    }
    return runner.result(true)
  } catch (error) {
    if (error instanceof ComposeStop) return runner.result(false, composeError(error.step))
    throw error
  }
}
