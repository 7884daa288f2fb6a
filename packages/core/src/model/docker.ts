/**
 * The daemon's own records: networks, endpoints, containers and published
 * ports, shaped after libnetwork and the Docker Engine API so the inspect
 * views are a projection, not a translation.
 */

/** Docker's built-in network drivers. */
export type DriverName = 'bridge' | 'host' | 'null' | 'macvlan' | 'ipvlan' | 'overlay'

/** The network modes a container can be started in. */
export type NetworkMode = 'bridge' | 'host' | 'none' | 'container' | 'macvlan' | 'ipvlan' | 'overlay'

/** One entry of a network's IPAM.Config. */
export interface IpamConfig {
  /** CIDR, as Docker prints it (network address, e.g. "172.18.0.0/16"). */
  subnet: string
  gateway?: string
  ipRange?: string
  auxAddresses?: Record<string, string>
}

/** Allocation state of one IPAM pool (a network's subnet). */
export interface IpamPool {
  subnet: string
  /** Allocated addresses as offsets from the network address: flat [start, end) runs. */
  allocated: number[]
  /** Serial allocation cursor (offset after the last address handed out). */
  cursor: number
  /** Address space: local (bridge, macvlan, ipvlan) or global (swarm). */
  space: 'local' | 'global'
  /** True when the subnet came from Docker's predefined pools. */
  predefined: boolean
}

/**
 * Allocation state of a network's IPv6 subnet. Its addresses do not fit the
 * IPv4 pool's number offsets (a /64 has 2^64), so the taken ones are listed,
 * each as Go prints it; the subnet's first address is among them from the
 * start (libnetwork's allocator reserves it on both families, and reserves no
 * broadcast address for IPv6).
 */
export interface IpamPool6 {
  /** The subnet, host bits cleared ("fd00:1::/64"). */
  subnet: string
  /** Taken addresses, canonical text (RFC 5952), in allocation order. */
  allocated: string[]
  /** True when the subnet is the engine's own pick (28's random ULA /64). */
  predefined: boolean
}

/** A Docker network (libnetwork's `network`). */
export interface Network {
  id: string
  name: string
  driver: DriverName
  scope: 'local' | 'swarm'
  /** Logical creation time (seconds since the epoch). */
  created: number
  internal: boolean
  attachable: boolean
  ingress: boolean
  enableIPv6: boolean
  /** IPAM options are null for the networks the daemon creates itself (docker0, docker_gwbridge, ingress). */
  ipam: { driver: 'default'; config: IpamConfig[]; options: Record<string, string> | null }
  options: Record<string, string>
  labels: Record<string, string>
  /** Linux device that carries the network on this host (bridge name, macvlan parent, vxlan...). */
  device?: string
  /** A swarm network this node has joined (its local libnetwork object exists). */
  instantiated?: boolean
  /** Overlay VXLAN network identifier. */
  vni?: number
  /** The gateway address actually in use (IPAM.Config shows it only when chosen by Docker's pools or the user). */
  gateway?: string
  /** Address allocation of the network's IPv4 subnet (absent for host and none). */
  pool?: IpamPool
  /** Address allocation of the network's IPv6 subnet, when it has one (`--subnet` v6, or 28's ULA). */
  pool6?: IpamPool6
  /** The IPv6 gateway address in use (on the bridge, and each endpoint's IPv6Gateway). */
  gateway6?: string
  /** Endpoints on this network, keyed by endpoint id, in join order. */
  endpoints: Record<string, Endpoint>
  /** `--config-only`: a configuration for other networks (driver "null", nothing built, no endpoint). */
  configOnly?: boolean
  /** `--config-from NAME`: the configuration network its IPAM, options and labels came from. */
  configFrom?: string
  /**
   * The overlay driver's peer database on this node: the network's endpoints
   * on other nodes, as gossip (networkDB) told it (libnetwork
   * drivers/overlay/peerdb.go). Absent on a one-node swarm.
   */
  peers?: OverlayPeer[]
  /**
   * The nodes that share this swarm network (networkDB), in the order they
   * joined it, this one included: `network inspect`'s Peers. Absent on a
   * one-node swarm, where that is this node alone.
   */
  peerNodes?: { name: string; ip: string }[]
  /**
   * The swarm services on this network, as networkDB's service records tell
   * every node that holds it: the embedded DNS answers NAME (the VIP, or the
   * tasks' addresses with `--endpoint-mode dnsrr`) and tasks.NAME.
   */
  services?: ServiceRecord[]
}

/** One service's DNS records on a network. */
export interface ServiceRecord {
  name: string
  /** The virtual IP (endpoint mode vip); absent for dnsrr. */
  vip?: string
  /** Its tasks' addresses on the network. */
  tasks: string[]
}

