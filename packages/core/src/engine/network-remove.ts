import { deleteBridgeNetwork } from '../drivers/bridge/bridge-driver.js'
import { DockerDaemonError } from '../errors.js'
import { deleteLink, namespaceOf } from '../kernel/netlink.js'
import type { Network } from '../model/docker.js'
import type { Tx } from '../model/tx.js'

/** `docker network rm` of one network: refused while endpoints remain; the driver tears down. */
export function removeNetwork(tx: Tx, network: Network): void {
  // libnetwork network.delete: a configuration network stays while a network made from it exists.
  if (network.configOnly && tx.lab.networks.some((n) => n.configFrom === network.name)) {
    throw new DockerDaemonError(
      'CONFLICT',
      `error while removing network: configuration network "${network.name}" is in use`,
    )
  }
  if (Object.keys(network.endpoints).length > 0) {
    throw new DockerDaemonError(
      'CONFLICT',
      `error while removing network: network ${network.name} id ${network.id} has active endpoints`,
    )
  }
  if (network.driver === 'bridge') deleteBridgeNetwork(tx, network)
  else if (
    (network.driver === 'macvlan' || network.driver === 'ipvlan') &&
    !network.options.parent &&
    network.device
  ) {
    deleteLink(tx, namespaceOf(tx, 'host'), network.device)
  } else if (network.driver === 'overlay') {
    const ns = `/var/run/docker/netns/1-${network.id.slice(0, 10)}`
    if (tx.lab.namespaces[ns]) tx.remove(tx.lab.namespaces, ns)
  }
  tx.pull(tx.lab.networks, network)
}
