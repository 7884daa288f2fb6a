import type { LabState } from '../../model/state.js'
import type { NetworkCreateCommand } from '../../script/docker-command.js'

/**
 * A `network create` with the daemon's `default-network-opts` for its driver
 * (Docker 28, `--default-network-opt bridge=com.docker.network.driver.mtu=1450`):
 * moby's daemon/network.go createNetwork copies each default the request
 * does not set itself into the network's options, which `network inspect`
 * then shows; not for `--config-from`, whose options are the configuration
 * network's, nor for the networks the daemon makes itself.
 *
 * @example
 * withDefaultNetworkOpts(lab, cmd).options // { 'com.docker.network.driver.mtu': '1450', ... }
 */
export function withDefaultNetworkOpts<C extends NetworkCreateCommand & { configFromNetwork?: string }>(
  lab: Pick<LabState, 'daemon'>,
  cmd: C,
): C {
  const defaults = lab.daemon?.['default-network-opts']?.[cmd.driver]
  if (!defaults || cmd.configFrom !== undefined || cmd.configFromNetwork !== undefined) return cmd
  return { ...cmd, options: { ...defaults, ...cmd.options } }
}
