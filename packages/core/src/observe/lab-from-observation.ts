import { maxOf } from '../collections/append-all.js'
import type { IpJsonAddrEntry, IpJsonRouteEntry } from '../engine/host-description.js'
import { hostNamespaceFrom } from '../engine/host-description.js'
import { DEFAULT_PROFILE } from '../engine/lab.js'
import { modelledEngineOf } from '../engine-profiles/engine-version.js'
import { nameserversOf } from '../etc/resolv-conf.js'
import { addAddress } from '../ipam/address-set.js'
import { LOCAL_PREDEFINED_SUBNETS } from '../ipam/default-pools.js'
import { formatCidr, networkAddress, parseCidr, parseIPv4 } from '../ipam/ipv4.js'
import { createPool } from '../ipam/pool.js'
import type {
  Container,
  DriverName,
  Endpoint,
  IpamConfig,
  Network,
  PortBinding,
  PortMapping,
} from '../model/docker.js'
import type { Namespace } from '../model/namespace.js'
import type { EngineProfile, EngineVersion, HostPortAllocation, LabState } from '../model/state.js'
import { parseIptablesSave } from '../netfilter/parse-iptables-save.js'
import type { ObservedFiles, RawObservation } from './raw-observation.js'

type Doc = Record<string, unknown>
const obj = (v: unknown): Doc => (v && typeof v === 'object' ? (v as Doc) : {})
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const seconds = (time: unknown): number => {
  const ms = Date.parse(str(time))
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000)
}

const BRIDGE_LIKE = /^(docker0|docker_gwbridge|br-[0-9a-f]{12})$/

/** A namespace from `ip -j addr` / `ip -j route`, with the link kinds Docker uses told apart by name. */
function namespaceFrom(id: string, addr: unknown[], route: unknown[], bridges: Set<string>): Namespace {
  const ns = hostNamespaceFrom({ addr: addr as IpJsonAddrEntry[], route: route as IpJsonRouteEntry[] })
  for (const [i, link] of ns.links.entries()) {
    const raw = obj(addr[i])
    if (bridges.has(link.ifname) || BRIDGE_LIKE.test(link.ifname)) link.kind = 'bridge'
    else if (
      /^veth/.test(link.ifname) ||
      (id !== 'host' && typeof raw.link_index === 'number' && link.kind !== 'loopback')
    ) {
      link.kind = 'veth'
      if (typeof raw.link_index === 'number')
        link.peer = { ifindex: raw.link_index, namespace: id === 'host' ? '' : 'host' }
    }
  }
  return { ...ns, id }
}

function poolFor(network: Network, config: IpamConfig | undefined, gateway: string | undefined): void {
  if (!config) return
  const cidr = parseCidr(config.subnet)
  if (!cidr) return
  const subnet = formatCidr(networkAddress(cidr.ip, cidr.prefix), cidr.prefix)
  // Whether Docker picked the subnet is not recorded: a subnet from its default pools is taken as picked.
  const pool = createPool({
    subnet,
    space: network.scope === 'swarm' ? 'global' : 'local',
    predefined: LOCAL_PREDEFINED_SUBNETS.includes(subnet) || /^10\.\d+\.\d+\.0\/24$/.test(subnet),
  })
  const take = (ip: string | undefined) => {
    const n = ip ? parseIPv4(ip.split('/')[0] ?? '') : undefined
    if (n !== undefined) addAddress(pool.allocated, n - networkAddress(cidr.ip, cidr.prefix))
  }
  take(gateway)
  for (const ip of Object.values(config.auxAddresses ?? {})) take(ip)
  for (const ep of Object.values(network.endpoints)) take(ep.ipv4)
  network.pool = pool
  if (gateway) network.gateway = gateway
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x)) : [])

/**
 * A container's name-resolution settings and files from its inspect
 * document (HostConfig.Links "/child:/parent/alias" back to "child:alias")
 * and, when the observation read them, its /etc files.
 */
