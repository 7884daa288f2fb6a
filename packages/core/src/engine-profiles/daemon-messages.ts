/** A container as the daemon names it in a message. */
export interface NamedContainer {
  id: string
  name: string
  state: string
}

/** An endpoint as `network rm` lists it when it refuses (28 names each one). */
export interface NamedEndpoint {
  id: string
  name: string
}

/**
 * The daemon's texts, one per thing that happened, as the docker CLI shows
 * them after "Error response from daemon: ". Each engine version has its own
 * catalog (its engine behaviour's `messages`); a method returning `undefined` means that
 * engine does not refuse (the request goes on).
 *
 * @example
 * behaviourOf(lab).messages.poolOverlap() // 'Pool overlaps with other one on this address space' on 20.10
 */
export interface DaemonMessages {
  // --- network create ---
  /** `--subnet` overlapping another network's subnet (libnetwork ipamapi.ErrPoolOverlap). */
  poolOverlap(): string
  /** No predefined pool left for a network created without `--subnet`. */
  predefinedPoolsExhausted(ipVersion: 4 | 6): string
  /** `--subnet` that is not a CIDR (bad text or a prefix out of range). */
  invalidSubnet(subnet: string): string
  /** `--subnet` with host bits set; `undefined` where the engine keeps it as given. */
  unalignedSubnet(subnet: string, aligned: string): string | undefined
  /** `--gateway` that is not an address (a CIDR the CLI let through). */
  invalidGateway(gateway: string): string
  /** `--ip-range` wider than its subnet; `undefined` where the engine accepts it (20.10). */
  ipRangeWiderThanSubnet(range: string, subnet: string): string | undefined
  /** The gateway address the pool refused (`reason`: the IPAM error), as libnetwork ipamAllocateVersion wraps it. */
  gatewayAllocationFailed(gateway: string, reason: string): string

  /** `-d DRIVER` that no plugin provides. */
  pluginNotFound(driver: string): string
  /** A second network of a driver that allows one (host, null). */
  singleInstanceDriver(driver: string): string
  /** A network name already taken. */
  networkNameTaken(name: string): string
  /** `--scope local` with a driver whose data scope is global. */
  scopeDowngrade(driver: string): string
  /** A swarm-scoped network on a node that is not a manager. */
  notSwarmManager(): string
  /** More than one `--subnet` for a driver that takes one. */
  multipleSubnets(driver: string): string
  /** An `--aux-address` the pool refused (`reason`: the IPAM error). */
  secondaryAddressFailed(name: string, ip: string, reason: string): string
  /** `--config-only` with operator fields (ingress, internal, attachable, scope). */
  configOnlyOperatorFields(): string
  /** `--config-only` together with `--config-from`. */
  configFromConfigOnly(): string
  /** `--config-from` with IPAM settings, `--ipv6` or labels of its own. */
  configFromUserSettings(): string
  /** `--config-from` with driver options of its own. */
  configFromDriverOptions(): string
  /** `--config-from` naming no configuration network. */
  configNetworkMissing(name: string): string

  /** `-o macvlan_mode`/`-o ipvlan_mode` the driver does not know. */
  invalidSubinterfaceMode(driver: 'macvlan' | 'ipvlan', mode: string): string
  /** A macvlan/ipvlan parent another network of the driver already uses (`prefix`: dm- or di-). */
  parentInUse(prefix: string, networkId: string, parent: string): string
  /** `-o parent=NAME` that is neither a link nor a VLAN name. */
  invalidVlanName(parent: string): string
  /** `-o parent=BASE.VLAN` whose base link does not exist. */
  parentNotFound(parent: string): string
  /** A VLAN parent the kernel cannot make. */
  vlanUnsupported(parent: string): string
  /** A kernel without dummy links (a macvlan/ipvlan network without a parent). */
  operationNotSupported(): string
  /** The kernel refused the ipvlan sub-interface. */
  ipvlanPortUnsupported(): string
  /** A second endpoint on a macvlan passthru parent. */
  macvlanPortInvalid(): string
  /** Two bridge networks asking for one bridge name. */
  bridgeNameConflict(network: { id: string }, other: { id: string }, bridge: string): string

  // --- network rm ---
  /** `network rm` of bridge, host or none. */
  predefinedNetworkRemove(name: string): string
  /** A configuration network another network was made from. */
  configNetworkInUse(name: string): string
  /** A network that still has endpoints. */
  networkHasActiveEndpoints(network: { id: string; name: string }, endpoints: NamedEndpoint[]): string

  // --- exec, kill ---
  /** An exec or a kill of a container that is not running (moby errNotRunning). */
  containerNotRunning(id: string): string
  /** A second start of an exec instance (daemon/exec.go ContainerExecStart). */
  execAlreadyRan(id: string): string

  // --- rm ---
  /** `docker rm` without -f of a running container; `ref` is what the user typed. */
  removeRunningContainer(container: NamedContainer, ref: string): string

