/**
 * The Engine API requests the docker 20.10 CLI sends for each parsed
 * command, field for field (checked against the CLI's own requests): the
 * daemon stores what it is sent, so `docker inspect` afterwards shows the
 * same empty maps, nulls and defaults as after the real CLI.
 */
import { BlockList, isIPv6 } from 'node:net'
import type { DockerCommand } from '@netmodes/core'

/** `docker run` / `docker create` as core parses them. */
export type RunCommand = Extract<DockerCommand, { kind: 'run' | 'create' }>
/** `docker network create` as core parses it. */
export type NetworkCreateCommand = Extract<DockerCommand, { kind: 'network create' }>
/** `docker network connect` as core parses it. */
export type NetworkConnectCommand = Extract<DockerCommand, { kind: 'network connect' }>
/** `docker swarm init` as core parses it. */
export type SwarmInitCommand = Extract<DockerCommand, { kind: 'swarm init' }>

// opts.ConvertKVStringsToMap / MapOpts: "k=v" (a missing "=v" means ""), later keys win.
function toMap(values: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {}
  for (const value of values) {
    const eq = value.indexOf('=')
    if (eq < 0) map[value] = ''
    else map[value.slice(0, eq)] = value.slice(eq + 1)
  }
  return map
}

// create.go subnetMatches: is data (an address, or a CIDR's address) inside subnet?
function subnetMatches(subnet: string, data: string): boolean {
  const [net = '', bits = ''] = subnet.split('/')
  const ip = data.split('/')[0] ?? ''
  const family = isIPv6(net) ? 'ipv6' : 'ipv4'
  if (isIPv6(ip) !== (family === 'ipv6')) return false
  const list = new BlockList()
  list.addSubnet(net, Number(bits), family)
  return list.check(ip, family)
}

/**
 * network.IPAMConfig entries as create.go consolidateIpam builds them: one
 * per subnet with its range, gateway and aux addresses. (Go walks a map, so
 * the CLI's order of several subnets is random; here it is the command
 * line's.) Core's parser already rejected inconsistent flags.
 */
function consolidateIpam(cmd: NetworkCreateCommand): Record<string, unknown>[] {
  const aux = toMap(cmd.auxAddresses)
  return [...new Set(cmd.subnets)].map((subnet) => {
    const range = cmd.ipRanges.find((r) => subnetMatches(subnet, r))
    const gateway = cmd.gateways.find((g) => subnetMatches(subnet, g))
    const auxiliary = Object.fromEntries(Object.entries(aux).filter(([, ip]) => subnetMatches(subnet, ip)))
    return {
      Subnet: subnet,
      ...(range ? { IPRange: range } : {}),
      ...(gateway ? { Gateway: gateway } : {}),
      // `json:"AuxiliaryAddresses,omitempty"`: an empty map is left out.
      ...(Object.keys(auxiliary).length ? { AuxiliaryAddresses: auxiliary } : {}),
    }
  })
}

/**
 * The body of POST /networks/create (types.NetworkCreateRequest).
 *
 * @example
 * networkCreateBody(parsed) // { CheckDuplicate: true, Driver: 'bridge', ..., Name: 'app' }
 */
export function networkCreateBody(cmd: NetworkCreateCommand): Record<string, unknown> {
  return {
    CheckDuplicate: true,
    Driver: cmd.driver,
    Scope: cmd.scope,
    EnableIPv6: cmd.ipv6,
    IPAM: { Driver: cmd.ipamDriver, Options: { ...cmd.ipamOptions }, Config: consolidateIpam(cmd) },
    Internal: cmd.internal,
    Attachable: cmd.attachable,
    Ingress: cmd.ingress,
    ConfigOnly: cmd.configOnly ?? false,
    ConfigFrom: cmd.configFrom ? { Network: cmd.configFrom } : null,
    Options: { ...cmd.options },
    Labels: { ...cmd.labels },
    Name: cmd.name,
  }
}

// network.EndpointSettings with its zero fields, as Go encodes the struct.
function endpointSettings(fields: {
  IPAMConfig: Record<string, unknown> | null
  Links: string[] | null
  Aliases: string[] | null
  DriverOpts: Record<string, string> | null
}): Record<string, unknown> {
  return {
    IPAMConfig: fields.IPAMConfig,
    Links: fields.Links,
    Aliases: fields.Aliases,
    NetworkID: '',
    EndpointID: '',
    Gateway: '',
    IPAddress: '',
    IPPrefixLen: 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    MacAddress: '',
    DriverOpts: fields.DriverOpts,
  }
}

