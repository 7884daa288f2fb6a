import { DockerDaemonError } from '../errors.js'
import type { Container, Network } from './docker.js'
import { isUserDefined } from './network-kind.js'
import { ownValue } from './own-record.js'
import type { LabState } from './state.js'

/**
 * Finds a network as the daemon does: exact id, exact name, then a unique id
 * prefix.
 */
export function findNetwork(lab: LabState, ref: string): Network | undefined {
  return (
    lab.networks.find((n) => n.id === ref) ??
    lab.networks.find((n) => n.name === ref) ??
    (() => {
      const matches = lab.networks.filter((n) => n.id.startsWith(ref))
      return matches.length === 1 ? matches[0] : undefined
    })()
  )
}

export function requireNetwork(lab: LabState, ref: string): Network {
  const network = findNetwork(lab, ref)
  if (!network) throw new DockerDaemonError('NOT_FOUND', `network ${ref} not found`)
  return network
}

/** Finds a container by id, name (with or without "/") or unique id prefix, as the daemon does. */
export function findContainer(lab: LabState, ref: string): Container | undefined {
  const name = ref.startsWith('/') ? ref.slice(1) : ref
  const byId = ownValue(lab.containers, ref)
  if (byId) return byId
  const named = containerByName(lab, name)
  if (named) return named
  if (!/^[0-9a-f]+$/.test(ref)) return undefined
  const matches = Object.keys(lab.containers).filter((id) => id.startsWith(ref))
  return matches.length === 1 ? ownValue(lab.containers, matches[0] as string) : undefined
}

/**
 * The container with exactly this name (the daemon's name index), read as an
 * own entry so names like `constructor` find only a container of that name.
 */
export function containerByName(lab: LabState, name: string): Container | undefined {
  const id = ownValue(lab.containerNames, name)
  return id === undefined ? undefined : ownValue(lab.containers, id)
}

export function requireContainer(lab: LabState, ref: string): Container {
  const container = findContainer(lab, ref)
  if (!container) throw new DockerDaemonError('NOT_FOUND', `No such container: ${ref}`)
  return container
}

/** The predefined networks (bridge, host, none) Docker refuses to remove or re-create. */
export function isPredefinedNetwork(network: Network): boolean {
  return !isUserDefined(network)
}
