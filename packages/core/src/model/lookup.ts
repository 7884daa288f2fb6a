import { DockerDaemonError } from '../errors.js'
import type { Container, Network } from './docker.js'
import type { Namespace } from './namespace.js'
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

/** Where `ip netns add NAME` keeps a namespace; its name is what `ip -n` and `ip netns exec` take. */
export const NETNS_DIR = '/run/netns/'

/**
 * A machine of the lab other than the host and the containers: a namespace
 * a `host ip netns add NAME` line made (a PC on a LAN segment beside the host).
 *
 * @example
 * machineNamespace(lab, 'pc1')?.id // '/run/netns/pc1'
 */
export function machineNamespace(lab: LabState, name: string): Namespace | undefined {
  return ownValue(lab.namespaces, `${NETNS_DIR}${name}`)
}

/**
 * The names of the lab's other machines (`ip netns add NAME`), in the order they were made:
 * what a trace can start from or go to besides the containers, the host, "lan" and "internet".
 *
 * @example
 * machineNames(lab) // ['pc1', 'pc2']
 */
export function machineNames(lab: LabState): string[] {
  return Object.keys(lab.namespaces)
    .filter((id) => id.startsWith(NETNS_DIR))
    .map((id) => id.slice(NETNS_DIR.length))
}
