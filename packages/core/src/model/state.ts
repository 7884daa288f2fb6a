import type { DaemonSettings } from './daemon-settings.js'
import type { Container, Network } from './docker.js'
import type { Listener } from './listener.js'
import type { Namespace } from './namespace.js'
import type { Netfilter } from './netfilter.js'

/** The Docker Engine versions netmodes models, each by an engine behaviour of its own. */
export type EngineVersion = '20.10' | '28'

export interface EngineProfile {
  /** Engine version whose behaviour is modelled; the lab's behaviour is chosen from it once. */
  version: EngineVersion
  /** `userland-proxy` (default true): docker-proxy serves published ports for local clients. */
  userlandProxy: boolean
  /** Host's `net.ipv4.ip_local_port_range`, where ephemeral host ports come from. */
  ephemeralPorts: [number, number]
  /** `bip`: docker0's address and prefix. */
  bip: string
  /** Default MTU of bridge networks. */
  mtu: number
  /** Kernel features the drivers need; a kernel without them makes Docker fail as it does there. */
  kernel: {
    ipvlan: boolean
    dummy: boolean
    vlan: boolean
    /** IPVS (CONFIG_IP_VS), which swarm services' virtual IPs need (absent: present). */
    ipvs?: boolean
  }
  /** The host has IPv6, so docker-proxy also listens on [::] for ports published without an address. */
  ipv6Proxy: boolean
}

/**
 * Global IPAM state: the predefined-pool cursors of Docker 20.10 (they
 * survive network removal). Docker 28 picks the lowest free pool and has
 * no cursor: a lab of 28 keeps these at 0, for one lab shape on both.
 */
export interface IpamState {
  /** Index into the local predefined pool list where the next search starts. */
  localCursor: number
  globalCursor: number
}

/** Swarm membership of this node. */
export interface SwarmState {
  nodeId: string
  advertiseAddr: string
  /** Next VXLAN id to hand out (Docker starts at 4096; ingress takes the first). */
  nextVni: number
  /** This node's name in the gossip network (networkDB), as `Peers` lists it. */
  peerName: string
  /** The token `docker swarm join` needs to join as a worker (GET /swarm's JoinTokens.Worker). */
  workerToken?: string
  /** The token that joins a node as a manager (JoinTokens.Manager). */
  managerToken?: string
  /** A node that joined as a worker (absent: a manager, as `swarm init` makes). */
  role?: 'worker'
}

/** A bound host port (the port allocator's record, and the docker-proxy behind it). */
export interface HostPortAllocation {
  hostIp: string
  hostPort: number
  proto: 'tcp' | 'udp' | 'sctp'
  containerId: string
  containerIp: string
  containerPort: number
}

/** The whole simulated host: plain, serializable data. */
export interface LabState {
  schema: 1
  profile: EngineProfile
  /**
   * The daemon settings the lab was started with (daemon.json keys), only
   * those given: a lab of a default daemon has none.
   */
  daemon?: DaemonSettings
  /** Deterministic generator state: IDs, veth names and the like come from it. */
  rng: { seed: number; counter: number }
  /** Logical clock in seconds since the epoch; every command advances it. */
  clock: number
  host: {
    hostname: string
    nameservers: string[]
    /** The host's /etc/resolv.conf text (what containers' resolv.conf is made from). */
    resolvConf?: string
    /** The host's /etc/hosts text (what a --network host container gets). */
    hostsFile?: string
  }
  namespaces: Record<string, Namespace>
  ipam: IpamState
  /** Networks in creation order. */
  networks: Network[]
  /** Containers by id, in creation order. */
  containers: Record<string, Container>
  swarm: SwarmState | null
  netfilter: Netfilter
  /**
   * The host's IPv6 tables (`ip6tables-save`), present once a daemon with
   * ip6tables on wrote to them (Docker 28 by default); absent otherwise.
   */
  netfilter6?: Netfilter
  /** Bound host ports, keyed "proto/port" (all the host addresses that port is bound on). */
  hostPorts: Record<string, HostPortAllocation[]>
  /** Container ids by name: the daemon's name index. */
  containerNames: Record<string, string>
  /** Ephemeral port allocator cursor per protocol (Docker continues after the last one handed out). */
  portCursor: Record<string, number>
  /** Next process id handed to a started container. */
  nextPid: number
  /** Sockets started by `docker exec` or declared by `listen` (absent until the first). */
  listeners?: Listener[]
}
