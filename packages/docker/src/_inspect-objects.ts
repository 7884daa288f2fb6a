/**
 * `docker inspect`, `docker network inspect` and `docker container inspect`
 * as the 20.10 CLI runs them (cli/command/inspect, system/inspect.go): each
 * reference looked up in turn, raw documents indented, or one template
 * line per document, and the errors of the references not found.
 */

import { compileGoTemplate, type GoTemplate, GoTemplateError, indentGoJson } from '@netmodes/core'
import type Docker from 'dockerode'
import { daemonMessage, type EngineResponse, engineRequest } from './_engine-request.js'

/** What a docker command printed and its exit status. */
export interface CliOutput {
  stdout: string
  stderr: string
  exit: number
}

/** One kind of object `docker inspect` can find, and how the Go client asks for it. */
interface ObjectKind {
  type: string
  path: (ref: string) => string
  query?: Record<string, string>
  swarm?: boolean
  /** The client's "Error: No such X: ref" for a 404 (errdefs objectNotFoundError). */
  noun: string
}

const seg = encodeURIComponent

// system/inspect.go inspectAutodetect, in its order.
const KINDS: ObjectKind[] = [
  { type: 'container', path: (r) => `/containers/${seg(r)}/json`, noun: 'container' },
  { type: 'image', path: (r) => `/images/${seg(r)}/json`, noun: 'image' },
  { type: 'network', path: (r) => `/networks/${seg(r)}`, noun: 'network' },
  { type: 'volume', path: (r) => `/volumes/${seg(r)}`, noun: 'volume' },
  {
    type: 'service',
    path: (r) => `/services/${seg(r)}`,
    query: { insertDefaults: 'true' },
    swarm: true,
    noun: 'service',
  },
  { type: 'task', path: (r) => `/tasks/${seg(r)}`, swarm: true, noun: 'task' },
  { type: 'node', path: (r) => `/nodes/${seg(r)}`, swarm: true, noun: 'node' },
  { type: 'plugin', path: (r) => `/plugins/${seg(r)}/json`, noun: 'plugin' },
  { type: 'secret', path: (r) => `/secrets/${seg(r)}`, swarm: true, noun: 'secret' },
]

type Lookup = { raw: string } | { error: string; skippable: boolean }

async function lookup(
  docker: Docker,
  kind: ObjectKind,
  ref: string,
  query?: Record<string, string>,
): Promise<Lookup> {
  const response: EngineResponse = await engineRequest(docker, {
    method: 'GET',
    path: kind.path(ref),
    ...(query || kind.query ? { query: { ...kind.query, ...query } } : {}),
  })
  if (response.status >= 200 && response.status < 400) return { raw: response.text }
  const message = daemonMessage(response)
  if (response.status === 404) return { error: `Error: No such ${kind.noun}: ${ref}`, skippable: true }
  const error = `Error response from daemon: ${message}`
  return { error, skippable: error.includes('not supported') || error.includes('invalid reference format') }
}

// isSwarmManager: the swarm object kinds are only tried on a manager.
async function isSwarmManager(docker: Docker): Promise<boolean> {
  const response = await engineRequest(docker, { method: 'GET', path: '/info' })
  if (response.status !== 200) return false
  const info = JSON.parse(response.text) as { Swarm?: { ControlAvailable?: boolean } }
  return info.Swarm?.ControlAvailable === true
}

/** How to find one reference. */
export type InspectTarget = { type: 'network'; verbose?: boolean } | { type: 'any' | string; size?: boolean }

async function find(docker: Docker, ref: string, target: InspectTarget): Promise<Lookup> {
  if (target.type === 'network') {
    const verbose = 'verbose' in target && target.verbose
    return lookup(docker, KINDS[2] as ObjectKind, ref, verbose ? { verbose: 'true' } : undefined)
  }
  const size = 'size' in target && target.size
  if (target.type !== 'any') {
    const kind = KINDS.find((k) => k.type === target.type)
    if (!kind) return { error: `"${target.type}" is not a valid value for --type`, skippable: false }
    return lookup(docker, kind, ref, size && kind.type === 'container' ? { size: '1' } : undefined)
  }
  let swarm: boolean | undefined
  for (const kind of KINDS) {
    if (kind.swarm) {
      swarm ??= await isSwarmManager(docker)
      if (!swarm) continue
    }
    const found = await lookup(
      docker,
      kind,
      ref,
      size && kind.type === 'container' ? { size: '1' } : undefined,
    )
    if ('raw' in found || !found.skippable) return found
  }
  return { error: `Error: No such object: ${ref}`, skippable: false }
}

/**
 * Inspects every reference and prints as the CLI does: `[...]` of the raw
 * documents, or one line per document with `--format`; then, if any failed,
 * their errors on stderr and exit 1 (64 for a template Go cannot parse).
 *
 * @example
 * await inspectObjects(docker, ['web'], { type: 'any' }) // { stdout: '[\n    {\n ...', stderr: '', exit: 0 }
 */
export async function inspectObjects(
  docker: Docker,
  refs: readonly string[],
  target: InspectTarget,
  format?: string,
): Promise<CliOutput> {
  let template: GoTemplate | undefined
  if (format) {
    try {
      template = compileGoTemplate(format)
    } catch (error) {
      if (!(error instanceof GoTemplateError)) throw error
      return { stdout: '', stderr: `template parsing error: ${error.message}\n`, exit: 64 }
    }
  }
  const raws: string[] = []
  const lines: string[] = []
  const errors: string[] = []
  for (const ref of refs) {
    const found = await find(docker, ref, target)
    if (!('raw' in found)) {
      errors.push(found.error)
      continue
    }
    if (!template) {
      raws.push(found.raw)
      continue
    }
    try {
      lines.push(`${template.execute(JSON.parse(found.raw))}\n`)
    } catch (error) {
      if (!(error instanceof GoTemplateError)) throw error
      errors.push(`template parsing error: ${error.message}`)
    }
  }
  let stdout: string
  if (template) stdout = lines.length ? lines.join('') : '\n'
  else stdout = raws.length ? `${indentGoJson(`[${raws.join(',')}]`)}\n` : '[]\n'
  return errors.length
    ? { stdout, stderr: `${errors.join('\n')}\n`, exit: 1 }
    : { stdout, stderr: '', exit: 0 }
}
