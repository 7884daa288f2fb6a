/**
 * The daemon settings that change what Docker builds, as `daemon.json` names
 * them (`dockerd --bip ...` flags are read into the same shape). These are
 * what users change to dodge VPN and office subnets, to turn inter-container
 * traffic or NAT off, or to leave iptables alone. A lab records only the
 * settings given; every other one has dockerd's default (DAEMON_DEFAULTS).
 */

/** One entry of `default-address-pools`: a base range cut into subnets of `size` bits. */
export interface AddressPool {
  base: string
  size: number
}

export interface DaemonSettings {
  /** docker0's address and prefix (`--bip`), instead of the first free default pool. */
  bip?: string
  /** The part of docker0's subnet containers get addresses from (`--fixed-cidr`). */
  'fixed-cidr'?: string
  /** The pools networks created without `--subnet` (and docker0) are cut from. */
  'default-address-pools'?: AddressPool[]
  /** The MTU of docker0's endpoints and of bridge networks without their own. */
  mtu?: number
  /** Inter-container traffic on docker0 (`enable_icc` of the default bridge). */
  icc?: boolean
  /** MASQUERADE of docker0's subnet (`enable_ip_masquerade` of the default bridge). */
  'ip-masq'?: boolean
  /** The daemon writes iptables at all: false leaves every table as it found it. */
  iptables?: boolean
  /** The daemon turns on net.ipv4.ip_forward (and sets FORWARD's policy to DROP when it had to). */
  'ip-forward'?: boolean
  /** docker-proxy serves published ports (false: hairpin NAT instead). */
  'userland-proxy'?: boolean
  /** Options every new network of a driver gets unless it sets them (Docker 28: `--default-network-opt`). */
  'default-network-opts'?: Record<string, Record<string, string>>
  /** IPv6 on the default bridge (`--ipv6`): docker0 gets `fixed-cidr-v6` (28 without it: a random ULA /64). */
  ipv6?: boolean
  /** docker0's IPv6 subnet (`--fixed-cidr-v6`), used when `ipv6` is on. */
  'fixed-cidr-v6'?: string
  /** The daemon writes ip6tables (`--ip6tables`; 28: on by default; 20.10: experimental only). */
  ip6tables?: boolean
  /** Experimental features (`--experimental`), which 20.10's ip6tables needs. */
  experimental?: boolean
}

export type DaemonSettingName = keyof DaemonSettings

/** dockerd's defaults for the settings netmodes models (moby daemon/config). */
export const DAEMON_DEFAULTS = Object.freeze({
  mtu: 1500,
  icc: true,
  'ip-masq': true,
  iptables: true,
  'ip-forward': true,
  'userland-proxy': true,
}) satisfies Partial<Required<DaemonSettings>>

/** The settings in the order daemon.json documents them, for messages and listings. */
export const DAEMON_SETTING_NAMES: readonly DaemonSettingName[] = Object.freeze([
  'bip',
  'fixed-cidr',
  'default-address-pools',
  'mtu',
  'icc',
  'ip-masq',
  'iptables',
  'ip-forward',
  'userland-proxy',
  'default-network-opts',
  'ipv6',
  'fixed-cidr-v6',
  'ip6tables',
  'experimental',
])

/**
 * One boolean setting of a lab's daemon (`bip`, `mtu` and `userland-proxy`
 * are folded into the lab's profile when it is created, where the engine
 * reads them): the value given, else dockerd's default.
 *
 * @example
 * daemonFlag({}, 'icc') // true
 * daemonFlag({ daemon: { icc: false } }, 'icc') // false
 */
export function daemonFlag(
  lab: { daemon?: DaemonSettings },
  name: 'icc' | 'ip-masq' | 'iptables' | 'ip-forward',
): boolean {
  return lab.daemon?.[name] ?? DAEMON_DEFAULTS[name]
}
