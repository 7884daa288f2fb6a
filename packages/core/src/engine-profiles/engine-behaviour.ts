import type { DaemonSettingName } from '../model/daemon-settings.js'
import type { DriverName } from '../model/docker.js'
import type { Namespace } from '../model/namespace.js'
import type { EngineVersion } from '../model/state.js'
import type { Tx } from '../model/tx.js'
import type { CliRendering } from './cli-rendering.js'
import type { DaemonChecks } from './daemon-checks.js'
import type { DaemonMessages } from './daemon-messages.js'
import type { EventsPolicy } from './events-policy.js'
import type { Firewaller } from './firewaller.js'
import type { Ipv6Policy } from './ipv6-policy.js'

/** What an endpoint's MAC is derived from, when `--mac-address` did not set it. */
export interface EndpointMacRequest {
  /** The endpoint's IPv4 address (20.10 and overlay endpoints derive the MAC from it). */
  ipv4: string
  /** The network's driver: 28 draws bridge and macvlan MACs, overlay keeps 02:42+IP. */
  driver: DriverName
}

/** One docker-proxy process, as dockerd starts it for a published port. */
export interface DockerProxyRequest {
  proto: string
  hostIp: string
  hostPort: number
  containerIp: string
  containerPort: number
}

/**
 * The fields of the inspect documents that depend on the engine (and the API
 * version its client speaks), as flags the views read; the documents' other
 * fields are the same on every engine.
 */
export interface InspectDocumentPolicy {
  /** `docker network inspect` has `EnableIPv4` right after `Driver` (API 1.47+). */
  networkEnableIPv4: boolean
  /** The default bridge's `IPAM.Config` shows its `Gateway` (28; 20.10 showed only `Subnet`). */
  defaultBridgeConfigGateway: boolean
  /**
   * `IPAM.Config` of a local network with no IPAM configuration at all
   * (`host`, `none`, a `--config-only` network without `--subnet`; a swarm
   * network's document is the cluster's, `[]` on both): `[]` (20.10) or
   * `null` (28, seen on 28.5.2). 20.10's buildIpamResources starts from an
   * empty list (`r.IPAM.Config = []network.IPAMConfig{}`); 28's list stays nil
   * when nothing is appended.
   */
  emptyIpamConfig: 'empty' | 'null'
  /** `HostConfig.NetworkMode` of a container created without `--network`: 20.10 "default", 28 "bridge". */
  defaultNetworkMode: 'default' | 'bridge'
  /** Key order of `NetworkSettings`: 20.10's, or 28's (SandboxKey and Ports moved up). */
  networkSettingsOrder: 'api-1.41' | 'api-1.50'
  /**
   * The endpoint settings (`NetworkSettings.Networks.<n>`): 20.10's fields,
   * or 28's with `GwPriority` and `DNSNames`, in 28's key order, and
   * `Aliases` holding only the user's aliases (the short ID and hostname
   * moved to DNSNames at API 1.45).
   */
  endpointSettings: 'api-1.41' | 'api-1.50'
}

/** How the daemon writes a container's /etc/hosts and /etc/resolv.conf. */
export interface SandboxFilesPolicy {
  /** The default records: libnetwork 20.10's (`fe00::0`) or 28's (`fe00::`). */
  hostsDefaults: 'libnetwork-20.10' | 'moby-28'
  /** On leaving a network: every line of the container's names goes (20.10), or that endpoint's line (28). */
  hostsLeave: 'all-own-lines' | 'endpoint-line'
  /** resolv.conf: 20.10's filtered copy of the host's, or 28's generated file with its comments. */
  resolvConf: 'libnetwork-20.10' | 'moby-28'
  /**
   * The paths a failed `docker start` leaves in the record: 20.10's only once
   * the sandbox was made, and HostnamePath only once networking was up; 28
   * writes the files before it joins networks, so a container of its own
   * namespace keeps all three whatever failed, a join included (seen on
   * 28.5.2: errors.sh second, gwip, nonet; ipvlan i1, macvlan mpt2, ports
   * conflict and p11; container: mode keeps none).
   */
  failedStartPaths: 'after-sandbox' | 'own-namespace'
  /**
   * Which endpoints' leave edits /etc/hosts at `docker stop` (as a disconnect
   * would, `hostsLeave`), as containers sharing the namespace see it: 20.10
   * only a user-defined network's (libnetwork's sbLeave deletes the
   * network's service records, among them the short-ID alias the hostname
   * line ends with; the default bridge has none, so its line stays), 28
   * every endpoint's (sbLeave deletes the endpoint's own line). Seen on
   * 20.10.24 and 28.5.2 with a `container:` sharer of a stopped container.
   */
  hostsAtStop: 'user-networks' | 'every-endpoint'
}

