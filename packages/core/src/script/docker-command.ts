/**
 * The docker commands netmodes simulates, as the docker CLI 20.10 hands them
 * to the daemon once its own parsing and client-side checks have passed.
 * Optional fields are present only when the flag was given.
 */

/**
 * One published port after go-connections' `nat.ParsePortSpec`: one entry
 * per container port. `hostPort` is '' for an ephemeral port, a single port,
 * or a "start-end" range when a host range maps onto one container port.
 *
 * @example
 * const web: PublishSpec = { hostIp: '', hostPort: '8080', containerPort: 80, proto: 'tcp' }
 */
export interface PublishSpec {
  hostIp: string
  hostPort: string
  containerPort: number
  proto: 'tcp' | 'udp' | 'sctp'
}

/**
 * One network a container is attached to by `--network`, with the
 * per-network settings of the long syntax (`--network name=n,alias=a,ip=...`).
 * For the first network, `--network-alias`, `--ip`, `--ip6`, `--link` and
 * `--link-local-ip` are merged in, as the CLI does.
 *
 * @example
 * const lab: NetworkAttachmentSpec = { target: 'lab', aliases: ['api'], links: [], linkLocalIps: [], driverOpts: {} }
 */
export interface NetworkAttachmentSpec {
  target: string
  aliases: string[]
  links: string[]
  linkLocalIps: string[]
  driverOpts: Record<string, string>
  ip?: string
  ip6?: string
}

/**
 * `docker network create`.
 *
 * @example
 * parseDockerCommand(['docker', 'network', 'create', '--subnet', '10.1.0.0/24', 'app']) // a NetworkCreateCommand
 */
export interface NetworkCreateCommand {
  kind: 'network create'
  name: string
  driver: string
  subnets: string[]
  gateways: string[]
  ipRanges: string[]
  /** Raw "name=ip" texts, in command-line order. */
  auxAddresses: string[]
  internal: boolean
  attachable: boolean
  ingress: boolean
  ipv6: boolean
  labels: Record<string, string>
  options: Record<string, string>
  ipamDriver: string
  ipamOptions: Record<string, string>
  scope: string
  /** `--config-only`. */
  configOnly?: boolean
  /** `--config-from`. */
  configFrom?: string
}

/**
 * `docker run` and `docker create`.
 *
 * @example
 * parseDockerCommand(['docker', 'run', '-d', 'nginx']) // a RunCommand with kind 'run'
 */
export interface RunCommand {
  kind: 'run' | 'create'
  detach: boolean
  name?: string
  /** `--label`: Config.Labels. */
  labels?: Record<string, string>
  /** The network mode: the first `--network` (HostConfig.NetworkMode); absent means "default". */
  network?: string
  publish: PublishSpec[]
  publishAll: boolean
  /** Raw `--expose` values (already checked as the CLI checks them). */
  expose: string[]
  /** IPv4 address on the first network (`--ip` or its long-syntax `ip=`). */
  ip?: string
  mac?: string
  /** Aliases on the first network (`--network-alias` or its long-syntax `alias=`). */
  aliases: string[]
  /**
   * `--ip`, `--ip6` and `--network-alias` given without any `--network`:
   * docker 20.10 drops them, the 28.2 CLI sends them for the default network
   * (seen with `--ip6 fd00::5`: 28 refuses it as it refuses `--ip`).
   */
  withoutNetwork?: { ip?: string; ip6?: string; aliases: string[] }
  hostname?: string
  /** `--dns` servers, as Go prints them (docker normalizes them). */
  dns: string[]
  addHosts: string[]
  links: string[]
  rm: boolean
  image: string
  cmd: string[]
  /** IPv6 address on the first network (`--ip6` or long-syntax `ip6=`). */
  ip6?: string
  /** `--link-local-ip`. */
  linkLocalIps?: string[]
  /** `--dns-search`, as docker keeps them (trailing dot dropped). */
  dnsSearch?: string[]
  /** `--dns-option`/`--dns-opt`. */
  dnsOptions?: string[]
  /** `--domainname`. */
  domainname?: string
  /** `--sysctl` (the net.* ones matter to networking). */
  sysctls?: Record<string, string>
  /** Every `--network` when there are several or the long syntax was used. */
  networks?: NetworkAttachmentSpec[]
  /** `--restart` as given. */
  restart?: string
  /** `--privileged`. */
  privileged?: boolean
  /** `--cap-add`. */
  capAdd?: string[]
  /**
   * Lines the CLI itself prints on stderr before sending the request
   * (localhost `--dns`, `--oom-kill-disable` without `--memory`).
   */
  warnings?: string[]
}

