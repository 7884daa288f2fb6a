/**
 * `docker rename OLD NEW` (POST /containers/{id}/rename): the daemon's
 * ContainerRename (moby daemon/rename.go, the same in 20.10 and 28).
 *
 * The name index moves to the new name; a running container's sandbox is
 * renamed too (sb.Rename: each endpoint's name, which the embedded DNS
 * answers), so the old name stops resolving and the new one resolves at
 * once (observed on both engines with nslookup through 127.0.0.11). The
 * network-scoped aliases and the hostname stay as they were; 28's DNSNames
 * are rebuilt from the new name (buildEndpointDNSNames), which inspect
 * derives from the name.
 */
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { DockerDaemonError } from '../errors.js'
import type { Container } from '../model/docker.js'
import { containerByName } from '../model/lookup.js'
import type { Tx } from '../model/tx.js'

// daemon/names.go validContainerNamePattern (the leading "/" is the daemon's canonical form).
const NAME_RE = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

/**
 * Renames a container, or throws the daemon's refusal (the lab unchanged).
 *
 * @example
 * step((tx) => renameContainer(tx, requireContainer(lab, 'web'), 'api'))
 */
export function renameContainer(tx: Tx, container: Container, newName: string): void {
  const lab = tx.lab
  if (newName === '') throw new DockerDaemonError('INVALID_INPUT', 'Neither old nor new names may be empty')
  const name = newName.replace(/^\//, '')
  if (name === container.name)
    throw new DockerDaemonError(
      'INVALID_INPUT',
      'Renaming a container with the same name as its current name',
    )
  // reserveName's refusals, wrapped by rename.go as "Error when allocating new name: ...".
  const allocating = 'Error when allocating new name: '
  if (!NAME_RE.test(newName))
    throw new DockerDaemonError(
      'INVALID_INPUT',
      `${allocating}${behaviourOf(lab).messages.invalidContainerName(`/${name}`)}`,
    )
  const existing = containerByName(lab, name)
  if (existing)
    throw new DockerDaemonError(
      'CONFLICT',
      `${allocating}${behaviourOf(lab).messages.containerNameTaken(existing)}`,
    )
  const old = container.name
  tx.remove(lab.containerNames, old)
  tx.set(lab.containerNames, name, container.id)
  tx.set(container, 'name', name)
  // sb.Rename: the endpoints of a running container carry its name (libnetwork's endpoint name).
  for (const [networkId, endpointId] of Object.entries(container.endpoints)) {
    const ep = lab.networks.find((n) => n.id === networkId)?.endpoints[endpointId]
    if (ep && ep.name === old) tx.set(ep, 'name', name)
  }
  // The daemon's link index is by id; the lab keeps a legacy link's child by name ("child:alias"), so a
  // parent's link follows its renamed child, its alias kept.
  for (const parent of Object.values(lab.containers)) {
    const links = parent.links ?? []
    if (links.some((l) => l.split(':')[0] === old))
      tx.set(
        parent,
        'links',
        links.map((l) => (l.split(':')[0] === old ? `${name}:${l.split(':')[1] ?? old}` : l)),
      )
  }
}