// EndpointIPAMConfig: every field `omitempty`.
function endpointIpam(ip?: string, ip6?: string, linkLocal?: readonly string[]): Record<string, unknown> {
  return {
    ...(ip ? { IPv4Address: ip } : {}),
    ...(ip6 ? { IPv6Address: ip6 } : {}),
    ...(linkLocal?.length ? { LinkLocalIPs: [...linkLocal] } : {}),
  }
}

/**
 * The body of POST /networks/{id}/connect: connect.go always sends an
 * IPAMConfig (empty when no --ip), aliases as given and driver options.
 *
 * @example
 * networkConnectBody({ kind: 'network connect', network: 'app', container: 'web', aliases: [] })
 */
export function networkConnectBody(cmd: NetworkConnectCommand): Record<string, unknown> {
  return {
    Container: cmd.container,
    EndpointConfig: endpointSettings({
      IPAMConfig: endpointIpam(cmd.ip, cmd.ip6, cmd.linkLocalIps),
      Links: cmd.links?.length ? [...cmd.links] : null,
      Aliases: [...cmd.aliases],
      DriverOpts: { ...(cmd.driverOpts ?? {}) },
    }),
  }
}

// opts.go parseNetworkOpts: per-network endpoint settings; a lone network
// without any setting sends none (the daemon creates its endpoint anyway).
function endpointsConfig(cmd: RunCommand): Record<string, unknown> {
  const specs =
    cmd.networks ??
    (cmd.network === undefined
      ? []
      : [
          {
            target: cmd.network,
            aliases: cmd.aliases,
            links: cmd.links,
            linkLocalIps: cmd.linkLocalIps ?? [],
            driverOpts: {},
            ...(cmd.ip !== undefined ? { ip: cmd.ip } : {}),
            ...(cmd.ip6 !== undefined ? { ip6: cmd.ip6 } : {}),
          },
        ])
  const endpoints: Record<string, unknown> = {}
  specs.forEach((spec, i) => {
    const hasIpam = !!spec.ip || !!spec.ip6 || spec.linkLocalIps.length > 0
    const fields = {
      IPAMConfig: hasIpam ? endpointIpam(spec.ip, spec.ip6, spec.linkLocalIps) : null,
      Links: spec.links.length ? [...spec.links] : null,
      Aliases: spec.aliases.length ? [...spec.aliases] : null,
      DriverOpts: Object.keys(spec.driverOpts).length ? { ...spec.driverOpts } : null,
    }
    const empty = !fields.IPAMConfig && !fields.Links && !fields.Aliases && !fields.DriverOpts
    if (i === 0 && specs.length === 1 && empty) return
    endpoints[spec.target] = endpointSettings(fields)
  })
  return endpoints
}

// nat.SplitProtoPort
function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split('/')
  if (raw === '' || parts[0] === '') return ['', '']
  if (parts.length === 1) return ['tcp', raw]
  if (parts[1] === '') return ['tcp', parts[0] ?? '']
  return [parts[1] ?? '', parts[0] ?? '']
}

// nat.ParsePortSpecs for -p, then opts.go's merge of --expose ranges into ExposedPorts.
function ports(cmd: RunCommand): {
  exposed: Record<string, Record<string, never>>
  bindings: Record<string, { HostIp: string; HostPort: string }[]>
} {
  const exposed: Record<string, Record<string, never>> = {}
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {}
  for (const p of cmd.publish) {
    const key = `${p.containerPort}/${p.proto}`
    exposed[key] = {}
    bindings[key] = [...(bindings[key] ?? []), { HostIp: p.hostIp, HostPort: p.hostPort }]
  }
  for (const e of cmd.expose) {
    const [proto, port] = splitProtoPort(e)
    const [start = 0, end = start] = port.split('-').map(Number)
    for (let i = start; i <= end; i++) {
      const key = `${i}/${proto}`
      if (!exposed[key]) exposed[key] = {}
    }
  }
  return { exposed, bindings }
}

// opts.ParseRestartPolicy; the flag's default is "no".
function restartPolicy(restart: string | undefined): { Name: string; MaximumRetryCount: number } {
  const [name = '', count] = (restart ?? 'no').split(':')
  return { Name: name, MaximumRetryCount: count === undefined ? 0 : Number(count) }
}

/**
 * The query and body of POST /containers/create (config, host config and
 * networking config) for `docker run`/`docker create`.
 *
 * @example
 * const { query, body } = containerCreateRequest(parsedRun)
 */
