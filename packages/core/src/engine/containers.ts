import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { endpointSettingsProblems } from '../engine-profiles/endpoint-settings.js'
import { DockerCliError, DockerDaemonError } from '../errors.js'
import {
  noteEndpointJoined,
  noteEndpointLeft,
  shareSandboxFiles,
  updateLinkParents,
  writeSandboxFiles,
} from '../etc/container-files.js'
import { noteContainerCreated } from '../etc/link-parents.js'
import { parseIPv4 } from '../ipam/ipv4.js'
import { parseIPv6 } from '../ipam/ipv6.js'
import { createNamespace, deleteNamespace, setLinkUp } from '../kernel/netlink.js'
import type { Container, Endpoint, EndpointRequest, Network, PortBinding } from '../model/docker.js'
import { containerByName, findContainer, findNetwork, requireContainer } from '../model/lookup.js'
import { isUserDefined } from '../model/network-kind.js'
import type { LabState } from '../model/state.js'
import type { Tx } from '../model/tx.js'
import { drawHex, drawUnused } from '../rng.js'
import type { DockerCommand } from '../script/docker-command.js'
import {
  attachEndpoint,
  attachServiceEndpoint,
  checkEndpointRequest,
  detachEndpoint,
  refreshGateway,
} from './endpoints.js'
import { dropListeners } from './listeners.js'
import { unpublishPorts } from './ports.js'

type RunCommand = Extract<DockerCommand, { kind: 'run' | 'create' }>

const NAME_RE = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

/** container.NetworkMode.IsUserDefined: a network name, not default, bridge, host, none or container:. */
function isUserDefinedMode(mode: string): boolean {
  return !['default', 'bridge', 'host', 'none'].includes(mode) && !mode.startsWith('container:')
}

/** The network a container's HostConfig.NetworkMode names ("default" is the bridge). */
function modeNetworkName(mode: string): string {
  return mode === 'default' ? 'bridge' : mode
}

/** Go's `n != nil && n.To4() == nil`: an IPv6 address, and not an IPv4-mapped one (::ffff:a.b.c.d). */
function isIpv6NotIpv4(text: string): boolean {
  const ip = parseIPv6(text)
  return ip !== undefined && ip >> 32n !== 0xffffn
}

const conflicting = (lab: Tx['lab'], what: string) =>
  new DockerDaemonError('INVALID_INPUT', behaviourOf(lab).messages.conflictingOptions(what))

/**
 * The checks `docker create` makes before a container exists
 * (runconfig/hostconfig_unix.go, daemon/create.go), with Docker's messages.
 */