/**
 * Everything a Docker Engine version does differently: its iptables (the
 * firewaller), its texts (the daemon's catalog and the CLI's rendering),
 * what it refuses or accepts, and its MACs, subnets, interface names, routes,
 * documents and files. One object per version, chosen once per lab by
 * `behaviourOf(lab)` (behaviour-of.ts) from `lab.profile.version`: engine
 * code asks the behaviour, never the version.
 */
export interface EngineBehaviour {
  readonly version: EngineVersion
  /** What the daemon writes to iptables (moby's firewaller: iptabler in 28). */
  readonly firewaller: Firewaller
  /**
   * What the daemon writes to ip6tables for the networks with IPv6, when its
   * `ip6tables` setting is on (28: on by default; 20.10: none here, its
   * ip6tables was experimental and off by default), else undefined: IPv6
   * traffic then meets no Docker rule at all.
   */
  readonly firewaller6?: Firewaller | undefined
  /** The daemon's texts. */
  readonly messages: DaemonMessages
  /** How the docker CLI of the same version renders errors and lists. */
  readonly cli: CliRendering
  /** Requests this version refuses where another accepts them (and the reverse). */
  readonly checks: DaemonChecks
  /** The daemon settings (daemon.json keys) this version's dockerd knows. */
  readonly daemonSettings: readonly DaemonSettingName[]
  /** The Engine API version the daemon reports as `ApiVersion` in `/version`. */
  readonly apiVersion: string
  /** The oldest API version it serves (`MinAPIVersion`; an older client is refused, api/server/middleware/version.go). */
  readonly minApiVersion: string
  /** The engine release the twin reports (`/version`, the `Server` header of `/_ping`): the one recorded. */
  readonly serverVersion: string
  /** The API version the inspect documents are written for (the version's own docker CLI negotiates it). */
  readonly documentApiVersion: string
  /** The order and attributes of the events `docker events` streams. */
  readonly events: EventsPolicy
  /** The MAC of a new endpoint that did not ask for one; may draw from the lab's generator. */
  endpointMac(tx: Tx, request: EndpointMacRequest): string
  /** The MAC of a new bridge device (docker0, br-*). */
  bridgeMac(tx: Tx): string
  /**
   * Endpoint and bridge MACs are random, not derived (02:42 + IP): two runs
   * agree on them only as a set, so comparisons of observations mask them.
   */
  readonly randomMacs: boolean
  /** The subnet of a network created without `--subnet`, from the predefined pools. */
  selectPredefinedSubnet(tx: Tx, space: 'local' | 'global'): string
  /**
   * The name of the next interface in a sandbox. `nextIfIndex` is the
   * container's join counter (20.10 counts joins since the start).
   */
  interfaceName(tx: Tx, sandbox: { namespace: Namespace; nextIfIndex: number }): string
  /** The networks a container joins at start, in join order (network names of its endpoint configs). */
  joinOrder(networks: readonly string[]): string[]
  /** An `--internal` bridge network gives its endpoints a gateway and the container a default route. */
  readonly internalBridgeGateway: boolean
  /** An `--internal` macvlan network without `--gateway` still has a gateway address reserved in its pool. */
  readonly internalMacvlanReservesGateway: boolean
  /** `-P` (an ephemeral host port) on 0.0.0.0 and [::] takes the same port number for both families. */
  readonly ephemeralPortSharedByFamilies: boolean
  /** The docker-proxy command line for one published port (what `ps` shows). */
  dockerProxyArgv(request: DockerProxyRequest): string[]
  readonly inspect: InspectDocumentPolicy
  /** The sandbox files (/etc/hosts, /etc/resolv.conf) the daemon writes for a container. */
  readonly sandboxFiles: SandboxFilesPolicy
  /** IPAM.Config order and the bridge's IPv6 addresses on a network with IPv6. */
  readonly ipv6: Ipv6Policy
}