export function containerCreateRequest(cmd: RunCommand): {
  query: Record<string, string>
  body: Record<string, unknown>
} {
  // `run -d` attaches nothing; `create` and a foreground `run` attach stdout and stderr.
  const attach = !(cmd.kind === 'run' && cmd.detach)
  const { exposed, bindings } = ports(cmd)
  const body = {
    Hostname: cmd.hostname ?? '',
    Domainname: cmd.domainname ?? '',
    User: '',
    AttachStdin: false,
    AttachStdout: attach,
    AttachStderr: attach,
    ...(Object.keys(exposed).length ? { ExposedPorts: exposed } : {}),
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: null,
    Cmd: cmd.cmd.length ? [...cmd.cmd] : null,
    Image: cmd.image,
    Volumes: {},
    WorkingDir: '',
    Entrypoint: null,
    ...(cmd.mac ? { MacAddress: cmd.mac } : {}),
    OnBuild: null,
    Labels: { ...(cmd.labels ?? {}) },
    HostConfig: {
      Binds: null,
      ContainerIDFile: '',
      LogConfig: { Type: '', Config: {} },
      NetworkMode: cmd.network ?? 'default',
      PortBindings: bindings,
      RestartPolicy: restartPolicy(cmd.restart),
      AutoRemove: cmd.rm,
      VolumeDriver: '',
      VolumesFrom: null,
      CapAdd: cmd.capAdd?.length ? [...cmd.capAdd] : null,
      CapDrop: null,
      CgroupnsMode: '',
      Dns: [...cmd.dns],
      DnsOptions: [...(cmd.dnsOptions ?? [])],
      DnsSearch: [...(cmd.dnsSearch ?? [])],
      ExtraHosts: cmd.addHosts.length ? [...cmd.addHosts] : null,
      GroupAdd: null,
      IpcMode: '',
      Cgroup: '',
      Links: cmd.links.length ? [...cmd.links] : null,
      OomScoreAdj: 0,
      PidMode: '',
      Privileged: cmd.privileged ?? false,
      PublishAllPorts: cmd.publishAll,
      ReadonlyRootfs: false,
      SecurityOpt: null,
      ...(cmd.sysctls && Object.keys(cmd.sysctls).length ? { Sysctls: { ...cmd.sysctls } } : {}),
      UTSMode: '',
      UsernsMode: '',
      ShmSize: 0,
      ConsoleSize: [0, 0],
      Isolation: '',
      CpuShares: 0,
      Memory: 0,
      NanoCpus: 0,
      CgroupParent: '',
      BlkioWeight: 0,
      BlkioWeightDevice: [],
      BlkioDeviceReadBps: null,
      BlkioDeviceWriteBps: null,
      BlkioDeviceReadIOps: null,
      BlkioDeviceWriteIOps: null,
      CpuPeriod: 0,
      CpuQuota: 0,
      CpuRealtimePeriod: 0,
      CpuRealtimeRuntime: 0,
      CpusetCpus: '',
      CpusetMems: '',
      Devices: [],
      DeviceCgroupRules: null,
      DeviceRequests: null,
      KernelMemory: 0,
      KernelMemoryTCP: 0,
      MemoryReservation: 0,
      MemorySwap: 0,
      MemorySwappiness: -1,
      OomKillDisable: false,
      PidsLimit: 0,
      Ulimits: null,
      CpuCount: 0,
      CpuPercent: 0,
      IOMaximumIOps: 0,
      IOMaximumBandwidth: 0,
      MaskedPaths: null,
      ReadonlyPaths: null,
    },
    NetworkingConfig: { EndpointsConfig: endpointsConfig(cmd) },
  }
  return { query: cmd.name !== undefined ? { name: cmd.name } : {}, body }
}

/**
 * The body of POST /swarm/init (swarm.InitRequest) for the flags core parses;
 * the spec is the zero spec the CLI sends when no spec flag is given.
 *
 * @example
 * swarmInitBody({ kind: 'swarm init', advertiseAddr: '127.0.0.1' })
 */
export function swarmInitBody(cmd: SwarmInitCommand): Record<string, unknown> {
  return {
    ListenAddr: cmd.listenAddr ?? '0.0.0.0:2377',
    AdvertiseAddr: cmd.advertiseAddr ?? '',
    DataPathAddr: cmd.dataPathAddr ?? '',
    DataPathPort: cmd.dataPathPort ?? 0,
    ForceNewCluster: cmd.forceNewCluster ?? false,
    Spec: {
      Labels: null,
      Orchestration: {},
      Raft: { ElectionTick: 0, HeartbeatTick: 0 },
      Dispatcher: {},
      CAConfig: {},
      TaskDefaults: {},
      EncryptionConfig: { AutoLockManagers: false },
    },
    AutoLockManagers: false,
    Availability: '',
    DefaultAddrPool: cmd.defaultAddrPools?.length ? [...cmd.defaultAddrPools] : null,
    SubnetSize: cmd.defaultAddrPoolMaskLength ?? 24,
  }
}