function validateCreate(tx: Tx, cmd: RunCommand, mode: string): void {
  const lab = tx.lab
  const isContainerMode = mode.startsWith('container:')
  // The 28.2 CLI sends --ip/--network-alias given without --network for the default network.
  const unattached = behaviourOf(lab).cli.sendsSettingsWithoutNetwork ? cmd.withoutNetwork : undefined
  const aliases = unattached?.aliases ?? cmd.aliases
  if (aliases.length > 0 && (['default', 'bridge', 'host', 'none'].includes(mode) || isContainerMode)) {
    throw new DockerCliError('network-scoped aliases are only supported for user-defined networks', 125)
  }
  const checks = behaviourOf(lab).checks
  if (checks.endpointSettingsAtCreate) refuseEndpointSettings(tx, cmd, mode, unattached?.ip, unattached?.ip6)
  // 20.10 daemon/container.go verifyNetworkingConfig, at create: --ip must parse as IPv4, --ip6 as
  // IPv6 that is not IPv4 (seen: `--ip6 zz`, `--ip6 10.72.0.9`, `--ip fd00:72::9`; exit 125, no container).
  else if (cmd.ip && parseIPv4(cmd.ip) === undefined)
    throw new DockerDaemonError('INVALID_INPUT', behaviourOf(lab).messages.invalidIpv4(cmd.ip))
  else if (cmd.ip6 && !isIpv6NotIpv4(cmd.ip6))
    throw new DockerDaemonError('INVALID_INPUT', behaviourOf(lab).messages.invalidIpv6(cmd.ip6))
  if (cmd.name !== undefined) {
    if (!NAME_RE.test(cmd.name)) {
      throw new DockerDaemonError('INVALID_INPUT', behaviourOf(lab).messages.invalidContainerName(cmd.name))
    }
    const existing = containerByName(lab, cmd.name.replace(/^\//, ''))
    if (existing) {
      throw new DockerDaemonError('CONFLICT', behaviourOf(lab).messages.containerNameTaken(existing))
    }
  }
  if (isContainerMode) {
    if (mode === 'container:')
      throw new DockerDaemonError('INVALID_INPUT', behaviourOf(lab).messages.invalidContainerNetworkMode())
    if (cmd.hostname !== undefined) throw conflicting(lab, 'hostname and the network mode')
    if (cmd.mac !== undefined && checks.refusesMacWithSharedNamespace)
      throw conflicting(lab, 'mac-address and the network mode')
    if (cmd.dns.length > 0) throw conflicting(lab, 'dns and the network mode')
    if (cmd.addHosts.length > 0) throw conflicting(lab, 'custom host-to-IP mapping and the network mode')
    if (cmd.publish.length > 0 || cmd.publishAll)
      throw conflicting(lab, 'port publishing and the container type network mode')
    if (cmd.expose.length > 0) throw conflicting(lab, 'port exposing and the container type network mode')
  }
  if (mode === 'host' && cmd.mac !== undefined && checks.refusesMacWithSharedNamespace)
    throw conflicting(lab, 'mac-address and the network mode')
  if (mode === 'default' || mode === 'bridge') registeredLinks(lab, cmd.links)
}

/**
 * Docker 28 checks the first network's endpoint settings at create, so a
 * refused --ip leaves no container behind (ENGINE-28.md 7.2); `ip` stands
 * for an --ip the 28.2 CLI sent for the default network.
 */
function refuseEndpointSettings(
  tx: Tx,
  cmd: RunCommand,
  mode: string,
  ip: string | undefined,
  ip6: string | undefined,
): void {
  const name = mode === 'default' ? 'bridge' : mode
  const requested = cmd.ip ?? ip
  const requested6 = cmd.ip6 ?? ip6
  const network = mode.startsWith('container:') ? undefined : findNetwork(tx.lab, name)
  const messages = behaviourOf(tx.lab).messages
  const problems = endpointSettingsProblems(messages, name, network, {
    ...(requested ? { ip: requested } : {}),
    ...(requested6 ? { ip6: requested6 } : {}),
    aliases: cmd.aliases,
  })
  const refusal = messages.invalidEndpointSettings(problems, name)
  if (refusal !== undefined) throw new DockerDaemonError('INVALID_INPUT', refusal)
}

/**
 * daemon registerLinks (legacy links: the default bridge only): each child
 * must exist; one in container mode stands for its namespace's owner; a
 * host-mode one is refused. Returns the links as the daemon keeps them,
 * "child:alias" (the alias defaults to the name given).
 */
function registeredLinks(lab: Tx['lab'], links: readonly string[]): string[] {
  return links.map((link) => {
    const [name = '', given] = link.split(':')
    let child = findContainer(lab, name)
    if (!child) {
      throw new DockerDaemonError('INVALID_INPUT', behaviourOf(lab).messages.linkTargetMissing(name))
    }
    while (child.networkMode.startsWith('container:')) {
      const ref = child.networkMode.slice('container:'.length)
      const owner = findContainer(lab, ref)
      if (!owner) {
        throw new DockerDaemonError('INVALID_INPUT', behaviourOf(lab).messages.linkOwnerMissing(ref))
      }
      child = owner
    }
    if (child.networkMode === 'host') {
      throw conflicting(
        lab,
        "host type networking can't be used with links. This would result in undefined behavior",
      )
    }
    return `${child.name}:${given ?? name}`
  })
}

/** `-P`: every exposed port ("82", "82/udp", "8000-8002") on an ephemeral host port. */
function exposedBindings(expose: string[]): PortBinding[] {
  const out: PortBinding[] = []
  for (const spec of expose) {
    const [range = '', proto = 'tcp'] = spec.split('/')
    const [lo, hi] = range.split('-').map(Number) as [number, number | undefined]
    for (let port = lo; port <= (hi ?? lo); port++) {
      out.push({ containerPort: port, proto: proto as PortBinding['proto'], hostIp: '', hostPort: '' })
    }
  }
  return out
}

/** The endpoint config of a container's own network, its optional fields added in their fixed order. */
function endpointConfigAtCreate(cmd: RunCommand, mode: string, userNetwork: boolean): EndpointRequest {
  const config: EndpointRequest = { network: modeNetworkName(mode), aliases: [...cmd.aliases] }
  // With no --network the endpoint config is keyed "default" and Docker ignores --ip (observed).
  if (cmd.ip && mode !== 'default') config.ip = cmd.ip
  if (cmd.ip6 && mode !== 'default') config.ip6 = cmd.ip6
  if (cmd.mac) config.mac = cmd.mac
  if (cmd.links.length > 0 && isUserDefinedMode(mode)) config.links = [...cmd.links]
  if (userNetwork) config.userNetworkAtCreate = true
  return config
}

/** `docker create`: the daemon's record of a container; no network yet. */
export function createContainer(tx: Tx, cmd: RunCommand): Container {
  const lab = tx.lab
  const mode = cmd.network === undefined ? 'default' : cmd.network
  validateCreate(tx, cmd, mode)
  const id = drawUnused(
    () => drawHex(lab.rng, 64),
    (v) => Object.hasOwn(lab.containers, v),
  )
  tx.set(lab, 'clock', lab.clock + 1)
  const name = cmd.name?.replace(/^\//, '') ?? generateName(tx)
  // HostConfig.NetworkMode names a shared namespace's owner by full id when it exists at create time.
  const target = mode.startsWith('container:')
    ? findContainer(lab, mode.slice('container:'.length))
    : undefined
  const networkMode = target ? `container:${target.id}` : mode
  const isHost = mode === 'host'
  if (isHost && cmd.publish.length > 0)
    tx.warn('WARNING: Published ports are discarded when using host network mode')
  const modeNetwork = isUserDefinedMode(mode) ? findNetwork(lab, mode) : undefined
  const userNetwork = modeNetwork !== undefined && isUserDefined(modeNetwork)
  // A --mac-address (refused with host on 20.10, accepted on 28) is the host endpoint's, as none's is;
  // a container: mode container has no endpoint to hold it (modes-errors e5 and e13 on 28.5.2).
  let endpointConfigs: EndpointRequest[]
  if (mode.startsWith('container:')) endpointConfigs = [{ network: mode, aliases: [] }]
  else if (isHost) {
    const host: EndpointRequest = { network: mode, aliases: [] }
    if (cmd.mac) host.mac = cmd.mac
    endpointConfigs = [host]
  } else endpointConfigs = [endpointConfigAtCreate(cmd, mode, userNetwork)]
  const container: Container = {
    id,
    name,
    image: cmd.image,
    cmd: [...cmd.cmd],
    hostname: cmd.hostname ?? (isHost ? lab.host.hostname : id.slice(0, 12)),
    created: lab.clock,
    state: 'created',
    pid: 0,
    networkMode,
    ...(cmd.mac ? { macAddress: cmd.mac } : {}),
    portBindings: [
      ...cmd.publish.map((p) => ({ ...p })),
      ...(cmd.publishAll ? exposedBindings(cmd.expose) : []),
    ],
    endpointConfigs,
    endpoints: {},
    ports: [],
    nextIfIndex: 0,
    labels: { ...(cmd.labels ?? {}) },
    domainname: cmd.domainname ?? '',
    dns: [...cmd.dns],
    dnsSearch: [...(cmd.dnsSearch ?? [])],
    dnsOptions: [...(cmd.dnsOptions ?? [])],
    extraHosts: [...cmd.addHosts],
    links: mode === 'default' || mode === 'bridge' ? registeredLinks(lab, cmd.links) : [...cmd.links],
    ...(cmd.sysctls && Object.keys(cmd.sysctls).length > 0 ? { sysctls: { ...cmd.sysctls } } : {}),
  }
  tx.set(lab.containers, id, container)
  tx.set(lab.containerNames, name, id)
  noteContainerCreated(lab, container)
  return container
}

const ADJECTIVES = [
  'admiring',
  'brave',
  'clever',
  'dazzling',
  'eager',
  'festive',
  'gallant',
  'happy',
  'jolly',
  'keen',
]
const SCIENTISTS = [
  'babbage',
  'curie',
  'darwin',
  'euclid',
  'fermi',
  'galileo',
  'hopper',
  'lovelace',
  'noether',
  'turing',
]

/** Docker's "adjective_scientist" names, drawn from the lab's generator. */
function generateName(tx: Tx): string {
  const n = Number.parseInt(drawHex(tx.lab.rng, 4), 16)
  return `${ADJECTIVES[n % ADJECTIVES.length]}_${SCIENTISTS[Math.floor(n / 16) % SCIENTISTS.length]}`
}

const FAILED_AFTER_SANDBOX = new WeakSet<Error>()
const FAILED_AFTER_NETWORKING = new WeakSet<Error>()

/**
 * setupLinkedContainers: a legacy link's child must be running. The daemon
 * finds out once the container's networking is up, and releases it: the
 * container stays created, with its files' paths recorded.
 */
function refuseStoppedLinks(lab: Tx['lab'], container: Container): void {
  if (!['default', 'bridge'].includes(container.networkMode)) return
  for (const link of container.links ?? []) {
    const [name = '', alias = ''] = link.split(':')
    const child = findContainer(lab, name)
    if (child && child.state !== 'running') {
      const error = new DockerDaemonError(
        'INVALID_INPUT',
        behaviourOf(lab).messages.linkTargetNotRunning(child.name, container.name, alias),
      )
      FAILED_AFTER_NETWORKING.add(error)
      throw error
    }
  }
}

/**
 * Which of the container's file paths a failed `docker start` leaves in its
 * record (the caller keeps them: keepSandboxPaths). 20.10 writes the files
 * with the sandbox, and HostnamePath once networking was set up (then
 * released); 28 writes all three before it joins any network, for a
 * container of its own namespace (engine behaviour `failedStartPaths`).
 */
export function pathsLeftByFailedStart(
  lab: LabState,
  container: Container,
  error: unknown,
): 'none' | 'without-hostname' | 'all' {
  if (!(error instanceof Error)) return 'none'
  if (FAILED_AFTER_NETWORKING.has(error)) return 'all'
  const afterSandbox = FAILED_AFTER_SANDBOX.has(error)
  const ownNamespace = !container.networkMode.startsWith('container:')
  // 28 wrote the hostname file too before the first join, so a failure in a join
  // (ipvlan i1, macvlan mpt2, ports conflict and p11 on 28.5.2) keeps it as well.
  const own28 = behaviourOf(lab).sandboxFiles.failedStartPaths === 'own-namespace'
  if (own28 && ownNamespace && (afterSandbox || error instanceof DockerDaemonError)) return 'all'
  return afterSandbox ? 'without-hostname' : 'none'
}

/**
 * `docker start`: gives the container its network namespace (or the host's,
 * or another container's) and joins each network it asked for, in order.
 */
export function startContainer(tx: Tx, container: Container): void {
  if (container.state === 'running') return
  const lab = tx.lab
  refuseStoppedLinks(lab, container)
  const mode = container.networkMode
  tx.set(container, 'nextIfIndex', 0)
  if (mode.startsWith('container:')) {
    const ref = mode.slice('container:'.length)
    const target = findContainer(lab, ref)
    if (!target)
      throw new DockerDaemonError('NOT_FOUND', behaviourOf(lab).messages.sharedNamespaceMissing(ref))
    if (target.state !== 'running' || !target.sandbox) {
      throw new DockerDaemonError('CONFLICT', behaviourOf(lab).messages.sharedNamespaceNotRunning(target))
    }
    tx.set(container, 'sharesWith', target.id)
    tx.set(container, 'sandbox', target.sandbox)
    shareSandboxFiles(tx, container, target)
  } else if (mode === 'host') {
    const host = findNetwork(lab, 'host') as Network
    tx.set(container, 'sandbox', 'host')
    writeSandboxFiles(tx, container)
    const request = container.endpointConfigs.find((r) => r.network === 'host')
    attachEndpoint(tx, container, host, request ?? { network: 'host', aliases: [] }, 'host')
  } else {
    // The engine's join order (20.10: the default bridge first, then the others in name order).
    const order = behaviourOf(lab).joinOrder(container.endpointConfigs.map((r) => r.network))
    const ordered = [...container.endpointConfigs].sort(
      (a, b) => order.indexOf(a.network) - order.indexOf(b.network),
    )
    const requests = ordered.map((r) => {
      const network = findNetwork(lab, r.network)
      if (!network)
        throw networkSetupFailed(
          lab,
          new DockerDaemonError('NOT_FOUND', behaviourOf(lab).messages.networkNotFound(r.network)),
        )
      if (network.driver === 'overlay' && !network.attachable) {
        throw networkSetupFailed(
          lab,
          new DockerDaemonError('UNSUPPORTED', behaviourOf(lab).messages.overlayNotAttachable(r.network)),
        )
      }
      return { network, request: r }
    })
    const sandboxId = drawUnused(
      () => drawHex(lab.rng, 64),
      (v) => Object.hasOwn(lab.namespaces, `/var/run/docker/netns/${v.slice(0, 12)}`),
    )
    const key = `/var/run/docker/netns/${sandboxId.slice(0, 12)}`
    tx.set(container, 'sandboxId', sandboxId)
    const ns = createNamespace(tx, key)
    setLinkUp(tx, ns, 'lo')
    tx.set(container, 'sandbox', key)
    writeSandboxFiles(tx, container)
    // The daemon creates the first endpoint (its address), then the sandbox, then joins:
    // a failure from then on leaves the sandbox's files behind.
    let sandboxMade = false
    const made = () => {
      sandboxMade = true
    }
    try {
      for (const { network, request } of requests) {
        const endpoint = attachEndpoint(tx, container, network, request, key, {}, made)
        noteEndpointJoined(tx, container, network, endpoint)
        if (network.name === 'bridge' && network.driver === 'bridge')
          updateLinkParents(tx, container, endpoint.ipv4)
        if (network.driver === 'overlay') {
          attachGwBridge(tx, container, key)
          ensureLoadBalancer(tx, network)
        }
      }
      refreshGateway(tx, container)
    } catch (caught) {
      const error = networkSetupFailed(lab, caught)
      if (sandboxMade && error instanceof Error) FAILED_AFTER_SANDBOX.add(error)
      throw error
    }
  }
  tx.set(container, 'hostnameFile', true)
  tx.set(lab, 'clock', lab.clock + 1)
  tx.set(container, 'state', 'running')
  tx.set(container, 'pid', lab.nextPid)
  tx.set(lab, 'nextPid', lab.nextPid + 1)
  tx.set(container, 'startedAt', lab.clock)
}

/** The first container of an overlay network on this node brings the network's load-balancer endpoint. */
function ensureLoadBalancer(tx: Tx, network: Network): void {
  const key = `lb-${network.name}`
  if (Object.values(network.endpoints).some((e) => e.containerId === key)) return
  attachServiceEndpoint(tx, network, { key, name: `${network.name}-endpoint` })
}

/**
 * Overlay containers reach the outside through docker_gwbridge: a second,
 * node-local interface whose endpoint is named gateway_<sandbox id>.
 */
function attachGwBridge(tx: Tx, container: Container, sandbox: string): void {
  const gw = findNetwork(tx.lab, 'docker_gwbridge')
  if (!gw || container.endpoints[gw.id]) return
  const sandboxId = sandbox.split('/').pop() ?? ''
  attachEndpoint(tx, container, gw, { network: gw.name, aliases: [] }, sandbox, {
    name: `gateway_${sandboxId}`,
  })
}

/** A daemon error while joining networks at start, as the engine words it (28 says it was the networking). */
function networkSetupFailed(lab: Tx['lab'], error: unknown): unknown {
  if (!(error instanceof DockerDaemonError)) return error
  const message = behaviourOf(lab).messages.networkSetupFailed(error.message)
  return message === error.message ? error : new DockerDaemonError(error.code, message, { cause: error })
}

/** `docker stop`: every endpoint is released (addresses return to their pools) and the namespace goes. */
export function stopContainer(tx: Tx, container: Container): void {
  if (container.state !== 'running') return
  const lab = tx.lab
  // Its processes end, and the sockets they held close with them.
  dropListeners(tx, container)
  // Containers sharing this namespace keep it (their processes hold it), left with only lo.
  const sharers = Object.values(lab.containers).filter(
    (o) => o.sharesWith === container.id && o.state === 'running',
  )
  for (const other of sharers) tx.remove(other, 'sharesWith')
  if (container.portNetworkId) {
    unpublishPorts(
      tx,
      container,
      lab.networks.find((n) => n.id === container.portNetworkId),
    )
    tx.remove(container, 'portNetworkId')
  }
  const atStop = behaviourOf(lab).sandboxFiles.hostsAtStop
  for (const [networkId, endpointId] of Object.entries(container.endpoints)) {
    const network = lab.networks.find((n) => n.id === networkId)
    if (!network) continue
    const leaving = network.endpoints[endpointId]?.ipv4 ?? ''
    detachEndpoint(tx, container, network)
    // What containers sharing the namespace go on seeing in the file (modes side, side2).
    if (atStop === 'every-endpoint' || isUserDefined(network)) noteEndpointLeft(tx, container, leaving)
  }
  const sandbox = container.sandbox
  const shared = container.sharesWith !== undefined
  if (sandbox && sandbox !== 'host' && !shared && sharers.length === 0 && lab.namespaces[sandbox]) {
    deleteNamespace(tx, sandbox)
  }
  tx.remove(container, 'sandbox')
  tx.remove(container, 'sharesWith')
  tx.set(container, 'ports', [])
  tx.set(lab, 'clock', lab.clock + 1)
  tx.set(container, 'state', 'exited')
  tx.set(container, 'pid', 0)
  tx.set(container, 'finishedAt', lab.clock)
}

/** `docker rm [-f]`; `ref` is the container as the user named it (28 quotes it). */
export function removeContainer(tx: Tx, container: Container, force: boolean, ref = container.name): void {
  if (container.state === 'running') {
    if (!force) {
      throw new DockerDaemonError(
        'CONFLICT',
        behaviourOf(tx.lab).messages.removeRunningContainer(container, ref),
      )
    }
    stopContainer(tx, container)
  }
  tx.remove(tx.lab.containers, container.id)
  tx.remove(tx.lab.containerNames, container.name)
}

/** `docker network connect`. */
export function connectContainer(
  tx: Tx,
  network: Network,
  container: Container,
  request: EndpointRequest,
): void {
  const mode = container.networkMode
  const messages = behaviourOf(tx.lab).messages
  if (network.configOnly && container.state === 'running') {
    throw new DockerDaemonError('INVALID_INPUT', messages.configOnlyEndpoint())
  }
  if (network.driver !== 'host' && (mode.startsWith('container:') || mode === 'host')) {
    throw new DockerDaemonError('INVALID_INPUT', messages.sharedNamespaceConnect())
  }
  if (mode === 'host' || network.driver === 'host') {
    const refusal = messages.connectToHostNetwork(mode === 'host')
    if (refusal !== undefined) throw new DockerDaemonError('INVALID_INPUT', refusal)
    // 28: a host-mode container already has its endpoint on the host network.
    throw new DockerDaemonError('CONFLICT', messages.endpointExists(container.name, network.name))
  }
  const invalid = messages.invalidEndpointSettings(
    endpointSettingsProblems(messages, network.name, network, request),
  )
  if (invalid !== undefined) throw new DockerDaemonError('INVALID_INPUT', invalid)
  if (!isUserDefined(network)) {
    if (request.ip || request.ip6)
      throw new DockerDaemonError('INVALID_INPUT', messages.ipOnNonUserDefinedNetwork())
    if (request.aliases.length > 0) {
      throw new DockerDaemonError('INVALID_INPUT', messages.aliasOnNonUserDefinedNetwork())
    }
  }
  const connected = Object.keys(container.endpoints)
  if (
    network.driver === 'null'
      ? connected.length > 0
      : connected.some((id) => tx.lab.networks.find((n) => n.id === id)?.driver === 'null')
  ) {
    throw new DockerDaemonError('INVALID_INPUT', messages.privateModeMultipleNetworks())
  }
  if (container.state === 'running' && container.sandbox) {
    checkEndpointRequest(messages, network, request)
    let endpoint: Endpoint
    try {
      endpoint = attachEndpoint(tx, container, network, request, container.sandbox)
    } catch (error) {
      // daemon connectToNetwork stored the settings (updateNetworkSettings) before libnetwork's
      // CreateEndpoint failed, and nothing takes them back: inspect lists the network with no
      // endpoint (seen on 20.10.24 and 28.5.2 with an --ip6 in use, and 20.10 outside the subnet).
      if (error instanceof DockerDaemonError && !configuredFor(tx.lab, container, network)) {
        error.kept = () => {
          container.endpointConfigs.push({ ...request, network: network.name })
        }
      }
      throw error
    }
    noteEndpointJoined(tx, container, network, endpoint)
    refreshGateway(tx, container)
  }
  tx.set(container, 'endpointConfigs', [
    ...container.endpointConfigs.filter((r) => findNetwork(tx.lab, r.network)?.id !== network.id),
    { ...request, network: network.name },
  ])
  if (container.networkMode === 'none' && network.driver !== 'null') tx.set(container, 'networkMode', 'none')
}

function configuredFor(lab: Tx['lab'], container: Container, network: Network): boolean {
  return container.endpointConfigs.some((r) => findNetwork(lab, r.network)?.id === network.id)
}

/** `docker network disconnect`. */
export function disconnectContainer(tx: Tx, network: Network, container: Container): void {
  if (container.networkMode === 'host' || network.driver === 'host') {
    const refusal = behaviourOf(tx.lab).messages.disconnectFromHostNetwork(container.networkMode === 'host')
    if (refusal !== undefined) throw new DockerDaemonError('INVALID_INPUT', refusal)
  }
  const configured = container.endpointConfigs.some((r) => findNetwork(tx.lab, r.network)?.id === network.id)
  if (!container.endpoints[network.id] && !configured) {
    throw new DockerDaemonError(
      'INVALID_INPUT',
      behaviourOf(tx.lab).messages.notConnected(container.id, network.name),
    )
  }
  if (container.endpoints[network.id]) {
    const leaving = network.endpoints[container.endpoints[network.id] ?? '']
    detachEndpoint(tx, container, network)
    noteEndpointLeft(tx, container, leaving?.ipv4 ?? '', leaving?.ipv6)
    refreshGateway(tx, container)
  }
  tx.set(
    container,
    'endpointConfigs',
    container.endpointConfigs.filter((r) => findNetwork(tx.lab, r.network)?.id !== network.id),
  )
}

export { requireContainer }
