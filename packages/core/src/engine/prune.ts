import { behaviourOf } from '../engine-profiles/behaviour-of.js'
/**
 * `docker network prune` and `docker container prune` (daemon/prune.go of
 * moby 20.10, cli/command/{network,container}/prune.go of docker/cli 20.10).
 */
import type { DaemonMessages } from '../engine-profiles/daemon-messages.js'
import { DockerDaemonError } from '../errors.js'
import type { Container, Network } from '../model/docker.js'
import { isPredefinedNetwork } from '../model/lookup.js'
import type { Tx } from '../model/tx.js'
import type { PruneCommand } from '../script/docker-command.js'
import { NotSimulatedError } from './not-simulated.js'

/** The confirmation the CLI asks for without -f (the answer, read from stdin, is taken as "no"). */
export const PRUNE_WARNINGS = {
  'network prune': 'WARNING! This will remove all custom networks not used by at least one container.',
  'container prune': 'WARNING! This will remove all stopped containers.',
} as const

/** Label filters (`label=k`, `label=k=v`, `label!=...`) as filters.Args.MatchKVList checks them. */
function labelFilter(
  filters: string[],
  messages: Pick<DaemonMessages, 'invalidFilterKey'>,
): (labels: Record<string, string>) => boolean {
  const wanted: { negate: boolean; key: string; value?: string }[] = []
  for (const filter of filters) {
    const eq = filter.indexOf('=')
    const name = filter.slice(0, eq).trim().toLowerCase()
    const value = filter.slice(eq + 1)
    if (name === 'until')
      throw new NotSimulatedError('prune --filter until=... is not simulated (the lab has no wall clock)')
    if (name !== 'label' && name !== 'label!') {
      throw new DockerDaemonError('INVALID_INPUT', messages.invalidFilterKey(name))
    }
    const [key = '', ...rest] = value.split('=')
    wanted.push({ negate: name === 'label!', key, ...(rest.length > 0 ? { value: rest.join('=') } : {}) })
  }
  return (labels) =>
    wanted.every(({ negate, key, value }) => {
      const has = key in labels && (value === undefined || labels[key] === value)
      return negate ? !has : has
    })
}

/**
 * Removes every network no container uses: not the predefined ones, not
 * configuration networks (localNetworksPrune skips them), in creation
 * order (the order the engine reports them). Returns their names.
 */
export function pruneNetworks(tx: Tx, cmd: PruneCommand, remove: (network: Network) => void): string[] {
  const matches = labelFilter(cmd.filters, behaviourOf(tx.lab).messages)
  const deleted: string[] = []
  for (const network of [...tx.lab.networks]) {
    if (isPredefinedNetwork(network) || network.configOnly || network.ingress) continue
    if (Object.keys(network.endpoints).length > 0 || !matches(network.labels)) continue
    remove(network)
    deleted.push(network.name)
  }
  return deleted
}

/** Removes every container that is not running, newest first (daemon.List's order). Returns their ids. */
export function pruneContainers(tx: Tx, cmd: PruneCommand, remove: (container: Container) => void): string[] {
  const matches = labelFilter(cmd.filters, behaviourOf(tx.lab).messages)
  const stopped = Object.values(tx.lab.containers)
    .filter((c) => c.state !== 'running' && matches(c.labels))
    .reverse()
  for (const container of stopped) remove(container)
  return stopped.map((c) => c.id)
}