/** One remote endpoint of an overlay network, as this node's peer database holds it. */
export interface OverlayPeer {
  /** The endpoint's name (its container's), which the embedded DNS answers across nodes. */
  name: string
  /** The endpoint's id (eid), which keys the peer database. */
  endpointId: string
  containerId: string
  ipv4: string
  prefixlen: number
  mac: string
  /** The VTEP: the address of the node that holds the endpoint. */
  vtep: string
  /** That node's name in the lab. */
  node: string
  /** That node's name in the gossip network (networkDB), as `Peers` lists it. */
  peerName?: string
}

/** One container's attachment to one network. */
export interface Endpoint {
  id: string
  /** libnetwork endpoint name: the container name. */
  name: string
  networkId: string
  containerId: string
  /** Address without prefix. */
  ipv4: string
  prefixlen: number
  mac: string
  /** Interface name inside the container (eth0, eth1...). */
  ifname: string
  /** Host-side veth name, for bridge networks. */
  hostVeth?: string
  aliases: string[]
  /** The address the user asked for with --ip, kept across restarts. */
  requestedIp?: string
  gateway: string
  /** IPv6 address without prefix, on a network with IPv6 enabled. */
  ipv6?: string
  prefixlen6?: number
  gateway6?: string
}

/** A published port as the user asked for it (HostConfig.PortBindings). */
export interface PortBinding {
  containerPort: number
  proto: 'tcp' | 'udp' | 'sctp'
  hostIp: string
  /** "" when Docker picks an ephemeral port; "8000-8002" for a range. */
  hostPort: string
}

/** A host port the daemon actually bound (NetworkSettings.Ports). */
export interface PortMapping {
  containerPort: number
  proto: 'tcp' | 'udp' | 'sctp'
  hostIp: string
  hostPort: number
}

/** What the user asked for one network at create/connect time. */
export interface EndpointRequest {
  network: string
  ip?: string
  /** `--ip6`: the IPv6 address asked for on this network. */
  ip6?: string
  aliases: string[]
  mac?: string
  /** Given by `docker network connect` (the API then holds empty settings rather than none). */
  fromConnect?: boolean
  /** `--link` on a user-defined network: kept in the endpoint's settings (resolved by the embedded DNS). */
  links?: string[]
  /** The network existed, user-defined, when the container was created: its aliases were stored then. */
  userNetworkAtCreate?: boolean
}

/** A container (the daemon's record, not the namespace). */
export interface Container {
  id: string
  name: string
  image: string
  cmd: string[]
  hostname: string
  created: number
  state: 'created' | 'running' | 'exited'
  /** Process id of the container's init, while running. */
  pid: number
  startedAt?: number
  finishedAt?: number
  /** HostConfig.NetworkMode, verbatim: "default", "bridge", "host", "none", "container:<id>", or a network name. */
  networkMode: string
  /** For container mode: the id of the container whose namespace is shared. */
  sharesWith?: string
  macAddress?: string
  portBindings: PortBinding[]
  /** Endpoint configs by network name (what the user asked), in attach order. */
  endpointConfigs: EndpointRequest[]
  /** Live endpoint ids by network id, in attach order (empty when not running). */
  endpoints: Record<string, string>
  /** Host ports bound while running. */
  ports: PortMapping[]
  /** The network whose endpoint the published ports are programmed on (the gateway endpoint's). */
  portNetworkId?: string
  /** The libnetwork sandbox's id (64 hex): kept after a stop, as Docker keeps it in the record. */
  sandboxId?: string
  /** Namespace id while running (sandbox key), or "host". */
  sandbox?: string
  /** The next ethN index (Docker 20.10 counts per sandbox and never reuses). */
  nextIfIndex: number
  labels: Record<string, string>
  /** Config.Domainname (`--domainname`). */
  domainname?: string
  /** HostConfig.Dns, DnsSearch, DnsOptions (`--dns`, `--dns-search`, `--dns-option`). */
  dns?: string[]
  dnsSearch?: string[]
  dnsOptions?: string[]
  /** HostConfig.ExtraHosts (`--add-host name:ip`), as given. */
  extraHosts?: string[]
  /** `--link name[:alias]`, as given (legacy links on the default bridge). */
  links?: string[]
  /** HostConfig.Sysctls (absent when none was given: the API omits the field). */
  sysctls?: Record<string, string>
  /** The sandbox's /etc/hosts and /etc/resolv.conf, as last written (kept after a stop, as on disk). */
  etc?: { hosts: string; resolvConf: string }
  /** The container whose files (and paths) this one uses: itself once started, the owner in container mode. */
  filesOf?: string
  /** HostnamePath is set: networking was initialized (a start that failed at a join leaves it unset). */
  hostnameFile?: boolean
  /**
   * A swarm task's container (made by the node's agent, not by a client):
   * its HostConfig leaves the DNS settings and NetworkMode unset.
   */
  swarmTask?: true
}
