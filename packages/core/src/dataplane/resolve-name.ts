/**
 * Name resolution as a container's application sees it. On user-defined
 * networks Docker's embedded DNS server (127.0.0.11, in each container's
 * resolv.conf) answers with the address of a container of that name, or of
 * an endpoint with that alias, on a network the asking container is on;
 * libnetwork asks its networks in the sandbox's endpoint order
 * (sandbox_dns_unix.go, `ResolveName`). The default bridge has no such
 * service: there only `--link` writes names into /etc/hosts.
 */

import type { Container, Endpoint, Network, OverlayPeer } from '../model/docker.js'
import { containerByName } from '../model/lookup.js'
import { isUserDefined } from '../model/network-kind.js'
import type { LabState } from '../model/state.js'
import { endpointOwner } from './_listeners.js'

/** The answer of {@link resolveName}. */
export type NameResolution =
  | { resolved: true; address: string; network: Network; endpoint: Endpoint; via: 'name' | 'alias' }
  /** An endpoint on another node of the swarm, known through the network's gossip (its peer database). */
  | { resolved: true; address: string; network: Network; peer: OverlayPeer; via: 'peer' }
  /** A swarm service's name (its VIP, or a task's address with dnsrr) or tasks.NAME (a task's address). */
  | { resolved: true; address: string; network: Network; service: string; via: 'service' }
  | { resolved: false; why: 'default-bridge' | 'no-common-network' | 'no-embedded-dns'; networks: string[] }

/**
 * Resolves a name from inside a container, through the embedded DNS when its
 * networks have one.
 *
 * @example
 * resolveName(lab, { from: web, name: 'db' })
 * // { resolved: true, address: '172.18.0.3', network: app, endpoint, via: 'name' }
 */
export function resolveName(lab: LabState, options: { from: Container; name: string }): NameResolution {
  const { name } = options
  // A container in container mode asks its owner's sandbox (it has no endpoints of its own).
  const owner = endpointOwner(lab, options.from)
  if (!owner || owner.sandbox === 'host' || owner.networkMode === 'host') {
    return { resolved: false, why: 'no-embedded-dns', networks: [] }
  }
  const networks: Network[] = []
  for (const networkId of Object.keys(owner.endpoints)) {
    const n = lab.networks.find((x) => x.id === networkId)
    if (n && n.driver !== 'host' && n.driver !== 'null') networks.push(n)
  }
  const userDefined = networks.filter(isUserDefined)
  if (userDefined.length === 0) {
    return networks.length > 0
      ? { resolved: false, why: 'default-bridge', networks: networks.map((n) => n.name) }
      : { resolved: false, why: 'no-embedded-dns', networks: [] }
  }
  const named = containerByName(lab, name)
  for (const network of userDefined) {
    const byName =
      named?.state === 'running' ? network.endpoints[named.endpoints[network.id] ?? ''] : undefined
    if (byName?.ipv4) return { resolved: true, address: byName.ipv4, network, endpoint: byName, via: 'name' }
    for (const ep of Object.values(network.endpoints)) {
      if (ep.ipv4 && ep.aliases.includes(name))
        return { resolved: true, address: ep.ipv4, network, endpoint: ep, via: 'alias' }
    }
    // The service records networkDB spreads: a container's name on another node of the swarm.
    const peer = named ? undefined : network.peers?.find((p) => p.name === name)
    if (peer) return { resolved: true, address: peer.ipv4, network, peer, via: 'peer' }
    // networkDB's service records: NAME is the VIP (the first task's address with dnsrr),
    // tasks.NAME a task's (the embedded DNS answers every task; a client takes the first).
    const service = network.services?.find((x) => x.name === name || `tasks.${x.name}` === name)
    const address = service && (name.startsWith('tasks.') || !service.vip ? service.tasks[0] : service.vip)
    if (service && address) return { resolved: true, address, network, service: service.name, via: 'service' }
  }
  return { resolved: false, why: 'no-common-network', networks: userDefined.map((n) => n.name) }
}