function nameSettingsFrom(
  c: Record<string, unknown>,
  files: ObservedFiles | undefined,
  owners: ReadonlyMap<string, string>,
): Partial<Container> {
  const host = obj(c.HostConfig)
  const config = obj(c.Config)
  const owner = owners.get(str(c.Id))
  return {
    domainname: str(config.Domainname),
    dns: strings(host.Dns),
    dnsSearch: strings(host.DnsSearch),
    dnsOptions: strings(host.DnsOptions),
    extraHosts: strings(host.ExtraHosts),
    links: strings(host.Links).map((l) => {
      const [child = '', parentAlias = ''] = l.split(':')
      return `${child.replace(/^\//, '')}:${parentAlias.split('/').pop() ?? ''}`
    }),
    ...(host.Sysctls && typeof host.Sysctls === 'object'
      ? { sysctls: { ...(host.Sysctls as Record<string, string>) } }
      : {}),
    ...(owner ? { filesOf: owner } : {}),
    ...(str(c.HostnamePath) ? { hostnameFile: true } : {}),
    ...(files && owner === str(c.Id) ? { etc: { hosts: files.hosts, resolvConf: files.resolvConf } } : {}),
  }
}

/**
 * Reads an observation of a live Docker host (from @netmodes/docker) into a
 * lab, so netmodes can show, explain and trace the real thing. What an
 * observer cannot see is approximated and said so: the predefined-pool
 * cursor (kept in the daemon's memory) is put after the highest default pool
 * in use; IPAM state is rebuilt from the addresses in use.
 *
 * `host` describes what the observation does not hold: the machine's
 * hostname, /etc/resolv.conf and /etc/hosts (what containers' files are
 * made from).
 *
 * @example
 * const lab = labFromObservation(await observeEngine(conn))
 */
/**
 * The engine an observation was made of, when netmodes models it, so that a
 * snapshot of a 28 engine goes on as 28 does; an observation of another
 * engine keeps the default (`profile.version` given by the caller wins).
 */
function modelledEngine(raw: RawObservation): { version?: EngineVersion } {
  const version = modelledEngineOf(raw.engine)
  return version ? { version } : {}
}