  // --- create ---
  /** `--name` that is not a valid container name. */
  invalidContainerName(name: string): string
  /** `--name` already taken by `existing`. */
  containerNameTaken(existing: NamedContainer): string
  /** runconfig's "conflicting options: WHAT". */
  conflictingOptions(what: string): string
  /** A legacy `--link` to a container that does not exist. */
  linkTargetMissing(name: string): string
  /** A legacy link whose child shares the namespace of a container that does not exist. */
  linkOwnerMissing(ref: string): string
  /** A legacy link to a container that is not running (found at start). */
  linkTargetNotRunning(child: string, container: string, alias: string): string

  // --- create: endpoint settings ---
  /** `--network container:` with nothing after the colon. */
  invalidContainerNetworkMode(): string
  /** `--ip` on a network that is not user-defined (default bridge, none, host, container:). */
  ipOnNonUserDefinedNetwork(): string
  /** `--ip` on a user network whose subnet the daemon chose. */
  ipWithoutUserSubnet(): string
  /** `--alias` on a network that is not user-defined. */
  aliasOnNonUserDefinedNetwork(): string
  /** `--ip` outside the network's subnet. */
  ipOutsideSubnet(ip: string): string
  /** `--ip` that is not an IPv4 address (28's endpoint settings check). */
  invalidIpv4(ip: string): string
  /** `--ip6` that is not an IPv6 address. */
  invalidIpv6(ip: string): string
  /**
   * 28 checks endpoint settings at create and at connect and reports every
   * problem at once (daemon/network.go validateEndpointSettings); `network`
   * is the network as the user named it, given at create. `undefined` where
   * the engine checks them one by one, later (20.10).
   */
  invalidEndpointSettings(problems: readonly string[], network?: string): string | undefined

  // --- start ---
  /** A failure while joining the container's networks at start; 28 says where it happened. */
  networkSetupFailed(message: string): string
  /** `--network container:REF` whose container does not exist. */
  sharedNamespaceMissing(ref: string): string
  /** `--network container:REF` whose container is not running. */
  sharedNamespaceNotRunning(target: NamedContainer): string
  /** A network a container names that does not exist (found at start). */
  networkNotFound(ref: string): string
  /** A swarm overlay network that is not `--attachable`. */
  overlayNotAttachable(network: string): string
  /** A configuration network is never joined. */
  configOnlyEndpoint(): string
  /** The network's pool has no free address. */
  noAvailableIpv4(network: { id: string; name: string }): string
  /** The network's IPv6 pool has no free address. */
  noAvailableIpv6(network: { id: string; name: string }): string
  /** A published port the bridge driver could not program (`reason`: the port allocator's or proxy's error). */
  externalConnectivityFailed(endpoint: { id: string; name: string }, reason: string): string
  /** A requested host port that is taken (`hostIp` as the allocator has it). */
  portAllocated(hostIp: string, hostPort: number): string
  /** No ephemeral host port left. */
  ephemeralPortsExhausted(hostIp: string): string
  /** A published sctp port the userland proxy cannot listen on. */
  proxyProtocolNotSupported(hostIp: string, hostPort: number): string

  // --- network connect / disconnect ---
  /** `network connect host C`; `undefined` when the daemon gets further (28: C is in host mode). */
  connectToHostNetwork(containerInHostMode: boolean): string | undefined
  /** `network disconnect host C`; `undefined` when the daemon gets further (28: C is not in host mode). */
  disconnectFromHostNetwork(containerInHostMode: boolean): string | undefined
  /** `network connect` of a container in host or container: mode. */
  sharedNamespaceConnect(): string
  /** `network connect` that would mix none with another network. */
  privateModeMultipleNetworks(): string
  /** `network disconnect` of a network the container is not on. */
  notConnected(containerId: string, network: string): string
  /** An endpoint name already taken on the network. */
  endpointExists(endpoint: string, network: string): string

  // --- swarm ---
  /** `swarm init` on a node already in a swarm. */
  alreadyInSwarm(): string
  /** `swarm leave` on a node in no swarm. */
  notInSwarm(): string
  /** `swarm leave` without --force on the last manager. */
  leaveLastManager(): string

  // --- filters ---
  /** A `--filter` key the endpoint does not take. */
  invalidFilterKey(key: string): string
  /** `ps --filter status=X` with an unknown state. */
  invalidStatusFilter(value: string): string
  /** `ps --filter is-task=...` that is not one true or false (`values` as Go prints the list). */
  invalidIsTaskFilter(values: readonly string[]): string
  /** `ps --filter health=X` with an unknown health. */
  invalidHealthFilter(value: string): string
  /** `ps --filter exited=X` that is not a number. */
  invalidExitedFilter(value: string): string
  /** `ps --filter publish=|expose=` with a port range that does not parse (`range` without the protocol). */
  invalidPortFilter(key: string, value: string, range: string): string
}
