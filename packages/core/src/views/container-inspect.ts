import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import type { InspectDocumentPolicy } from '../engine-profiles/engine-behaviour.js'
import { containerFilePaths } from '../etc/container-files.js'
import type { Container } from '../model/docker.js'
import { findContainer } from '../model/lookup.js'
import { isUserDefined } from '../model/network-kind.js'
import type { LabState } from '../model/state.js'
import { sortedObject } from './natural-order.js'
import { formatDockerTime } from './time.js'

function portsObject(container: Container): Record<string, { HostIp: string; HostPort: string }[] | null> {
  const out: Record<string, { HostIp: string; HostPort: string }[] | null> = {}
  for (const p of container.ports) {
    const key = `${p.containerPort}/${p.proto}`
    const list = out[key] ?? []
    list.push({ HostIp: p.hostIp, HostPort: String(p.hostPort) })
    out[key] = list
  }
  return out
}

// endpointAliases of a user-defined network (the short id, then a hostname other than the name).
function storedAliases(container: Container, requested: string[]): string[] {
  const aliases = [...requested]
  const shortId = container.id.slice(0, 12)
  if (!aliases.includes(shortId)) aliases.push(shortId)
  if (container.hostname !== container.name && !aliases.includes(container.hostname))
    aliases.push(container.hostname)
  return aliases
}

/**
 * moby 28's buildEndpointDNSNames: the name, the network-scoped aliases, the
 * short ID and the hostname, each once. Set when the endpoint joins a
 * user-defined network and kept after the container stops (observed on
 * 28.5.2: null after create, filled from the first start on).
 */
function dnsNames(container: Container, requested: string[]): string[] {
  return [...new Set([container.name, ...requested, container.id.slice(0, 12), container.hostname])]
}

interface EndpointFields {
  IPAMConfig: unknown
  Links: string[] | null
  Aliases: string[] | null
  NetworkID: string
  EndpointID: string
  Gateway: string
  IPAddress: string
  IPPrefixLen: number
  IPv6Gateway: string
  GlobalIPv6Address: string
  GlobalIPv6PrefixLen: number
  MacAddress: string
  DriverOpts: Record<string, string> | null
  DNSNames: string[] | null
}

/** `NetworkSettings.Networks.<name>` in the key order (and with the fields) of the engine's API version. */
function endpointSettings(policy: InspectDocumentPolicy, f: EndpointFields): Record<string, unknown> {
  if (policy.endpointSettings === 'api-1.41') {
    return {
      IPAMConfig: f.IPAMConfig,
      Links: f.Links,
      Aliases: f.Aliases,
      NetworkID: f.NetworkID,
      EndpointID: f.EndpointID,
      Gateway: f.Gateway,
      IPAddress: f.IPAddress,
      IPPrefixLen: f.IPPrefixLen,
      IPv6Gateway: f.IPv6Gateway,
      GlobalIPv6Address: f.GlobalIPv6Address,
      GlobalIPv6PrefixLen: f.GlobalIPv6PrefixLen,
      MacAddress: f.MacAddress,
      DriverOpts: f.DriverOpts,
    }
  }
  // ENGINE-28.md section 6: GwPriority and DNSNames are new; MacAddress and DriverOpts moved up.
  return {
    IPAMConfig: f.IPAMConfig,
    Links: f.Links,
    Aliases: f.Aliases,
    MacAddress: f.MacAddress,
    DriverOpts: f.DriverOpts,
    GwPriority: 0,
    NetworkID: f.NetworkID,
    EndpointID: f.EndpointID,
    Gateway: f.Gateway,
    IPAddress: f.IPAddress,
    IPPrefixLen: f.IPPrefixLen,
    IPv6Gateway: f.IPv6Gateway,
    GlobalIPv6Address: f.GlobalIPv6Address,
    GlobalIPv6PrefixLen: f.GlobalIPv6PrefixLen,
    DNSNames: f.DNSNames,
  }
}

/**
 * HostConfig.Links as the daemon reports them (getInspectData): for each
 * live legacy link "/child:/parent/alias"; null on a user-defined network,
 * where links live in the endpoint's settings instead.
 */