export function labFromObservation(
  raw: RawObservation,
  profile: Partial<EngineProfile> = {},
  host: { hostname?: string; resolvConf?: string; hostsFile?: string } = {},
): LabState {
  const bridges = new Set(
    raw.networks
      .filter((n) => n.Driver === 'bridge')
      .map((n) => str(obj(n.Options)['com.docker.network.bridge.name']) || `br-${str(n.Id).slice(0, 12)}`),
  )
  const hostView = raw.namespaces.host
  const namespaces: Record<string, Namespace> = {
    host: namespaceFrom('host', hostView?.addr ?? [], hostView?.route ?? [], bridges),
  }
  const networks: Network[] = raw.networks.map((n) => {
    const ipam = obj(n.IPAM)
    const configs = (Array.isArray(ipam.Config) ? ipam.Config : []).map((c): IpamConfig => {
      const d = obj(c)
      return {
        subnet: str(d.Subnet),
        ...(d.Gateway ? { gateway: str(d.Gateway) } : {}),
        ...(d.IPRange ? { ipRange: str(d.IPRange) } : {}),
        ...(d.AuxiliaryAddresses ? { auxAddresses: d.AuxiliaryAddresses as Record<string, string> } : {}),
      }
    })
    const options = (obj(n.Options) ?? {}) as Record<string, string>
    const driver = str(n.Driver) as DriverName
    const network: Network = {
      id: str(n.Id),
      name: str(n.Name),
      driver,
      scope: n.Scope === 'swarm' ? 'swarm' : 'local',
      created: seconds(n.Created),
      internal: !!n.Internal,
      attachable: !!n.Attachable,
      ingress: !!n.Ingress,
      enableIPv6: !!n.EnableIPv6,
      ipam: {
        driver: 'default',
        config: configs,
        options: ipam.Options === null ? null : (obj(ipam.Options) as Record<string, string>),
      },
      options,
      labels: (obj(n.Labels) ?? {}) as Record<string, string>,
      endpoints: {},
    }
    if (driver === 'bridge')
      network.device = options['com.docker.network.bridge.name'] || `br-${network.id.slice(0, 12)}`
    if (driver === 'macvlan' || driver === 'ipvlan') network.device = options.parent ?? ''
    const vni = options['com.docker.network.driver.overlay.vxlanid_list']
    if (vni) network.vni = Number(vni)
    for (const [cid, raw] of Object.entries(obj(n.Containers))) {
      const e = obj(raw)
      const [ip = '', prefix = '0'] = str(e.IPv4Address).split('/')
      const endpoint: Endpoint = {
        id: str(e.EndpointID),
        name: str(e.Name),
        networkId: network.id,
        containerId: cid,
        ipv4: ip,
        prefixlen: Number(prefix),
        mac: str(e.MacAddress),
        ifname: '',
        aliases: [],
        gateway: '',
      }
      network.endpoints[endpoint.id] = endpoint
    }
    // docker0's gateway is the bridge's own address, not in IPAM.Config.
    const device = network.device
      ? namespaces.host?.links.find((l) => l.ifname === network.device)
      : undefined
    poolFor(network, configs[0], configs[0]?.gateway ?? device?.addrs[0]?.local)
    return network
  })
  const containers: Record<string, Container> = {}
  const containerNames: Record<string, string> = {}
  // The owner of a container's files, by the id in its HostsPath (container mode: the other's).
  const owners = new Map<string, string>()
  for (const c of raw.containers) {
    const dir = str(c.HostsPath).split('/').slice(-2, -1)[0]
    if (dir) owners.set(str(c.Id), dir)
  }
  const hostPorts: Record<string, HostPortAllocation[]> = {}
  for (const c of raw.containers) {
    const state = obj(c.State)
    const settings = obj(c.NetworkSettings)
    const host = obj(c.HostConfig)
    const config = obj(c.Config)
    const name = str(c.Name).replace(/^\//, '')
    const running = state.Status === 'running'
    const mode = str(host.NetworkMode)
    const sandboxKey = str(settings.SandboxKey)
    const portBindings: PortBinding[] = Object.entries(obj(host.PortBindings)).flatMap(([key, list]) => {
      const [port = '0', proto = 'tcp'] = key.split('/')
      return (Array.isArray(list) ? list : []).map((b) => ({
        containerPort: Number(port),
        proto: proto as PortBinding['proto'],
        hostIp: str(obj(b).HostIp),
        hostPort: str(obj(b).HostPort),
      }))
    })
    const ports: PortMapping[] = Object.entries(obj(settings.Ports)).flatMap(([key, list]) => {
      const [port = '0', proto = 'tcp'] = key.split('/')
      return (Array.isArray(list) ? list : []).map((b) => ({
        containerPort: Number(port),
        proto: proto as PortMapping['proto'],
        hostIp: str(obj(b).HostIp),
        hostPort: Number(str(obj(b).HostPort)),
      }))
    })
    const nets = Object.entries(obj(settings.Networks))
    const container: Container = {
      id: str(c.Id),
      name,
      image: str(config.Image),
      cmd: [str(c.Path), ...((Array.isArray(c.Args) ? c.Args : []) as string[])].filter(Boolean),
      hostname: str(config.Hostname),
      created: seconds(c.Created),
      state: running ? 'running' : state.Status === 'created' ? 'created' : 'exited',
      pid: Number(state.Pid ?? 0),
      networkMode: mode,
      ...(mode.startsWith('container:') ? { sharesWith: mode.slice('container:'.length) } : {}),
      portBindings,
      endpointConfigs: nets.map(([net, e]) => ({
        network: net,
        aliases: ((obj(e).Aliases as string[] | null) ?? []).filter((a) => a !== str(c.Id).slice(0, 12)),
        ...(obj(obj(e).IPAMConfig).IPv4Address ? { ip: str(obj(obj(e).IPAMConfig).IPv4Address) } : {}),
      })),
      endpoints: Object.fromEntries(
        nets
          .filter(([, e]) => str(obj(e).EndpointID))
          .map(([, e]) => [str(obj(e).NetworkID), str(obj(e).EndpointID)]),
      ),
      ports: running ? ports : [],
      ...(str(settings.SandboxID) ? { sandboxId: str(settings.SandboxID) } : {}),
      nextIfIndex: nets.length,
      labels: {},
      ...nameSettingsFrom(c, raw.files?.[name], owners),
    }
    if (running) {
      if (mode === 'host') container.sandbox = 'host'
      else if (sandboxKey && raw.namespaces[name]) {
        container.sandbox = sandboxKey
        const view = raw.namespaces[name]
        namespaces[sandboxKey] = namespaceFrom(sandboxKey, view?.addr ?? [], view?.route ?? [], new Set())
      }
    }
    for (const [net, e] of nets) {
      const network = networks.find((n) => n.name === net)
      const ep = network?.endpoints[str(obj(e).EndpointID)]
      if (!ep) continue
      ep.gateway = str(obj(e).Gateway)
      ep.aliases = (obj(e).Aliases as string[] | null) ?? []
      const link = namespaces[sandboxKey]?.links.find((l) => l.address === ep.mac)
      if (link) ep.ifname = link.ifname
    }
    for (const p of container.ports) {
      const key = `${p.proto}/${p.hostPort}`
      const ep = Object.values(
        networks.find(
          (n) =>
            n.driver === 'bridge' && Object.values(n.endpoints).some((x) => x.containerId === container.id),
        )?.endpoints ?? {},
      ).find((x) => x.containerId === container.id)
      hostPorts[key] = [
        ...(hostPorts[key] ?? []),
        { ...p, containerId: container.id, containerIp: ep?.ipv4 ?? '' },
      ]
    }
    containers[container.id] = container
    containerNames[name] = container.id
  }
  // veth pairs: a container end names its host peer by ifindex (`eth0@if7`), and the host end the reverse.
  const hostNs = namespaces.host
  for (const [id, ns] of Object.entries(namespaces)) {
    if (id === 'host' || !hostNs) continue
    for (const link of ns.links) {
      if (link.kind !== 'veth' || !link.peer) continue
      const hostEnd = hostNs.links.find((l) => l.ifindex === link.peer?.ifindex && l.kind === 'veth')
      if (!hostEnd) {
        // Not a veth: a macvlan/ipvlan child, whose `@ifN` is its parent on the host.
        const parent = hostNs.links.find((l) => l.ifindex === link.peer?.ifindex)
        const net = networks.find(
          (n) =>
            (n.driver === 'macvlan' || n.driver === 'ipvlan') &&
            Object.values(n.endpoints).some(
              (ep) => ep.mac === link.address || containers[ep.containerId]?.sandbox === id,
            ),
        )
        if (parent && net) {
          link.kind = net.driver === 'ipvlan' ? 'ipvlan' : 'macvlan'
          link.parent = { ifindex: parent.ifindex, namespace: 'host', ifname: parent.ifname }
          delete link.peer
        }
        continue
      }
      link.peer = { ifindex: hostEnd.ifindex, namespace: 'host' }
      hostEnd.peer = { ifindex: link.ifindex, namespace: id }
      for (const n of networks) {
        for (const ep of Object.values(n.endpoints)) {
          if (ep.ifname === link.ifname && containers[ep.containerId]?.sandbox === id)
            ep.hostVeth = hostEnd.ifname
        }
      }
    }
  }
  // Shared namespaces: a container:<id> mode container runs in its target's sandbox.
  for (const c of Object.values(containers)) {
    const target = c.sharesWith ? containers[c.sharesWith] : undefined
    if (target?.sandbox && c.state === 'running') c.sandbox = target.sandbox
  }
  const inUse = LOCAL_PREDEFINED_SUBNETS.map((s, i) => (networks.some((n) => n.pool?.subnet === s) ? i : -1))
  const swarmNets = networks.filter((n) => n.scope === 'swarm')
  return {
    schema: 1,
    profile: { ...DEFAULT_PROFILE, ...modelledEngine(raw), ...profile },
    rng: { seed: 1, counter: 0 },
    clock: maxOf([...networks.map((n) => n.created), ...Object.values(containers).map((c) => c.created)], 0),
    host: {
      hostname: host.hostname ?? 'docker-host',
      nameservers: host.resolvConf !== undefined ? nameserversOf(host.resolvConf) : [],
      ...(host.resolvConf !== undefined ? { resolvConf: host.resolvConf } : {}),
      ...(host.hostsFile !== undefined ? { hostsFile: host.hostsFile } : {}),
    },
    namespaces,
    ipam: { localCursor: maxOf(inUse) + 1, globalCursor: 0 },
    networks,
    containers,
    swarm: swarmNets.length
      ? {
          nodeId: '',
          advertiseAddr: '',
          nextVni:
            maxOf(
              swarmNets.map((n) => n.vni ?? 0),
              4095,
            ) + 1,
          peerName: '',
        }
      : null,
    netfilter: parseIptablesSave(
      [raw.iptables.nat, raw.iptables.filter, ...(raw.iptables.raw ? [raw.iptables.raw] : [])].join('\n'),
    ),
    // The IPv6 tables where the observer read them and the daemon wrote to them (its DOCKER chain).
    ...(raw.ip6tables && /^:DOCKER /m.test(raw.ip6tables.filter)
      ? {
          netfilter6: parseIptablesSave(
            [raw.ip6tables.nat, raw.ip6tables.filter, ...(raw.ip6tables.raw ? [raw.ip6tables.raw] : [])].join(
              '\n',
            ),
          ),
        }
      : {}),
    hostPorts,
    portCursor: {},
    containerNames,
    nextPid: maxOf(
      Object.values(containers).map((c) => c.pid + 1),
      1000,
    ),
  }
}
