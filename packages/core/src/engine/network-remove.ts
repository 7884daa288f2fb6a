import { driverOf } from '../drivers/registry.js'
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { DockerDaemonError } from '../errors.js'
import type { Network } from '../model/docker.js'
import type { Tx } from '../model/tx.js'

/** `docker network rm` of one network: refused while endpoints remain; the driver tears down. */
export function removeNetwork(tx: Tx, network: Network): void {
  // libnetwork network.delete: a configuration network stays while a network made from it exists.
  if (network.configOnly && tx.lab.networks.some((n) => n.configFrom === network.name)) {
    throw new DockerDaemonError('CONFLICT', behaviourOf(tx.lab).messages.configNetworkInUse(network.name))
  }
  if (Object.keys(network.endpoints).length > 0) {
    throw new DockerDaemonError(
      'CONFLICT',
      behaviourOf(tx.lab).messages.networkHasActiveEndpoints(network, Object.values(network.endpoints)),
    )
  }
  const driver = driverOf(network)
  // A swarm-scoped network of a local driver (`--scope swarm`) is a record in
  // the manager's store until a task uses it (engine/network-create.ts):
  // removing it builds nothing down (seen on a real 20.10.24: rm prints its name).
  const recordOnly = network.scope === 'swarm' && driver.scope === 'local'
  if (!recordOnly) driver.deleteNetwork(tx, network)
  tx.pull(tx.lab.networks, network)
}
