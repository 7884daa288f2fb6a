import { NetmodesError } from '../errors.js'
import type { LabState } from '../model/state.js'

/**
 * A lab as JSON text. The state is plain data, so this is lossless:
 * `fromJSON(toJSON(lab))` deep-equals `lab`.
 *
 * @example
 * const saved = toJSON(lab)
 */
export function toJSON(lab: LabState): string {
  return JSON.stringify(lab)
}

/** Restores a lab saved with {@link toJSON}; rejects anything that is not one. */
export function fromJSON(text: string): LabState {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new NetmodesError('INVALID_INPUT', `lab file is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    })
  }
  const problem = labShapeProblem(value)
  if (problem)
    throw new NetmodesError('INVALID_INPUT', `lab file is not a netmodes lab (schema 1): ${problem}`)
  return value as LabState
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v)

/**
 * What makes a value unusable as a lab, or undefined: checks every part the
 * engine reads, so a damaged file is refused up front instead of failing in
 * the middle of a command.
 */
function labShapeProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not an object'
  if (value.schema !== 1) return 'schema is not 1'
  for (const key of [
    'profile',
    'rng',
    'host',
    'namespaces',
    'ipam',
    'containers',
    'netfilter',
    'hostPorts',
    'portCursor',
    'containerNames',
  ]) {
    if (!isObject(value[key])) return `"${key}" is missing or not an object`
  }
  if (!Array.isArray(value.networks)) return '"networks" is not a list'
  if (typeof value.clock !== 'number' || typeof value.nextPid !== 'number')
    return '"clock" or "nextPid" is not a number'
  const namespaces = value.namespaces as Record<string, unknown>
  if (!isObject(namespaces.host)) return 'the host namespace is missing'
  for (const [id, ns] of Object.entries(namespaces)) {
    if (!isObject(ns) || !Array.isArray(ns.links) || !Array.isArray(ns.routes))
      return `namespace ${id} is damaged`
  }
  const netfilter = value.netfilter as Record<string, unknown>
  for (const table of ['nat', 'filter']) {
    const t = netfilter[table]
    if (!isObject(t) || !isObject(t.chains)) return `iptables table ${table} is missing`
  }
  for (const n of value.networks as unknown[]) {
    if (!isObject(n) || typeof n.id !== 'string' || typeof n.name !== 'string' || !isObject(n.endpoints)) {
      return 'a network is damaged'
    }
  }
  for (const c of Object.values(value.containers as Record<string, unknown>)) {
    if (
      !isObject(c) ||
      typeof c.id !== 'string' ||
      !Array.isArray(c.endpointConfigs) ||
      !isObject(c.endpoints)
    ) {
      return 'a container is damaged'
    }
  }
  return undefined
}
