import { BRIDGE_OPTIONS } from '../drivers/bridge/bridge-options.js'
import { NETWORK_DRIVERS } from '../drivers/registry.js'
import { behaviourOf, behaviourOfVersion } from '../engine-profiles/behaviour-of.js'
import { nameserversOf } from '../etc/resolv-conf.js'
import { localPoolsOf } from '../ipam/default-pools.js'
import { formatCidr, parseCidr } from '../ipam/ipv4.js'
import { createPool, requestAddress } from '../ipam/pool.js'
import { createPool6, randomUla64, requestAddress6 } from '../ipam/pool6.js'
import { alignedSubnet } from '../ipam/subnet-family.js'
import { collidesWithHost } from '../ipam/subnet-selection.js'
import { ip6tables, iptables } from '../kernel/iptables.js'
import { type DaemonSettings, daemonFlag } from '../model/daemon-settings.js'
import type { Network } from '../model/docker.js'
import type { EngineProfile, EngineVersion, LabState } from '../model/state.js'
import { Tx } from '../model/tx.js'
import { createNetfilter } from '../netfilter/tables.js'
import { drawHex } from '../rng.js'
import { checkDaemonSettings } from './daemon-config/daemon-config.js'
import { checkIpv6Settings } from './daemon-config/ipv6-daemon-settings.js'
import type { HostDescription } from './host-description.js'
import { hostNamespaceFrom, TYPICAL_HOST } from './host-description.js'

/** Docker Engine 28 (the engine most users run) with its defaults, on a host with IPv6. */
export const DEFAULT_PROFILE: EngineProfile = {
  version: '28',
  userlandProxy: true,
  ephemeralPorts: [32768, 60999],
  bip: '',
  mtu: 1500,
  kernel: { ipvlan: true, dummy: true, vlan: true },
  ipv6Proxy: true,
}

export interface CreateLabOptions {
  /**
   * The Docker Engine the lab models (default '28'). It sets
   * `profile.version`, from which the lab's behaviour is chosen once; it
   * wins over a `profile.version` given as well.
   */
  engine?: EngineVersion
  /** The host: `ip -j addr` and `ip -j route` of a real machine; default: {@link TYPICAL_HOST}. */
  host?: HostDescription
  profile?: Partial<EngineProfile>
  /**
   * The daemon's settings (daemon.json keys; `parseDaemonJson`,
   * `parseDockerdArgs`): checked as dockerd checks them, recorded as the
   * lab's `daemon`. `bip`, `mtu` and `userland-proxy` set the profile's
   * fields of the same meaning.
   */
  daemon?: DaemonSettings
  /** Seed of the ID generator (default 1): same seed, same IDs. */
  seed?: number
  /** Logical start time, seconds since the epoch. */
  epoch?: number
}

// The profile's fields that daemon settings set.
function profileOfDaemon(daemon: DaemonSettings): Partial<EngineProfile> {
  return {
    ...(daemon.bip !== undefined ? { bip: daemon.bip } : {}),
    ...(daemon.mtu !== undefined ? { mtu: daemon.mtu } : {}),
    ...(daemon['userland-proxy'] !== undefined ? { userlandProxy: daemon['userland-proxy'] } : {}),
  }
}

/**
 * docker0's IPAM configuration, as moby's initBridgeDriver builds it: with
 * `bip`, its subnet and its address as the gateway (shown in `network
 * inspect`); without, the first local pool (the daemon's
 * `default-address-pools` when given) that does not collide with the host,
 * whose gateway the pool hands out. `fixed-cidr` becomes the ip-range
 * containers get addresses from.
 */
