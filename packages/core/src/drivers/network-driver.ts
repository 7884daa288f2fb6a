/**
 * The contract every network driver implements, as libnetwork's
 * driverapi.Driver (CreateNetwork, DeleteNetwork, Join, Leave) and its
 * Capability (DataScope) describe one: the engine picks a driver from the
 * registry (registry.ts) by name and asks it, never the name, what to do.
 * A driver renders its kernel work through kernel/ and its firewall through
 * the engine profile's firewaller; it never calls back into engine/.
 */
import type { DriverName, Endpoint, Network } from '../model/docker.js'
import type { Tx } from '../model/tx.js'

/**
 * One network driver.
 *
 * @example
 * const driver: NetworkDriver = NETWORK_DRIVERS.bridge
 * driver.createNetwork(tx, network)
 */
export interface NetworkDriver {
  readonly name: DriverName
  /** The `-o` options the driver reads; others are stored on the network and ignored, as libnetwork does. */
  readonly options: readonly string[]
  /** libnetwork's capability DataScope: 'global' (overlay) needs swarm and refuses `--scope local`. */
  readonly scope: 'local' | 'global'
  /** host and null: the daemon's one predefined instance; `docker network create -d` refuses another. */
  readonly singleInstance: boolean
  /** Whether endpoints get an address and an interface of their own (not for host and null). */
  readonly addressed: boolean
  /** Whether the driver plumbs IPv6 (a gateway on its device, endpoints' addresses); bridge and macvlan in netmodes. */
  readonly ipv6?: boolean
  /** Whether an endpoint on this network may carry the sandbox's default route (its gateway endpoint). */
  givesGateway(network: Network): boolean
  /** Whether the gateway endpoint on this network publishes the container's ports. */
  publishesPorts(network: Network): boolean
  /** Builds the network's devices and rules; the engine has already validated and allocated its subnet. */
  createNetwork(tx: Tx, network: Network): void
  /** Tears down what createNetwork built; the engine has checked that no endpoint remains. */
  deleteNetwork(tx: Tx, network: Network): void
  /** Plumbs an allocated endpoint (address, MAC, ifname chosen) into the sandbox namespace. */
  join(tx: Tx, network: Network, endpoint: Endpoint, sandbox: string): void
  /** Unplumbs an endpoint before the engine releases its address and record. */
  leave(tx: Tx, network: Network, endpoint: Endpoint, sandbox: string | undefined): void
  /** Called once an endpoint's record is gone (overlay lets its load balancer go with the last one). */
  endpointLeft?(tx: Tx, network: Network): void
}
