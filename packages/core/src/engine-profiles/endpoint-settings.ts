import { cidrContains, parseCidr, parseIPv4 } from '../ipam/ipv4.js'
import { parseIPv6 } from '../ipam/ipv6.js'
import { isIpv6Text, subnetMatches } from '../ipam/subnet-family.js'
import type { Network } from '../model/docker.js'
import { isUserDefined } from '../model/network-kind.js'
import type { DaemonMessages } from './daemon-messages.js'

/** What a container asks of one network: `--ip` and `--alias`/`--network-alias`. */
export interface EndpointSettings {
  ip?: string
  ip6?: string
  aliases: readonly string[]
}

// container.NetworkMode(name).IsUserDefined: by the name the user gave.
function isUserDefinedName(name: string): boolean {
  return !['default', 'bridge', 'host', 'none'].includes(name) && !name.startsWith('container:')
}

// The address lies in one of the network's subnets; an --ip-range does not narrow it (observed on 28.5.2).
function contains(network: Network, ip: number): boolean {
  return network.ipam.config.some((c) => {
    const cidr = parseCidr(c.subnet)
    return cidr !== undefined && cidrContains(cidr.ip, cidr.prefix, ip)
  })
}

function contains6(network: Network, ip: string): boolean {
  return network.ipam.config.some((c) => isIpv6Text(c.subnet) && subnetMatches(c.subnet, ip))
}

/**
 * Every problem Docker 28 finds in a container's settings for one network
 * (daemon/network.go validateEndpointSettings), in its order: static
 * address or alias on a network that is not user-defined, a bad address,
 * an address on a network whose subnet the daemon chose, an address outside
 * the subnet. `name` is the network as the user named it; `network` is
 * undefined when there is none to look at (`container:`, or not found: the
 * start reports that).
 *
 * @example
 * endpointSettingsProblems(msgs, 'none', none, { ip: '10.1.1.1', aliases: [] }) // two problems
 */
export function endpointSettingsProblems(
  messages: DaemonMessages,
  name: string,
  network: Network | undefined,
  settings: EndpointSettings,
): string[] {
  const problems: string[] = []
  const userDefined = network ? isUserDefined(network) : isUserDefinedName(name)
  if (!userDefined) {
    if (settings.ip || settings.ip6) problems.push(messages.ipOnNonUserDefinedNetwork())
    if (settings.aliases.length > 0) problems.push(messages.aliasOnNonUserDefinedNetwork())
  }
  if (!settings.ip && !settings.ip6) return problems
  // EndpointIPAMConfig.Validate: each family's address parses as that family.
  const ip = settings.ip ? parseIPv4(settings.ip) : undefined
  if (settings.ip && ip === undefined) problems.push(messages.invalidIpv4(settings.ip))
  const ip6 = settings.ip6 ? parseIPv6(settings.ip6) : undefined
  if (settings.ip6 && ip6 === undefined) problems.push(messages.invalidIpv6(settings.ip6))
  if (!network) return problems
  // moby's validateEndpointSettings asks for a configured (preferred) pool of the address's family:
  // a user network's --subnet, or docker0's --bip (observed on 28.5.2, daemon-bip.sh); a subnet the
  // daemon picked from its pools (docker0 without --bip) is none.
  const defaultBridge = network.options['com.docker.network.bridge.default_bridge'] === 'true'
  const userSubnet =
    network.pool !== undefined && !network.pool.predefined && (isUserDefined(network) || defaultBridge)
  const userSubnet6 = isUserDefined(network) && network.pool6 !== undefined && !network.pool6.predefined
  if ((settings.ip && !userSubnet) || (settings.ip6 && !userSubnet6)) {
    problems.push(messages.ipWithoutUserSubnet())
    return problems
  }
  if (settings.ip && (ip === undefined || !contains(network, ip)))
    problems.push(messages.ipOutsideSubnet(settings.ip))
  // Seen on 28.5.2: `--ip6 zz` is both invalid and outside every subnet.
  if (settings.ip6 && (ip6 === undefined || !contains6(network, settings.ip6)))
    problems.push(messages.ipOutsideSubnet(settings.ip6))
  return problems
}