function defaultBridgeAddress(lab: LabState): {
  config: Network['ipam']['config'][number]
  gateway?: string
} {
  const fixedCidr = lab.daemon?.['fixed-cidr']
  const range = fixedCidr ? parseCidr(fixedCidr) : undefined
  const ipRange = range ? { ipRange: formatCidr(range.ip, range.prefix) } : {}
  const bip = lab.profile.bip ? parseCidr(lab.profile.bip) : undefined
  if (bip) {
    const gateway = lab.profile.bip.split('/')[0] as string
    return { config: { subnet: formatCidr(bip.ip, bip.prefix), ...ipRange, gateway }, gateway }
  }
  const pools = localPoolsOf(lab)
  let subnet = pools.at(0)
  for (let i = 0; i < pools.count; i++) {
    if (!collidesWithHost(lab, pools.at(i))) {
      subnet = pools.at(i)
      break
    }
  }
  return { config: { subnet, ...ipRange } }
}

/**
 * docker0's IPv6, from `--ipv6` and `--fixed-cidr-v6` (moby initBridgeDriver;
 * seen on 20.10.24 and 28.5.2): with `ipv6`, the fixed-cidr-v6's subnet (28
 * without one: a random ULA /64, as for `network create --ipv6`), its first
 * address as docker0's IPv6 gateway, and the entry in IPAM.Config in the
 * engine's place (Ipv6Policy.fixedCidrV6Config). 20.10 lists a
 * fixed-cidr-v6 given without `ipv6` in IPAM.Config too, IPv6 staying off.
 */
function addDefaultBridgeIpv6(tx: Tx, bridge: Network): void {
  const lab = tx.lab
  const fixed = lab.daemon?.['fixed-cidr-v6']
  const subnet = fixed ? (alignedSubnet(fixed) ?? fixed) : undefined
  const policy = behaviourOf(lab).ipv6
  const v4 = bridge.ipam.config
  if (!lab.daemon?.ipv6) {
    if (subnet && policy.fixedCidrV6Config === 'ipv4-then-subnet') bridge.ipam.config = [...v4, { subnet }]
    return
  }
  const pool = createPool6({ subnet: subnet ?? randomUla64(lab.rng), predefined: !subnet })
  const gateway = requestAddress6(tx, pool, {})
  bridge.enableIPv6 = true
  bridge.pool6 = pool
  bridge.gateway6 = gateway
  if (!subnet) bridge.ipam.config = [...v4, { subnet: pool.subnet, gateway }]
  else if (policy.fixedCidrV6Config === 'range-first')
    bridge.ipam.config = [{ subnet: pool.subnet, ipRange: pool.subnet }, ...v4]
  else bridge.ipam.config = [...v4, { subnet: pool.subnet }]
}

function predefinedNetwork(
  tx: Tx,
  name: string,
  driver: Network['driver'],
  options: Record<string, string>,
): Network {
  tx.set(tx.lab, 'clock', tx.lab.clock + 1)
  return {
    id: drawHex(tx.lab.rng, 64),
    name,
    driver,
    scope: 'local',
    created: tx.lab.clock,
    internal: false,
    attachable: false,
    ingress: false,
    enableIPv6: false,
    ipam: { driver: 'default', config: [], options: {} },
    options,
    labels: {},
    endpoints: {},
  }
}

/**
 * `arrangeUserFilterRule`, as the daemon runs it after creating a network
 * (the firewaller decides what that means for its engine).
 */
export function arrangeUserFilterRule(tx: Tx): void {
  behaviourOf(tx.lab).firewaller.arrangeUserFilterRule(tx, 'network-created')
}

/**
 * A host with a freshly started Docker daemon: docker0 on the first default
 * pool that does not collide with the host (172.17.0.0/16 normally), and the
 * predefined `bridge`, `host` and `none` networks.
 *
 * @example
 * const lab = createLab()
 * lab.networks.map((n) => n.name) // ['bridge', 'host', 'none']
 * createLab({ engine: '28' }).profile.version // '28'
 */
