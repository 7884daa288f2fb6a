import { behaviourOf } from '../engine-profiles/behaviour-of.js'
/**
 * GET /networks of moby 20.10 (api/server/router/network, daemon/network
 * FilterNetworks): the network list and its filters.
 */
import { DockerDaemonError } from '../errors.js'
import type { Network } from '../model/docker.js'
import { isPredefinedNetwork } from '../model/lookup.js'
import type { LabState } from '../model/state.js'
import { inspectNetwork } from '../views/network-inspect.js'
import type { NetworkSummary } from '../views/network-list.js'
import { exactMatch, matchLabels, parseFilterArgs, regexpMatch, validateFilterKeys } from './filter-args.js'

const ACCEPTED = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type']

/**
 * The networks `docker network ls --filter ...` gets from the daemon (in the lab's order; the CLI sorts).
 *
 * @example
 * listNetworks(lab, ['driver=bridge']).map((n) => n.Name) // ['bridge', 'app']
 */
export function listNetworks(lab: LabState, filters: readonly string[] = []): NetworkSummary[] {
  const args = parseFilterArgs(filters)
  validateFilterKeys(args, ACCEPTED, behaviourOf(lab).messages)
  let list = lab.networks.filter(
    (n) =>
      (!args.has('driver') || exactMatch(args, 'driver', n.driver)) &&
      (!args.has('name') || regexpMatch(args, 'name', n.name)) &&
      (!args.has('id') || regexpMatch(args, 'id', n.id)) &&
      (!args.has('label') || matchLabels(args, 'label', n.labels)) &&
      (!args.has('scope') || exactMatch(args, 'scope', n.scope)),
  )
  const dangling = [...(args.get('dangling') ?? [])]
  if (dangling.length > 1) {
    throw new DockerDaemonError('INVALID_INPUT', 'got more than one value for filter key "dangling"')
  }
  if (dangling.length === 1) {
    const only = dangling[0] === '1' || dangling[0] === 'true'
    if (!only && dangling[0] !== '0' && dangling[0] !== 'false') {
      throw new DockerDaemonError(
        'INVALID_INPUT',
        `invalid value for filter 'dangling', must be "true" (or "1"), or "false" (or "0")`,
      )
    }
    // 20.10 filters before it fills in the networks' containers (GetNetworks builds them
    // after FilterNetworks): every user-defined network counts as unused.
    list = list.filter((n) => (only ? !isPredefinedNetwork(n) : isPredefinedNetwork(n)))
  }
  if (args.has('type')) {
    const typed: Network[] = []
    for (const value of args.get('type') ?? []) {
      if (value !== 'builtin' && value !== 'custom') {
        throw new DockerDaemonError('INVALID_INPUT', `invalid filter: 'type'='${value}'`)
      }
      typed.push(...list.filter((n) => isPredefinedNetwork(n) === (value === 'builtin')))
    }
    list = typed
  }
  return list.map((n) => {
    const doc = inspectNetwork(lab, n) as unknown as NetworkSummary
    return { ...doc, Containers: {} } as NetworkSummary
  })
}
