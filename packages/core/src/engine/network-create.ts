import { networkDriver } from '../drivers/registry.js'
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { DockerCliError, DockerDaemonError } from '../errors.js'
import { cidrContains, formatCidr, networkAddress, parseCidr, parseIPv4 } from '../ipam/ipv4.js'
import { createPool, requestAddress } from '../ipam/pool.js'
import { checkSubnetFree } from '../ipam/subnet-selection.js'
import type { IpamConfig, Network } from '../model/docker.js'
import { findNetwork } from '../model/lookup.js'
import type { LabState } from '../model/state.js'
import type { Tx } from '../model/tx.js'
import { drawBase36, drawHex, drawUnused } from '../rng.js'
import type { DockerCommand } from '../script/docker-command.js'
import { NotSimulatedError } from './ipv6-not-simulated.js'
import { arrangeUserFilterRule } from './lab.js'

// configFromNetwork: set once a --config-from network's configuration has been taken in.
type NetworkCreate = Extract<DockerCommand, { kind: 'network create' }> & { configFromNetwork?: string }

/**
 * The docker CLI's own checks of --subnet/--gateway/--ip-range/--aux-address
 * (cli/command/network/create.go `consolidateIpam`), with its messages.
 */
function consolidateIpam(cmd: NetworkCreate): IpamConfig[] {
  if (cmd.gateways.length > cmd.subnets.length || cmd.ipRanges.length > cmd.subnets.length) {
    throw new DockerCliError('every ip-range or gateway must have a corresponding subnet', 1)
  }
  const configs: IpamConfig[] = cmd.subnets.map((subnet) => ({ subnet }))
  const owner = (ip: string, what: string): IpamConfig => {
    const match = configs.find((c) => {
      const cidr = parseCidr(c.subnet)
      const addr = parseIPv4(ip.split('/')[0] ?? '')
      return cidr && addr !== undefined && cidrContains(cidr.ip, cidr.prefix, addr)
    })
    if (!match) throw new DockerCliError(`no matching subnet for ${what} ${ip}`, 1)
    return match
  }
  for (const range of cmd.ipRanges) {
    const c = owner(range, 'range')
    if (c.ipRange)
      throw new DockerCliError(
        `cannot configure multiple ranges (${range}, ${c.ipRange}) on the same subnet (${c.subnet})`,
        1,
      )
    c.ipRange = range
  }
  for (const gateway of cmd.gateways) {
    const c = owner(gateway, 'gateway')
    if (c.gateway)
      throw new DockerCliError(
        `cannot configure multiple gateways (${gateway}, ${c.gateway}) for the same subnet (${c.subnet})`,
        1,
      )
    c.gateway = gateway
  }
  for (const aux of cmd.auxAddresses) {
    const [name, ip] = aux.split('=') as [string, string | undefined]
    const c = owner(ip ?? '', 'aux-address')
    c.auxAddresses = { ...(c.auxAddresses ?? {}), [name]: ip ?? '' }
  }
  return configs
}

/** daemon/network.go getIpamConfig: each subnet must parse as a CIDR. */
function checkSubnetSyntax(configs: readonly IpamConfig[]): void {
  for (const c of configs) {
    if (!parseCidr(c.subnet))
      throw daemonError(`Invalid subnet ${c.subnet} : invalid CIDR address: ${c.subnet}`)
  }
}

const networkIdTaken = (lab: LabState, id: string) => lab.networks.some((n) => n.id === id)

function daemonError(
  message: string,
  code: 'INVALID_INPUT' | 'CONFLICT' | 'NOT_FOUND' | 'UNSUPPORTED' = 'INVALID_INPUT',
) {
  return new DockerDaemonError(code, message)
}

/**
 * libnetwork's validateConfiguration: a configuration network holds only
 * network-specific fields; a network made from one takes all of them from it.
 */
function validateConfiguration(cmd: NetworkCreate, configs: IpamConfig[]): void {
  if (cmd.configOnly) {
    if (cmd.ingress || cmd.internal || cmd.attachable || cmd.scope !== '') {
      throw daemonError(
        'configuration network can only contain network specific fields. Network operator fields like [ ingress | internal | attachable | scope ] are not supported.',
        'UNSUPPORTED',
      )
    }
  }
  if (cmd.configFrom === undefined) return
  if (cmd.configOnly) {
    throw daemonError('a configuration network cannot depend on another configuration network', 'UNSUPPORTED')
  }
  if (
    (cmd.ipamDriver !== '' && cmd.ipamDriver !== 'default') ||
    cmd.ipv6 ||
    Object.keys(cmd.labels).length > 0 ||
    Object.keys(cmd.ipamOptions).length > 0 ||
    configs.length > 0
  ) {
    throw daemonError(
      'user specified configurations are not supported if the network depends on a configuration network',
      'UNSUPPORTED',
    )
  }
  if (Object.keys(cmd.options).length > 0) {
    throw daemonError(
      'network driver options are not supported if the network depends on a configuration network',
      'UNSUPPORTED',
    )
  }
}