export function createLab(options: CreateLabOptions = {}): LabState {
  const host = options.host ?? TYPICAL_HOST
  const version = options.engine ?? options.profile?.version ?? DEFAULT_PROFILE.version
  const daemon = checkDaemonSettings(options.daemon ?? {}, behaviourOfVersion(version).daemonSettings)
  checkIpv6Settings(daemon, behaviourOfVersion(version))
  const lab: LabState = {
    schema: 1,
    profile: {
      ...DEFAULT_PROFILE,
      ...options.profile,
      ...profileOfDaemon(daemon),
      version,
    },
    ...(Object.keys(daemon).length > 0 ? { daemon } : {}),
    rng: { seed: options.seed ?? 1, counter: 0 },
    clock: options.epoch ?? 1767225600,
    host: {
      hostname: host.hostname ?? 'docker-host',
      nameservers: host.nameservers ?? (host.resolvConf !== undefined ? nameserversOf(host.resolvConf) : []),
      ...(host.resolvConf !== undefined ? { resolvConf: host.resolvConf } : {}),
      ...(host.hostsFile !== undefined ? { hostsFile: host.hostsFile } : {}),
    },
    namespaces: { host: hostNamespaceFrom(host) },
    ipam: { localCursor: 0, globalCursor: 0 },
    networks: [],
    containers: {},
    swarm: null,
    netfilter: createNetfilter(),
    hostPorts: {},
    containerNames: {},
    portCursor: {},
    nextPid: 1000,
  }
  const tx = new Tx(lab)
  behaviourOf(lab).firewaller.setupDaemonChains(tx)
  behaviourOf(lab).firewaller6?.setupDaemonChains(tx)
  const bridge = predefinedNetwork(tx, 'bridge', 'bridge', {
    [BRIDGE_OPTIONS.defaultBridge]: 'true',
    [BRIDGE_OPTIONS.icc]: String(daemonFlag(lab, 'icc')),
    // dockerd turns ip-masq off when iptables is off (moby verifyDaemonSettings; seen on 20.10 and 28).
    [BRIDGE_OPTIONS.masquerade]: String(daemonFlag(lab, 'ip-masq') && daemonFlag(lab, 'iptables')),
    [BRIDGE_OPTIONS.hostBinding]: '0.0.0.0',
    [BRIDGE_OPTIONS.name]: 'docker0',
    [BRIDGE_OPTIONS.mtu]: String(lab.profile.mtu),
  })
  const docker0 = defaultBridgeAddress(lab)
  bridge.ipam = { driver: 'default', config: [docker0.config], options: {} }
  // Without --bip the daemon picked docker0's subnet from its pools, as it does for a network
  // created without --subnet (lab-from-observation reads docker0 so too); with --bip it was given.
  bridge.pool = createPool({ subnet: docker0.config.subnet, space: 'local', predefined: !lab.profile.bip })
  bridge.gateway = requestAddress(tx, bridge.pool, docker0.gateway ? { preferred: docker0.gateway } : {})
  addDefaultBridgeIpv6(tx, bridge)
  NETWORK_DRIVERS.bridge.createNetwork(tx, bridge)
  lab.networks.push(bridge)
  lab.networks.push(predefinedNetwork(tx, 'host', 'host', {}))
  lab.networks.push(predefinedNetwork(tx, 'none', 'null', {}))
  // Docker sets FORWARD's policy to DROP when it has to enable IP forwarding, as on a fresh host
  // (moby setupIPForwarding; never with `ip-forward: false`, nor without iptables).
  if (daemonFlag(lab, 'ip-forward') && daemonFlag(lab, 'iptables'))
    iptables(tx, { op: 'policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' })
  behaviourOf(lab).firewaller.arrangeUserFilterRule(tx, 'daemon-start')
  const v6 = behaviourOf(lab).firewaller6
  if (v6) {
    // The same for IPv6 where the daemon writes ip6tables (moby setupIPv6Forwarding: DROP
    // when it turns net.ipv6.conf.all.forwarding on; seen on 28.5.2 in a fresh namespace).
    if (daemonFlag(lab, 'ip-forward'))
      ip6tables(tx, { op: 'policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' })
    v6.arrangeUserFilterRule(tx, 'daemon-start')
  }
  return lab
}
