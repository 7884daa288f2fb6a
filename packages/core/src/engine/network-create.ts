import { networkDriver } from '../drivers/registry.js'
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import type { DaemonMessages } from '../engine-profiles/daemon-messages.js'
import { rewordIpamError } from '../engine-profiles/ipam-wording.js'
import { DockerCliError, DockerDaemonError } from '../errors.js'
import { formatCidr, networkAddress, parseCidr, parseIPv4 } from '../ipam/ipv4.js'
import { createPool, requestAddress } from '../ipam/pool.js'
import {
  alignedSubnet,
  isAddressOfFamily,
  isIpv6Text,
  prefixOf,
  subnetMatches,
} from '../ipam/subnet-family.js'
import { checkSubnetFree } from '../ipam/subnet-selection.js'
import type { IpamConfig, Network } from '../model/docker.js'
import { findNetwork } from '../model/lookup.js'
import type { LabState } from '../model/state.js'
import type { Tx } from '../model/tx.js'
import { drawBase36, drawHex, drawUnused } from '../rng.js'
import type { DockerCommand } from '../script/docker-command.js'
import { withDefaultNetworkOpts } from './daemon-config/default-network-opts.js'
import { arrangeUserFilterRule } from './lab.js'
import { allocateIpv6, gatewayFailed, Ipv6PoolsExhausted, orderedConfigs } from './network-create-ipv6.js'
import { NotSimulatedError } from './not-simulated.js'

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
    const match = configs.find((c) => subnetMatches(c.subnet, ip))
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

/**
 * daemon/network.go getIpamConfig: each subnet must parse as a CIDR of its
 * family; 28's ValidateIPAM also refuses host bits and an `--ip-range`
 * wider than its subnet (20.10 keeps both as given).
 */
