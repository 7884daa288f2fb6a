/**
 * What the lab's schema cannot say field by field: records keyed by an id
 * hold that id, and the ids a container names (its networks, endpoints,
 * name, namespace, the container it shares one with) exist. The engine looks
 * these up without checking, so a file that breaks one is refused on load.
 */
import { behaviourOf } from '../../engine-profiles/behaviour-of.js'
import type { LabState } from '../../model/state.js'
import { pathStep } from './field-schema.js'

/**
 * The chains every lab has: iptables' built-in ones and those dockerd
 * creates at start (its firewaller's: 20.10 DOCKER in nat and filter, the
 * two isolation stages, DOCKER-USER; 28 also DOCKER-FORWARD, DOCKER-BRIDGE,
 * DOCKER-CT). The engine appends to them without asking whether they exist,
 * as dockerd may once it created them.
 */
const BUILTIN_CHAINS = {
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
} as const

/** The first broken reference of a lab that passed the schema, as "path: problem"; undefined when none. */
export function labReferenceProblem(lab: LabState): string | undefined {
  if (!Object.hasOwn(lab.namespaces, 'host')) return 'namespaces.host: is missing (the host namespace)'
  for (const table of ['nat', 'filter'] as const) {
    for (const chain of [...BUILTIN_CHAINS[table], ...behaviourOf(lab).firewaller.daemonChains[table]]) {
      if (!Object.hasOwn(lab.netfilter[table].chains, chain))
        return `netfilter.${table}.chains${pathStep(chain)}: is missing (a chain dockerd creates at start)`
    }
  }
  // The IPv6 tables, once the daemon wrote them (a lab saved before netmodes kept them has
  // none: its ip6tables side starts with its first IPv6 network, see kernel ip6tables).
  const v6 = behaviourOf(lab).firewaller6
  if (v6 && lab.netfilter6) {
    for (const table of ['nat', 'filter'] as const) {
      for (const chain of [...BUILTIN_CHAINS[table], ...v6.daemonChains[table]]) {
        if (!Object.hasOwn(lab.netfilter6[table].chains, chain))
          return `netfilter6.${table}.chains${pathStep(chain)}: is missing (a chain dockerd creates at start)`
      }
    }
  }
  for (const [key, ns] of Object.entries(lab.namespaces)) {
    if (ns.id !== key) return `namespaces${pathStep(key)}.id: must be the key it is filed under`
  }
  const networks = new Map<string, LabState['networks'][number]>()
  for (const [i, n] of lab.networks.entries()) {
    if (networks.has(n.id)) return `networks[${i}].id: another network has the same id`
    networks.set(n.id, n)
    for (const [key, ep] of Object.entries(n.endpoints)) {
      const at = `networks[${i}].endpoints${pathStep(key)}`
      if (ep.id !== key) return `${at}.id: must be the key it is filed under`
      if (ep.networkId !== n.id) return `${at}.networkId: must be the id of the network it is on`
    }
  }
  for (const [key, c] of Object.entries(lab.containers)) {
    const at = `containers${pathStep(key)}`
    if (c.id !== key) return `${at}.id: must be the key it is filed under`
    if (lab.containerNames[c.name] !== c.id)
      return `${at}.name: must be filed under containerNames with this id`
    for (const [networkId, endpointId] of Object.entries(c.endpoints)) {
      const n = networks.get(networkId)
      if (!n) return `${at}.endpoints${pathStep(networkId)}: no network has this id`
      if (n.endpoints[endpointId]?.containerId !== c.id)
        return `${at}.endpoints${pathStep(networkId)}: must be an endpoint of this container on that network`
    }
    if (c.sharesWith !== undefined && !Object.hasOwn(lab.containers, c.sharesWith))
      return `${at}.sharesWith: no container has this id`
    if (c.sandbox !== undefined && c.sandbox !== 'host' && !Object.hasOwn(lab.namespaces, c.sandbox))
      return `${at}.sandbox: no namespace has this id`
    if (c.portNetworkId !== undefined && !networks.has(c.portNetworkId))
      return `${at}.portNetworkId: no network has this id`
  }
  // A namespace has one owner; a container: mode container that runs in it
  // names that owner in sharesWith (engine/containers.ts startContainer). Stopping
  // the owner hands the namespace to its sharers, so a lab that lost a
  // sharesWith would have the namespace deleted under a running container.
  const owners = new Map<string, string>()
  for (const [key, c] of Object.entries(lab.containers)) {
    const at = `containers${pathStep(key)}`
    if (c.sharesWith !== undefined) {
      const owner = lab.containers[c.sharesWith]
      if (owner?.sandbox !== c.sandbox)
        return `${at}.sandbox: must be the namespace of the container it shares with`
      continue
    }
    if (c.sandbox === undefined || c.sandbox === 'host') continue
    const other = owners.get(c.sandbox)
    if (other !== undefined)
      return `${at}.sandbox: container ${other} owns this namespace too (a container that joins another's names it in sharesWith)`
    owners.set(c.sandbox, key)
  }
  for (const [name, id] of Object.entries(lab.containerNames)) {
    if (!Object.hasOwn(lab.containers, id) || lab.containers[id]?.name !== name)
      return `containerNames${pathStep(name)}: must be the id of a container of that name`
  }
  for (const [key, allocations] of Object.entries(lab.hostPorts)) {
    for (const [i, a] of allocations.entries()) {
      if (`${a.proto}/${a.hostPort}` !== key)
        return `hostPorts${pathStep(key)}[${i}]: must be filed under "${a.proto}/${a.hostPort}"`
    }
  }
  // A socket belongs to a running process: its container exists and runs (a stop closes it).
  for (const [i, l] of (lab.listeners ?? []).entries()) {
    if (l.container === undefined) continue
    if (lab.containers[l.container]?.state !== 'running')
      return `listeners[${i}].container: must be the id of a running container`
  }
  return undefined
}
