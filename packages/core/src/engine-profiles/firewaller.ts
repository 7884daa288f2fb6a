/**
 * The firewaller: everything a Docker daemon writes to iptables, behind one
 * contract, so each engine version writes its own rules (libnetwork's
 * bridge driver up to 20.10 `setup_ip_tables.go`; 28's
 * `drivers/bridge/internal/iptabler`). Callers never look at the version:
 * `behaviourOf(lab).firewaller` picks the implementation.
 */
import type { PortBinding } from '../model/docker.js'
import type { Rule, TableName } from '../model/netfilter.js'
import type { Tx } from '../model/tx.js'

/** What one bridge network's rules depend on. */
export interface BridgeRulesConfig {
  bridgeName: string
  subnet: string
  icc: boolean
  masquerade: boolean
  internal: boolean
  /** userland-proxy=false turns on hairpin NAT. */
  hairpin: boolean
}

/** One host binding of a published port, as the driver programs it. */
export interface PublishedPort {
  hostIp: string
  hostPort: number
  proto: 'tcp' | 'udp' | 'sctp'
  containerIp: string
  containerPort: number
}

/** One rule of a published port with how the driver adds it (`-A` or `-I`). */
export interface PortRuleOp {
  op: 'append' | 'insert'
  table: TableName
  chain: string
  rule: Rule
}

/** What one endpoint's rules depend on: its bridge network and its address (of the firewaller's family). */
export interface EndpointRulesConfig {
  bridgeName: string
  internal: boolean
  address: string
}

/** When the daemon arranges DOCKER-USER: at start, or after it created a network. */
export type UserChainMoment = 'daemon-start' | 'network-created'

/**
 * The iptables side of one Docker Engine version.
 *
 * @example
 * const fw = behaviourOf(tx.lab).firewaller
 * fw.programBridgeRules(tx, { bridgeName: 'br-0123456789ab', subnet: '172.18.0.0/16', icc: true, masquerade: true, internal: false, hairpin: false })
 */
export interface Firewaller {
  /**
   * The tables the daemon writes, which an observer of this engine reads
   * with `iptables-save -t` (and which then prints a table's built-in chains
   * even before anything was written to it).
   */
  readonly tables: readonly TableName[]
  /**
   * The chains dockerd creates at start and then writes to without asking
   * whether they exist (a lab without one is broken).
   */
  readonly daemonChains: { readonly nat: readonly string[]; readonly filter: readonly string[] }
  /** The two isolation chains, which the dataplane names in its reasons. */
  readonly isolationChains: { readonly stage1: string; readonly stage2: string }
  /** The chains and jumps dockerd creates at start, before any network exists. */
  setupDaemonChains(tx: Tx): void
  /** DOCKER-USER: created, and jumped to first from FORWARD (`arrangeUserFilterRule`). */
  arrangeUserFilterRule(tx: Tx, moment: UserChainMoment): void
  /** Every rule of a new bridge network, in the driver's order and with its -I/-A choices. */
  programBridgeRules(tx: Tx, c: BridgeRulesConfig): void
  /** Removes what {@link Firewaller.programBridgeRules} wrote. */
  removeBridgeRules(tx: Tx, c: BridgeRulesConfig): void
  /**
   * The rules of one published port, in programming order; their removal
   * deletes the same rules. The caller skips a rule the container's earlier
   * bindings already wrote (libnetwork checks with `iptables -C` first).
   */
  portRules(p: PublishedPort, c: { bridgeName: string; hairpin: boolean }): PortRuleOp[]
  /** The order in which the driver programs one container's bindings (sort comparator). */
  comparePortBindings(a: PortBinding, b: PortBinding): number
  /** Rules of an endpoint joining a bridge network (none on 20.10). */
  joinEndpoint(tx: Tx, c: EndpointRulesConfig): void
  /** Removes what {@link Firewaller.joinEndpoint} wrote. */
  leaveEndpoint(tx: Tx, c: EndpointRulesConfig): void
}