function checkSubnetSyntax(messages: DaemonMessages, configs: readonly IpamConfig[]): void {
  for (const c of configs) {
    const aligned = alignedSubnet(c.subnet)
    if (aligned === undefined) throw daemonError(messages.invalidSubnet(c.subnet))
    const unaligned = aligned === c.subnet ? undefined : messages.unalignedSubnet(c.subnet, aligned)
    if (unaligned !== undefined) throw daemonError(unaligned)
    const rangePrefix = c.ipRange === undefined ? undefined : prefixOf(c.ipRange)
    const subnetPrefix = prefixOf(c.subnet) ?? 0
    const wide =
      rangePrefix !== undefined && rangePrefix < subnetPrefix
        ? messages.ipRangeWiderThanSubnet(c.ipRange ?? '', c.subnet)
        : undefined
    if (wide !== undefined) throw daemonError(wide)
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
function validateConfiguration(messages: DaemonMessages, cmd: NetworkCreate, configs: IpamConfig[]): void {
  if (cmd.configOnly) {
    if (cmd.ingress || cmd.internal || cmd.attachable || cmd.scope !== '') {
      throw daemonError(messages.configOnlyOperatorFields(), 'UNSUPPORTED')
    }
  }
  if (cmd.configFrom === undefined) return
  if (cmd.configOnly) {
    throw daemonError(messages.configFromConfigOnly(), 'UNSUPPORTED')
  }
  if (
    (cmd.ipamDriver !== '' && cmd.ipamDriver !== 'default') ||
    cmd.ipv6 ||
    Object.keys(cmd.labels).length > 0 ||
    Object.keys(cmd.ipamOptions).length > 0 ||
    configs.length > 0
  ) {
    throw daemonError(messages.configFromUserSettings(), 'UNSUPPORTED')
  }
  if (Object.keys(cmd.options).length > 0) {
    throw daemonError(messages.configFromDriverOptions(), 'UNSUPPORTED')
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
  if (!config) throw daemonError(behaviourOf(tx.lab).messages.configNetworkMissing(name), 'NOT_FOUND')
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
 * `docker network create`: validates as the CLI and the daemon do, allocates
 * the subnet and gateway, then lets the driver build the network.
 */
export function createNetwork(tx: Tx, request: NetworkCreate, origin: { daemon?: boolean } = {}): Network {
  const lab = tx.lab
  const cmd = origin.daemon ? request : withDefaultNetworkOpts(lab, request)
  const messages = behaviourOf(lab).messages
  const configs = consolidateIpam(cmd)
  const found = networkDriver(cmd.driver)
  if (!found) throw daemonError(messages.pluginNotFound(cmd.driver), 'NOT_FOUND')
  const driver = found.name
  if (found.singleInstance) throw daemonError(messages.singleInstanceDriver(driver), 'CONFLICT')
  if (findNetwork(lab, cmd.name)?.name === cmd.name) {
    throw daemonError(messages.networkNameTaken(cmd.name), 'CONFLICT')
  }
  // daemon/network.go createNetwork parses every subnet (getIpamConfig) before
  // libnetwork sees the request, so a configuration network gets the same answer.
  if (cmd.configOnly) checkSubnetSyntax(messages, configs)
  validateConfiguration(messages, cmd, configs)
  if (cmd.configOnly) return createConfigOnlyNetwork(tx, cmd, configs)
  if (cmd.configFrom !== undefined) return createNetwork(tx, withConfigurationOf(tx, cmd), origin)
  const global = found.scope === 'global' || cmd.scope === 'swarm'
  // 28 asks for a swarm manager before it looks at the scope (observed: `-d overlay --scope local`).
  if (global && !lab.swarm && behaviourOf(lab).checks.managerBeforeScope) {
    throw daemonError(messages.notSwarmManager(), 'UNSUPPORTED')
  }
  // daemon/network.go: a driver whose data scope is global cannot make a local network.
  if (found.scope === 'global' && cmd.scope === 'local') {
    throw daemonError(messages.scopeDowngrade(driver), 'INVALID_INPUT')
  }
  if (global && !lab.swarm) {
    throw daemonError(messages.notSwarmManager(), 'UNSUPPORTED')
  }
  const behaviour = behaviourOf(lab)
  checkSubnetSyntax(messages, configs)
  // libnetwork keeps one IPv4 and one IPv6 configuration apart; the drivers take one of each.
  const configs4 = configs.filter((c) => !isIpv6Text(c.subnet))
  const configs6 = configs.filter((c) => isIpv6Text(c.subnet))
  if (configs4.length > 1 || configs6.length > 1)
    throw daemonError(messages.multipleSubnets(driver), 'UNSUPPORTED')

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
  const requested = configs4[0]
  // libnetwork IpamConf.Validate, before the pool is requested: the CLI lets
  // a gateway written as a CIDR through (its subnetMatches parses either form).
  for (const c of configs) {
    if (c.gateway !== undefined && !isAddressOfFamily(c.subnet, c.gateway))
      throw daemonError(messages.invalidGateway(c.gateway))
  }
  let config: IpamConfig
  if (requested) {
    const cidr = parseCidr(requested.subnet)
    const subnet = cidr ? formatCidr(networkAddress(cidr.ip, cidr.prefix), cidr.prefix) : requested.subnet
    try {
      checkSubnetFree(lab, space, subnet)
    } catch (error) {
      throw rewordIpamError(messages, error)
    }
    config = { ...requested, subnet: requested.subnet }
  } else {
    try {
      config = { subnet: behaviour.selectPredefinedSubnet(tx, space) }
    } catch (error) {
      throw rewordIpamError(messages, error)
    }
  }
  return buildNetwork(tx, cmd, { id, driver: found, global, space, config, requested, configs6 }, origin)
}

/** The rest of `network create`, once the IPv4 subnet is chosen: pools, gateways, driver. */
function buildNetwork(
  tx: Tx,
  cmd: NetworkCreate,
  chosen: {
    id: string
    driver: NonNullable<ReturnType<typeof networkDriver>>
    global: boolean
    space: 'local' | 'global'
    config: IpamConfig
    requested: IpamConfig | undefined
    configs6: IpamConfig[]
  },
  origin: { daemon?: boolean },
): Network {
  const lab = tx.lab
  const behaviour = behaviourOf(lab)
  const messages = behaviour.messages
  const { id, driver: found, global, space, config, requested, configs6 } = chosen
  const driver = found.name
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
    enableIPv6: cmd.ipv6,
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
    let gateway: string
    try {
      gateway = requestAddress(tx, pool, {
        ...(config.gateway ? { preferred: config.gateway } : {}),
        ...(config.ipRange ? { ipRange: config.ipRange } : {}),
        serial: global,
      })
    } catch (error) {
      throw gatewayFailed(messages, config.gateway, error)
    }
    network.gateway = gateway
    if (!config.gateway && !requested) config.gateway = gateway
  }
  for (const [name, ip] of Object.entries(config.auxAddresses ?? {})) {
    if (parseIPv4(ip) === undefined)
      throw daemonError(`non parsable secondary ip address (${name}:${ip}) passed for network ${cmd.name}`)
    try {
      requestAddress(tx, pool, { preferred: ip })
    } catch (error) {
      throw daemonError(messages.secondaryAddressFailed(name, ip, (error as Error).message))
    }
  }
  // The IPv4 pool was requested first; an IPv6 failure gives it back, but the predefined
  // pools' cursor it moved stays (20.10: after `--ipv6 v6ula` and an overlapping v6 subnet
  // failed, the next networks got 172.23 and 172.24, not 172.21; 28 has no cursor).
  const cursors = requested ? undefined : { ...lab.ipam }
  let config6: IpamConfig | undefined
  try {
    config6 = allocateIpv6(tx, { name: cmd.name, ipv6: cmd.ipv6 }, network, configs6[0], space)
  } catch (error) {
    if (cursors && error instanceof DockerDaemonError && !(error instanceof Ipv6PoolsExhausted))
      error.kept = () => Object.assign(lab.ipam, cursors)
    throw error
  }
  if (network.pool6 && !found.ipv6) throw new NotSimulatedError(`IPv6 on ${driver} networks`)
  network.ipam.config = orderedConfigs(behaviour.ipv6.configOrder, [
    { config, requested: requested !== undefined, v6: false },
    ...(config6 ? [{ config: config6, requested: configs6.length > 0, v6: true }] : []),
  ])
  found.createNetwork(tx, network)
  tx.push(lab.networks, network)
  // libnetwork's controller re-asserts DOCKER-USER first in FORWARD after every network it creates.
  arrangeUserFilterRule(tx)
  return network
}