/** `--config-only`: recorded with driver "null" and local scope; nothing is built and no address is taken. */
function createConfigOnlyNetwork(tx: Tx, cmd: NetworkCreate, configs: IpamConfig[]): Network {
  const lab = tx.lab
  const id = drawUnused(
    () => drawHex(lab.rng, 64),
    (v) => networkIdTaken(lab, v),
  )
  tx.set(lab, 'clock', lab.clock + 1)
  const network: Network = {
    id,
    name: cmd.name,
    driver: 'null',
    scope: 'local',
    created: lab.clock,
    internal: false,
    attachable: false,
    ingress: false,
    enableIPv6: false,
    ipam: { driver: 'default', config: configs, options: { ...cmd.ipamOptions } },
    options: { ...cmd.options },
    labels: { ...cmd.labels },
    endpoints: {},
    configOnly: true,
  }
  tx.push(lab.networks, network)
  return network
}

/** `--config-from`: the command as if the configuration network's IPAM, options and labels had been given. */
function withConfigurationOf(tx: Tx, cmd: NetworkCreate): NetworkCreate {
  const name = cmd.configFrom ?? ''
  const config = tx.lab.networks.find((n) => n.configOnly && n.name === name)
  if (!config) throw daemonError(`configuration network "${name}" does not exist`, 'NOT_FOUND')
  const ipam = config.ipam.config
  const { configFrom: _, ...rest } = cmd
  return {
    ...rest,
    subnets: ipam.map((c) => c.subnet),
    gateways: ipam.flatMap((c) => (c.gateway ? [c.gateway] : [])),
    ipRanges: ipam.flatMap((c) => (c.ipRange ? [c.ipRange] : [])),
    auxAddresses: ipam.flatMap((c) => Object.entries(c.auxAddresses ?? {}).map(([k, v]) => `${k}=${v}`)),
    options: { ...config.options },
    labels: { ...config.labels },
    ipamOptions: { ...(config.ipam.options ?? {}) },
    configFromNetwork: name,
  }
}

/**
 * Docker 28 refuses a `--subnet` with host bits set (libnetwork's network
 * config validation; ENGINE-28.md section 3: `10.56.0.5/24` fails, where
 * 20.10 kept it as given).
 */
function refuseHostBits(configs: IpamConfig[]): void {
  for (const c of configs) {
    const cidr = parseCidr(c.subnet)
    if (!cidr) continue
    const aligned = formatCidr(networkAddress(cidr.ip, cidr.prefix), cidr.prefix)
    if (aligned !== c.subnet) {
      throw daemonError(`invalid network config:\ninvalid subnet ${c.subnet}: it should be ${aligned}`)
    }
  }
}

/**
 * `docker network create`: validates as the CLI and the daemon do, allocates
 * the subnet and gateway, then lets the driver build the network.
 */