function legacyLinks(lab: LabState, container: Container): string[] | null {
  if (!['default', 'bridge'].includes(container.networkMode)) return null
  const links = (container.links ?? []).flatMap((link) => {
    const [name = '', alias] = link.split(':')
    const child = findContainer(lab, name)
    return child ? [`/${child.name}:/${container.name}/${alias ?? child.name}`] : []
  })
  return links.length > 0 ? links : null
}

interface SettingsFields {
  SandboxID: string
  SandboxKey: string
  Ports: unknown
  EndpointID: string
  Gateway: string
  IPAddress: string
  IPPrefixLen: number
  MacAddress: string
  Networks: unknown
}

/** `NetworkSettings` in the key order of the engine's API version (20.10's, or 28's). */
function networkSettings(policy: InspectDocumentPolicy, f: SettingsFields): Record<string, unknown> {
  const ipv6 = { LinkLocalIPv6Address: '', LinkLocalIPv6PrefixLen: 0 }
  const legacy = {
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: f.EndpointID,
    Gateway: f.Gateway,
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: f.IPAddress,
    IPPrefixLen: f.IPPrefixLen,
    IPv6Gateway: '',
    MacAddress: f.MacAddress,
    Networks: f.Networks,
  }
  if (policy.networkSettingsOrder === 'api-1.41') {
    // Field order as the Engine API (20.10) writes NetworkSettings.
    return {
      Bridge: '',
      SandboxID: f.SandboxID,
      HairpinMode: false,
      ...ipv6,
      Ports: f.Ports,
      SandboxKey: f.SandboxKey,
      ...legacy,
    }
  }
  // ENGINE-28.md section 6: SandboxKey and Ports come right after SandboxID.
  return {
    Bridge: '',
    SandboxID: f.SandboxID,
    SandboxKey: f.SandboxKey,
    Ports: f.Ports,
    HairpinMode: false,
    ...ipv6,
    ...legacy,
  }
}

/**
 * The network part of `docker inspect CONTAINER` (plus identity and state),
 * shaped as the Engine API: NetworkSettings with its legacy top-level fields
 * (filled for the default bridge only) and Networks per network name.
 */