/**
 * `docker swarm init`.
 *
 * @example
 * parseDockerCommand(['docker', 'swarm', 'init']) // { kind: 'swarm init' }
 */
export interface SwarmInitCommand {
  kind: 'swarm init'
  advertiseAddr?: string
  /** `--listen-addr` as the CLI normalizes it ("0.0.0.0:2377" when absent). */
  listenAddr?: string
  dataPathAddr?: string
  dataPathPort?: number
  /** `--default-addr-pool` CIDRs, as Go prints the parsed networks. */
  defaultAddrPools?: string[]
  defaultAddrPoolMaskLength?: number
  forceNewCluster?: boolean
}

/**
 * A parsed docker command line.
 *
 * @example
 * const cmd: DockerCommand = { kind: 'network rm', networks: ['app'] }
 */
export type DockerCommand =
  | NetworkCreateCommand
  | { kind: 'network rm'; networks: string[] }
  | {
      kind: 'network connect'
      network: string
      container: string
      ip?: string
      aliases: string[]
      ip6?: string
      links?: string[]
      linkLocalIps?: string[]
      driverOpts?: Record<string, string>
    }
  | { kind: 'network disconnect'; network: string; container: string; force: boolean }
  | { kind: 'port'; container: string; port?: string }
  | { kind: 'rename'; container: string; name: string }
  /** `docker exec [-d] CONTAINER COMMAND [ARG...]`: a process in a running container's namespaces. */
  | { kind: 'exec'; container: string; command: string[]; detach: boolean }
  | { kind: 'network ls'; quiet: boolean; noTrunc: boolean; filters: string[]; format?: string }
  | { kind: 'network inspect'; networks: string[]; format?: string; verbose?: boolean }
  | RunCommand
  | { kind: 'start'; containers: string[]; attach?: boolean; interactive?: boolean }
  | { kind: 'stop' | 'restart'; containers: string[]; time?: number }
  | { kind: 'rm'; containers: string[]; force: boolean; volumes?: boolean; link?: boolean }
  | {
      kind: 'ps'
      all: boolean
      quiet: boolean
      noTrunc: boolean
      filters?: string[]
      format?: string
      last?: number
      latest?: boolean
      size?: boolean
    }
  | {
      kind: 'inspect'
      targets: string[]
      format?: string
      /** `--type`, or 'container' for `docker container inspect`. */
      type?: string
      size?: boolean
    }
  | SwarmInitCommand
  | { kind: 'swarm leave'; force: boolean }
  /** `docker swarm join --token TOKEN HOST:PORT`: joins the swarm of the manager at HOST:PORT. */
  | { kind: 'swarm join'; token: string; remoteAddr: string; advertiseAddr?: string }
  | PruneCommand

/**
 * `docker network prune` / `docker container prune`.
 *
 * @example
 * parseDockerCommand(['docker', 'network', 'prune', '-f']) // { kind: 'network prune', force: true, filters: [] }
 */
export interface PruneCommand {
  kind: 'network prune' | 'container prune'
  /** `-f`: no confirmation prompt. */
  force: boolean
  /** `--filter` texts, "name=value". */
  filters: string[]
}