export function createNetwork(tx: Tx, cmd: NetworkCreate, origin: { daemon?: boolean } = {}): Network {
  const lab = tx.lab
  const configs = consolidateIpam(cmd)
  const found = networkDriver(cmd.driver)
  if (!found) throw daemonError(`plugin "${cmd.driver}" not found`, 'NOT_FOUND')
  const driver = found.name
  if (found.singleInstance) {
    throw daemonError(`only one instance of "${driver}" network is allowed`, 'CONFLICT')
  }
  if (findNetwork(lab, cmd.name)?.name === cmd.name) {
    throw daemonError(`network with name ${cmd.name} already exists`, 'CONFLICT')
  }
  // daemon/network.go createNetwork parses every subnet (getIpamConfig) before
  // libnetwork sees the request, so a configuration network gets the same answer.
  if (cmd.configOnly) checkSubnetSyntax(configs)
  validateConfiguration(cmd, configs)
  if (cmd.configOnly) return createConfigOnlyNetwork(tx, cmd, configs)
  if (cmd.configFrom !== undefined) return createNetwork(tx, withConfigurationOf(tx, cmd), origin)
  // daemon/network.go: a driver whose data scope is global cannot make a local network.
  if (found.scope === 'global' && cmd.scope === 'local') {
    throw daemonError(`cannot downgrade network scope for ${driver} networks`, 'INVALID_INPUT')
  }
  const global = found.scope === 'global' || cmd.scope === 'swarm'
  if (global && !lab.swarm) {
    throw daemonError(
      'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
      'UNSUPPORTED',
    )
  }
  const behaviour = behaviourOf(lab)
  if (cmd.ipv6 && behaviour.ipv6WithoutSubnet === 'random-ula') {
    // 28 gives the network a random ULA /64 (ENGINE-28.md section 3): an IPv6 network, not modelled.
    throw new NotSimulatedError('IPv6 networks (--ipv6: Docker 28 gives the network a ULA /64)')
  }
  if (cmd.ipv6) {
    throw daemonError(
      'could not find an available, non-overlapping IPv6 address pool among the defaults to assign to the network',
      'UNSUPPORTED',
    )
  }
  checkSubnetSyntax(configs)
  if (configs.length > 1)
    throw daemonError(`${driver} driver doesn't support multiple subnets`, 'UNSUPPORTED')
  if (behaviour.subnetMustBeAligned) refuseHostBits(configs)

  // Swarm-scoped networks get swarm's 25-character IDs; local ones libnetwork's 64 hex digits.
  const id = drawUnused(
    () => (global ? drawBase36(lab.rng, 25) : drawHex(lab.rng, 64)),
    (v) => networkIdTaken(lab, v),
  )
  tx.set(lab, 'clock', lab.clock + 1)
  if (global && found.scope !== 'global') {
    // A swarm-scoped local driver (`--scope swarm`): the manager keeps only its config until a node uses it.
    const record: Network = {
      id,
      name: cmd.name,
      driver,
      scope: 'swarm',
      created: lab.clock,
      internal: cmd.internal,
      attachable: cmd.attachable,
      ingress: cmd.ingress,
      enableIPv6: false,
      ipam: { driver: 'default', config: [], options: { ...cmd.ipamOptions } },
      options: { ...cmd.options },
      labels: { ...cmd.labels },
      endpoints: {},
    }
    tx.push(lab.networks, record)
    return record
  }
  const space = global ? 'global' : 'local'
  const requested = configs[0]
  // libnetwork IpamConf.Validate, before the pool is requested: the CLI lets
  // a gateway written as a CIDR through (its subnetMatches parses either form).
  if (requested?.gateway !== undefined && parseIPv4(requested.gateway) === undefined)
    throw daemonError(`invalid gateway address ${requested.gateway} in Ipam configuration`)
  let config: IpamConfig
  if (requested) {
    const cidr = parseCidr(requested.subnet)
    const subnet = cidr ? formatCidr(networkAddress(cidr.ip, cidr.prefix), cidr.prefix) : requested.subnet
    checkSubnetFree(lab, space, subnet)
    config = { ...requested, subnet: requested.subnet }
  } else {
    config = { subnet: behaviour.selectPredefinedSubnet(tx, space) }
  }
  const cidr = parseCidr(config.subnet)
  const poolSubnet = cidr ? formatCidr(networkAddress(cidr.ip, cidr.prefix), cidr.prefix) : config.subnet
  const pool = createPool({ subnet: poolSubnet, space, predefined: !requested })
  const network: Network = {
    id,
    name: cmd.name,
    driver,
    scope: global ? 'swarm' : 'local',
    created: lab.clock,
    internal: cmd.internal,
    attachable: cmd.attachable,
    ingress: cmd.ingress,
    enableIPv6: false,
    ipam: { driver: 'default', config: [config], options: origin.daemon ? null : { ...cmd.ipamOptions } },
    options: { ...cmd.options },
    labels: { ...cmd.labels },
    pool,
    endpoints: {},
    ...(cmd.configFromNetwork !== undefined ? { configFrom: cmd.configFromNetwork } : {}),
  }
  // The gateway is requested first (libnetwork ipamAllocateVersion), then the aux addresses;
  // 28 reserves none for an internal macvlan network given no --gateway (ENGINE-28.md section 3).
  const gatewayless =
    driver === 'macvlan' && cmd.internal && !config.gateway && !behaviour.internalMacvlanReservesGateway
  if (!gatewayless) {
    const gateway = requestAddress(tx, pool, {
      ...(config.gateway ? { preferred: config.gateway } : {}),
      ...(config.ipRange ? { ipRange: config.ipRange } : {}),
      serial: global,
    })
    network.gateway = gateway
    if (!config.gateway && !requested) config.gateway = gateway
  }
  for (const [name, ip] of Object.entries(config.auxAddresses ?? {})) {
    if (parseIPv4(ip) === undefined)
      throw daemonError(`non parsable secondary ip address (${name}:${ip}) passed for network ${cmd.name}`)
    try {
      requestAddress(tx, pool, { preferred: ip })
    } catch (error) {
      throw daemonError(
        `failed to allocate secondary ip address (${name}:${ip}): ${(error as Error).message}`,
      )
    }
  }
  found.createNetwork(tx, network)
  tx.push(lab.networks, network)
  // libnetwork's controller re-asserts DOCKER-USER first in FORWARD after every network it creates.
  arrangeUserFilterRule(tx)
  return network
}
