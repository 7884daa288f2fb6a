/**
 * The IPv6 settings of a daemon (`--ipv6`, `--fixed-cidr-v6`,
 * `--ip6tables`), checked as each engine's dockerd checks them before it
 * starts (seen on 20.10.24 and 28.5.2, the texts as dockerd printed them).
 */
import type { EngineBehaviour } from '../../engine-profiles/engine-behaviour.js'
import type { DaemonSettings } from '../../model/daemon-settings.js'
import { DaemonConfigError } from './daemon-config-error.js'
import { fixedCidrV6Problem } from './fixed-cidr-v6.js'

/**
 * Refuses what the engine's dockerd refuses to start with: on 20.10,
 * `--ipv6` without `--fixed-cidr-v6` (no default IPv6 pool) and
 * `--ip6tables` without `--experimental`; a `fixed-cidr-v6` each engine
 * cannot read (fixed-cidr-v6.ts). 20.10's experimental ip6tables, and its
 * IPv4 fixed-cidr-v6, are not modelled.
 *
 * @example
 * checkIpv6Settings({ ipv6: true }, ENGINE_20_10) // throws "... no subnet is configured ..."
 */
export function checkIpv6Settings(settings: DaemonSettings, behaviour: EngineBehaviour): void {
  const fixed = settings['fixed-cidr-v6']
  const problem = fixed === undefined ? undefined : fixedCidrV6Problem(behaviour.checks.fixedCidrV6, fixed)
  if (problem && 'says' in problem) throw new DaemonConfigError(problem.says)
  if (problem) throw new DaemonConfigError(`netmodes does not model ${problem.notModelled} yet`)
  if (settings.ipv6 && fixed === undefined && !behaviour.checks.defaultIpv6Pool)
    throw new DaemonConfigError(
      'Error initializing network controller: IPv6 is enabled for the default bridge, but no subnet is configured. Specify an IPv6 subnet using --fixed-cidr-v6',
    )
  const { needsExperimental } = behaviour.checks.ip6tables
  if (settings.ip6tables && needsExperimental && !settings.experimental)
    throw new DaemonConfigError('ip6tables rules are only available if experimental features are enabled')
  if (settings.ip6tables && needsExperimental)
    throw new DaemonConfigError(
      `netmodes does not model Docker ${behaviour.version}'s experimental ip6tables yet`,
    )
}
