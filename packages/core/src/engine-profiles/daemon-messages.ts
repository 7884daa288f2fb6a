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
 * catalog ({@link messagesOf}); a method returning `undefined` means that
 * engine does not refuse (the request goes on).
 *
 * @example
 * messagesOf(lab).poolOverlap() // 'Pool overlaps with other one on this address space' on 20.10
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

  // --- network rm ---
  /** A network that still has endpoints. */
  networkHasActiveEndpoints(network: { id: string; name: string }, endpoints: NamedEndpoint[]): string

  // --- rm ---
  /** `docker rm` without -f of a running container; `ref` is what the user typed. */
  removeRunningContainer(container: NamedContainer, ref: string): string

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
  /** A published sctp port the userland proxy cannot listen on. */
  proxyProtocolNotSupported(hostIp: string, hostPort: number): string

  // --- network connect / disconnect ---
  /** `network connect host C`; `undefined` when the daemon gets further (28: C is in host mode). */
  connectToHostNetwork(containerInHostMode: boolean): string | undefined
  /** `network disconnect host C`; `undefined` when the daemon gets further (28: C is not in host mode). */
  disconnectFromHostNetwork(containerInHostMode: boolean): string | undefined
  /** An endpoint name already taken on the network. */
  endpointExists(endpoint: string, network: string): string

  // --- filters ---
  /** A `--filter` key the endpoint does not take. */
  invalidFilterKey(key: string): string
}
