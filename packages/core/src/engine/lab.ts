import { BRIDGE_OPTIONS } from '../drivers/bridge/bridge-options.js'
import { NETWORK_DRIVERS } from '../drivers/registry.js'
import { firewallerOf } from '../engine-profiles/firewaller-of.js'
import { nameserversOf } from '../etc/resolv-conf.js'
import { LOCAL_PREDEFINED_SUBNETS } from '../ipam/default-pools.js'
import { createPool, requestAddress } from '../ipam/pool.js'
import { collidesWithHost } from '../ipam/subnet-selection.js'
import { iptables } from '../kernel/iptables.js'
import type { Network } from '../model/docker.js'
import type { EngineProfile, EngineVersion, LabState } from '../model/state.js'
import { Tx } from '../model/tx.js'
import { createNetfilter } from '../netfilter/tables.js'
import { drawHex } from '../rng.js'
import type { HostDescription } from './host-description.js'
import { hostNamespaceFrom, TYPICAL_HOST } from './host-description.js'

/** Docker Engine 20.10 with its defaults, on a host with IPv6. */
export const DEFAULT_PROFILE: EngineProfile = {
  version: '20.10',
  userlandProxy: true,
  ephemeralPorts: [32768, 60999],
  bip: '',
  mtu: 1500,
  kernel: { ipvlan: true, dummy: true, vlan: true },
  ipv6Proxy: true,
}

export interface CreateLabOptions {
  /**
   * The Docker Engine the lab models (default '20.10'). It sets
   * `profile.version`, from which the lab's behaviour is chosen once; it
   * wins over a `profile.version` given as well.
   */
  engine?: EngineVersion
  /** The host: `ip -j addr` and `ip -j route` of a real machine; default: {@link TYPICAL_HOST}. */
  host?: HostDescription
  profile?: Partial<EngineProfile>
  /** Seed of the ID generator (default 1): same seed, same IDs. */
  seed?: number
  /** Logical start time, seconds since the epoch. */
  epoch?: number
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
  firewallerOf(tx.lab).arrangeUserFilterRule(tx, 'network-created')
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
  const lab: LabState = {
    schema: 1,
    profile: {
      ...DEFAULT_PROFILE,
      ...options.profile,
      ...(options.engine !== undefined ? { version: options.engine } : {}),
    },
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
  firewallerOf(lab).setupDaemonChains(tx)
  const bip = lab.profile.bip
  const subnet = bip
    ? bip
    : (LOCAL_PREDEFINED_SUBNETS.find((s) => !collidesWithHost(lab, s)) ??
      (LOCAL_PREDEFINED_SUBNETS[0] as string))
  const bridge = predefinedNetwork(tx, 'bridge', 'bridge', {
    [BRIDGE_OPTIONS.defaultBridge]: 'true',
    [BRIDGE_OPTIONS.icc]: 'true',
    [BRIDGE_OPTIONS.masquerade]: 'true',
    [BRIDGE_OPTIONS.hostBinding]: '0.0.0.0',
    [BRIDGE_OPTIONS.name]: 'docker0',
    [BRIDGE_OPTIONS.mtu]: String(lab.profile.mtu),
  })
  const [net, prefix] = subnet.split('/')
  const base = net?.split('.').map(Number) ?? [172, 17, 0, 0]
  const networkSubnet = `${base[0]}.${base[1]}.${prefix === '16' ? 0 : base[2]}.0/${prefix}`
  bridge.ipam = { driver: 'default', config: [{ subnet: networkSubnet }], options: {} }
  bridge.pool = createPool({ subnet: networkSubnet, space: 'local', predefined: false })
  bridge.gateway = requestAddress(tx, bridge.pool)
  NETWORK_DRIVERS.bridge.createNetwork(tx, bridge)
  lab.networks.push(bridge)
  lab.networks.push(predefinedNetwork(tx, 'host', 'host', {}))
  lab.networks.push(predefinedNetwork(tx, 'none', 'null', {}))
  // Docker sets FORWARD's policy to DROP when it has to enable IP forwarding, as on a fresh host.
  iptables(tx, { op: 'policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' })
  firewallerOf(lab).arrangeUserFilterRule(tx, 'daemon-start')
  return lab
}