export function inspectContainer(lab: LabState, container: Container): Record<string, unknown> {
  const running = container.state === 'running'
  const policy = behaviourOf(lab).inspect
  const modern = policy.endpointSettings === 'api-1.50'
  const networks: Record<string, unknown> = {}
  let legacy = { EndpointID: '', Gateway: '', IPAddress: '', IPPrefixLen: 0, MacAddress: '' }
  const shared = container.networkMode.startsWith('container:')
  if (!shared) {
    for (const request of container.endpointConfigs) {
      const network = lab.networks.find((n) => n.name === request.network || n.id === request.network)
      const name = network?.name ?? request.network
      const ep = network && running ? network.endpoints[container.endpoints[network.id] ?? ''] : undefined
      // Swarm networks get their aliases and address from the manager when the container attaches.
      const swarm = network?.scope === 'swarm'
      // The daemon stores a user-defined network's aliases at create: they outlive the network.
      const gone = !network && request.userNetworkAtCreate === true
      const userDefined = (network && isUserDefined(network) && (!swarm || ep)) || gone
      // API 1.45 moved the short ID (and hostname) from Aliases to DNSNames.
      const aliases = userDefined && !modern ? storedAliases(container, request.aliases) : request.aliases
      const joined = ep !== undefined || container.startedAt !== undefined
      const empty = request.fromConnect ? {} : null
      const ipam = request.ip ?? (swarm && ep ? ep.ipv4 : undefined)
      networks[name] = endpointSettings(policy, {
        // EndpointIPAMConfig, omitempty per family (seen: {"IPv6Address":"fd00:2::55"}).
        IPAMConfig:
          ipam || request.ip6
            ? { ...(ipam ? { IPv4Address: ipam } : {}), ...(request.ip6 ? { IPv6Address: request.ip6 } : {}) }
            : empty,
        Links: request.links?.length ? [...request.links] : null,
        Aliases: aliases.length > 0 ? aliases : request.fromConnect ? [] : null,
        NetworkID: network?.id ?? '',
        EndpointID: ep?.id ?? '',
        Gateway: ep?.gateway ?? '',
        IPAddress: ep?.ipv4 ?? '',
        IPPrefixLen: ep?.prefixlen ?? 0,
        IPv6Gateway: ep?.gateway6 ?? '',
        GlobalIPv6Address: ep?.ipv6 ?? '',
        GlobalIPv6PrefixLen: ep?.prefixlen6 ?? 0,
        // 28 (API 1.44+) keeps --mac-address in the endpoint settings: shown until the first start's
        // endpoint replaces it, and "" once that endpoint is gone (seen on 28.5.2).
        MacAddress: ep?.mac ?? (modern && !joined ? (request.mac ?? '') : ''),
        DriverOpts: request.fromConnect ? {} : null,
        DNSNames: userDefined && joined ? dnsNames(container, request.aliases) : null,
      })
      if (ep && network?.name === 'bridge' && network.driver === 'bridge') {
        legacy = {
          EndpointID: ep.id,
          Gateway: ep.gateway,
          IPAddress: ep.ipv4,
          IPPrefixLen: ep.prefixlen,
          MacAddress: ep.mac,
        }
      }
    }
  }
  // The sandbox's id and key stay in the record after the container stops (observed).
  const sandboxId = container.sandboxId ?? ''
  const sandboxKey = sandboxId ? `/var/run/docker/netns/${sandboxId.slice(0, 12)}` : ''
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {}
  for (const p of container.portBindings) {
    const key = `${p.containerPort}/${p.proto}`
    bindings[key] = [...(bindings[key] ?? []), { HostIp: p.hostIp, HostPort: p.hostPort }]
  }
  const exposed = Object.fromEntries(Object.keys(bindings).map((k) => [k, {}]))
  return {
    Id: container.id,
    Created: formatDockerTime(container.created),
    Path: container.cmd[0] ?? '',
    Args: container.cmd.slice(1),
    State: {
      Status: container.state,
      Running: running,
      Pid: container.pid,
      StartedAt: formatDockerTime(container.startedAt),
      FinishedAt: formatDockerTime(container.finishedAt),
    },
    ...containerFilePaths(lab, container),
    Name: `/${container.name}`,
    HostConfig: {
      // 28 reports the default network by its name (ENGINE-28.md section 6), at every API version.
      // A swarm task's HostConfig has no NetworkMode (its networks are the task's): "default".
      NetworkMode:
        (container.swarmTask ? 'default' : container.networkMode) === 'default' &&
        policy.defaultNetworkMode === 'bridge'
          ? 'bridge'
          : container.swarmTask
            ? 'default'
            : container.networkMode,
      PortBindings: sortedObject(bindings),
      // The agent (daemon/cluster/executor/container) leaves the DNS settings nil: null, not [].
      Dns: container.swarmTask ? null : [...(container.dns ?? [])],
      DnsOptions: container.swarmTask ? null : [...(container.dnsOptions ?? [])],
      DnsSearch: container.swarmTask ? null : [...(container.dnsSearch ?? [])],
      ExtraHosts: container.extraHosts?.length ? [...container.extraHosts] : null,
      Links: container.swarmTask ? null : legacyLinks(lab, container),
      // Sysctls is omitempty in the API: absent, not null, when none was set.
      ...(container.sysctls ? { Sysctls: { ...container.sysctls } } : {}),
    },
    Config: {
      Hostname: container.hostname,
      Domainname: container.domainname ?? '',
      ExposedPorts: Object.keys(exposed).length ? sortedObject(exposed) : null,
      Image: container.image,
      // The container's own labels (--label, Compose's com.docker.compose.*); the images here have none.
      Labels: { ...container.labels },
      MacAddress: container.macAddress ?? null,
    },
    NetworkSettings: networkSettings(policy, {
      SandboxID: sandboxId,
      SandboxKey: sandboxKey,
      Ports: running ? sortedObject(portsObject(container)) : {},
      EndpointID: legacy.EndpointID,
      Gateway: legacy.Gateway,
      IPAddress: legacy.IPAddress,
      IPPrefixLen: legacy.IPPrefixLen,
      MacAddress: legacy.MacAddress,
      Networks: sortedObject(networks),
    }),
  }
}
