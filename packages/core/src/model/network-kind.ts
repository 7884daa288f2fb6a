import type { Container, Network } from './docker.js'

/** User-defined networks: everything but the predefined bridge, host and none (a config-only network's "null" driver is its own). */
export function isUserDefined(network: Network): boolean {
  if (network.configOnly) return true
  return !(
    (network.name === 'bridge' && network.driver === 'bridge') ||
    network.driver === 'host' ||
    network.driver === 'null'
  )
}

/**
 * The aliases Docker 20.10 records for an endpoint on a user-defined network
 * (at create time, so a created container shows them too): the user's, then
 * the short container id, then the hostname when it differs from the name
 * (daemon/container_operations.go).
 */
export function endpointAliases(container: Container, network: Network, requested: string[]): string[] {
  if (!isUserDefined(network)) return [...requested]
  const aliases = [...requested]
  const shortId = container.id.slice(0, 12)
  if (!aliases.includes(shortId)) aliases.push(shortId)
  if (container.hostname !== container.name && !aliases.includes(container.hostname))
    aliases.push(container.hostname)
  return aliases
}
