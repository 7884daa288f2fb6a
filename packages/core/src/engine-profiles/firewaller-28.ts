import type { PortBinding } from '../model/docker.js'
import type { Netfilter, Rule } from '../model/netfilter.js'
import type { Tx } from '../model/tx.js'
import type {
  BridgeRulesConfig,
  EndpointRulesConfig,
  Firewaller,
  PortRuleOp,
  PublishedPort,
  UserChainMoment,
} from './firewaller.js'
import {
  appendNatDockerJumps,
  portAccept,
  portDnat,
  portHairpinMasquerade,
  type RuleFamily,
  writerOf,
} from './port-and-nat-rules.js'

/**
 * The iptables rules of Docker Engine 28 (moby v28.5.2,
 * libnetwork/drivers/bridge/internal/iptabler), as a real 28.5.2 engine
 * writes them (conformance/ENGINE-28.md section 1): FORWARD only jumps to
 * DOCKER-USER and DOCKER-FORWARD; DOCKER-FORWARD runs DOCKER-CT (replies),
 * the isolation stages, DOCKER-BRIDGE (one `-o br -j DOCKER` per bridge) and
 * then each bridge's own ACCEPT/DROP rules. No chain ends in RETURN, and
 * DOCKER ends with one DROP per bridge, so a bridge is closed to new
 * traffic even under `FORWARD ACCEPT`. The raw table holds the
 * direct-access protection: one DROP per endpoint address, one per port
 * published on a loopback address (the fix of moby#45610).
 *
 * The same iptabler writes ip6tables for the networks with IPv6 (28's
 * `ip6tables` is on by default): the same chains at start, the same rules
 * per bridge with the IPv6 subnet, per endpoint with its IPv6 address and
 * per port published on an IPv6 host address (seen on 28.5.2 with `docker
 * network create --ipv6`, `--internal`, `enable_icc=false` and `-p`).
 * Where the IPv6 text differs it says so below.
 */

const ISOLATION_1 = 'DOCKER-ISOLATION-STAGE-1'
const ISOLATION_2 = 'DOCKER-ISOLATION-STAGE-2'
const FORWARD_CHAIN = 'DOCKER-FORWARD'
const CT_CHAIN = 'DOCKER-CT'
const BRIDGE_CHAIN = 'DOCKER-BRIDGE'

/** One rule of a network, with how the iptabler adds it. */
interface NetworkRule {
  op: 'append' | 'insert'
  table: 'nat' | 'filter'
  chain: string
  rule: Rule
}

/**
 * The chains of the iptabler's `setupIPChains` at start: nat DOCKER with
 * PREROUTING/OUTPUT jumping to it (as 20.10), filter DOCKER, DOCKER-FORWARD
 * with its three jumps, DOCKER-CT, DOCKER-BRIDGE and the isolation stages
 * (empty: 28 writes no trailing RETURN), and FORWARD's jump to DOCKER-FORWARD.
 */
function setupDaemonChains(tx: Tx, family: RuleFamily): void {
  const write = writerOf(family)
  write(tx, { op: 'new-chain', table: 'nat', chain: 'DOCKER' })
  for (const chain of ['DOCKER', FORWARD_CHAIN, BRIDGE_CHAIN, CT_CHAIN, ISOLATION_1, ISOLATION_2]) {
    write(tx, { op: 'new-chain', table: 'filter', chain })
  }
  for (const jump of [CT_CHAIN, ISOLATION_1, BRIDGE_CHAIN]) {
    write(tx, { op: 'append', table: 'filter', chain: FORWARD_CHAIN, rule: { jump } })
  }
  write(tx, { op: 'append', table: 'filter', chain: 'FORWARD', rule: { jump: FORWARD_CHAIN } })
  // The golden files' hairpin=true case (userland-proxy=false) drops the `! -d 127.0.0.0/8` (`::1/128`).
  appendNatDockerJumps(tx, family)
}

/** The tables of a family on the lab's host (the IPv6 ones appear with their first write). */
function tablesOf(tx: Tx, family: RuleFamily): Netfilter | undefined {
  return family === 4 ? tx.lab.netfilter : tx.lab.netfilter6
}

/**
 * DOCKER-USER is created empty (no RETURN) and FORWARD jumps to it first.
 * Unlike 20.10, 28 does not move the jump back to the top when it creates a
 * network: seen on 28.5.2 with a rule inserted above it, and with the jump
 * deleted (it was not restored). The daemon sets it up at start only.
 */
function arrangeUserFilterRule(tx: Tx, moment: UserChainMoment, family: RuleFamily): void {
  if (moment !== 'daemon-start') return
  const write = writerOf(family)
  write(tx, { op: 'new-chain', table: 'filter', chain: 'DOCKER-USER' })
  const jump: Rule = { jump: 'DOCKER-USER' }
  const forward = tablesOf(tx, family)?.filter.chains.FORWARD
  if (!forward?.rules.some((r) => r.jump === 'DOCKER-USER' && r.unparsed === undefined)) {
    write(tx, { op: 'insert', table: 'filter', chain: 'FORWARD', rule: jump })
  }
}

/**
 * Every rule of one bridge network in the iptabler's order (ENGINE-28.md
 * 1.2, 1.3, and the v28.5.2 golden files for hairpin): newest bridge first
 * (-I) in nat POSTROUTING, nat DOCKER and STAGE-2; creation order (-A) in
 * DOCKER-CT, DOCKER-BRIDGE, DOCKER-FORWARD, DOCKER and STAGE-1. An internal
 * network gets only its DOCKER-FORWARD rule and the STAGE-1 pair, -I at the
 * top in the order `! -s` then `! -d`. In ip6tables that pair also
 * names the other side of the bridge (`! -s SUBNET ! -i br -o br`, `! -d
 * SUBNET -i br ! -o br`, seen on 28.5.2), so that traffic between the
 * bridge's own link-local addresses, outside the subnet, still passes.
 */
function networkRules(c: BridgeRulesConfig, family: RuleFamily): NetworkRule[] {
  const br = c.bridgeName
  const icc: Rule = { inIface: br, outIface: br, jump: c.icc ? 'ACCEPT' : 'DROP' }
  if (c.internal) {
    const v6 = family === 6
    return [
      { op: 'append', table: 'filter', chain: FORWARD_CHAIN, rule: icc },
      {
        op: 'insert',
        table: 'filter',
        chain: ISOLATION_1,
        rule: {
          dst: c.subnet,
          notDst: true,
          inIface: br,
          ...(v6 ? { outIface: br, notOut: true } : {}),
          jump: 'DROP',
        },
      },
      {
        op: 'insert',
        table: 'filter',
        chain: ISOLATION_1,
        rule: {
          src: c.subnet,
          notSrc: true,
          ...(v6 ? { inIface: br, notIn: true } : {}),
          outIface: br,
          jump: 'DROP',
        },
      },
    ]
  }
  const rules: NetworkRule[] = []
  if (c.masquerade) {
    rules.push({
      op: 'insert',
      table: 'nat',
      chain: 'POSTROUTING',
      rule: { src: c.subnet, outIface: br, notOut: true, jump: 'MASQUERADE' },
    })
  }
  if (c.hairpin) {
    rules.push({
      op: 'insert',
      table: 'nat',
      chain: 'POSTROUTING',
      rule: { outIface: br, srcType: 'LOCAL', jump: 'MASQUERADE' },
    })
  } else if (c.masquerade) {
    rules.push({ op: 'insert', table: 'nat', chain: 'DOCKER', rule: { inIface: br, jump: 'RETURN' } })
  }
  rules.push(
    {
      op: 'append',
      table: 'filter',
      chain: CT_CHAIN,
      rule: { outIface: br, ctstate: 'RELATED,ESTABLISHED', jump: 'ACCEPT' },
    },
    { op: 'append', table: 'filter', chain: BRIDGE_CHAIN, rule: { outIface: br, jump: 'DOCKER' } },
  )
  if (c.icc) {
    rules.push({ op: 'append', table: 'filter', chain: FORWARD_CHAIN, rule: { inIface: br, jump: 'ACCEPT' } })
  } else {
    rules.push(
      { op: 'append', table: 'filter', chain: FORWARD_CHAIN, rule: icc },
      {
        op: 'append',
        table: 'filter',
        chain: FORWARD_CHAIN,
        rule: { inIface: br, outIface: br, notOut: true, jump: 'ACCEPT' },
      },
    )
  }
  rules.push(
    {
      op: 'append',
      table: 'filter',
      chain: 'DOCKER',
      rule: { inIface: br, notIn: true, outIface: br, jump: 'DROP' },
    },
    {
      op: 'append',
      table: 'filter',
      chain: ISOLATION_1,
      rule: { inIface: br, outIface: br, notOut: true, jump: ISOLATION_2 },
    },
    { op: 'insert', table: 'filter', chain: ISOLATION_2, rule: { outIface: br, jump: 'DROP' } },
  )
  return rules
}

/**
 * A lab saved before netmodes kept the IPv6 tables has none: its daemon's
 * ip6tables chains are set up as at start before the first IPv6 rule.
 */
function ensureDaemonTables(tx: Tx, family: RuleFamily): void {
  if (tablesOf(tx, family)) return
  setupDaemonChains(tx, family)
  arrangeUserFilterRule(tx, 'daemon-start', family)
}

function programBridgeRules(tx: Tx, c: BridgeRulesConfig, family: RuleFamily): void {
  ensureDaemonTables(tx, family)
  const write = writerOf(family)
  for (const { op, table, chain, rule } of networkRules(c, family)) write(tx, { op, table, chain, rule })
}

/** Deletes the network's rules; what stays is the golden `cleaned` state (the daemon's chains). */
function removeBridgeRules(tx: Tx, c: BridgeRulesConfig, family: RuleFamily): void {
  const write = writerOf(family)
  for (const { table, chain, rule } of networkRules(c, family))
    write(tx, { op: 'delete', table, chain, rule })
}

/**
 * 127.0.0.0/8: a port published there must not be reached from another
 * interface. A port published on [::1] gets no such raw rule in ip6tables
 * (seen on 28.5.2 with `-p [::1]:18082:80`).
 */
function isLoopback(ip: string): boolean {
  return ip.startsWith('127.')
}

/**
 * One published port (ENGINE-28.md 1.5): the DNAT appended to nat DOCKER,
 * its ACCEPT inserted at the top of filter DOCKER (so every ACCEPT stays
 * above the bridges' DROPs), the hairpin MASQUERADE only with
 * userland-proxy=false, and for a loopback host address the raw DROP of
 * packets to it that did not come in on lo.
 */
function portRules(p: PublishedPort, c: { bridgeName: string; hairpin: boolean }): PortRuleOp[] {
  const bridge = c.bridgeName
  const ops: PortRuleOp[] = [
    { op: 'append', table: 'nat', chain: 'DOCKER', rule: portDnat(p, bridge, c.hairpin) },
    { op: 'insert', table: 'filter', chain: 'DOCKER', rule: portAccept(p, bridge) },
  ]
  if (c.hairpin)
    ops.push({ op: 'append', table: 'nat', chain: 'POSTROUTING', rule: portHairpinMasquerade(p) })
  if (isLoopback(p.hostIp)) {
    ops.push({
      op: 'append',
      table: 'raw',
      chain: 'PREROUTING',
      rule: { dst: p.hostIp, inIface: 'lo', notIn: true, proto: p.proto, dport: p.hostPort, jump: 'DROP' },
    })
  }
  return ops
}

const PROTO_ORDER: Record<PortBinding['proto'], number> = { tcp: 6, udp: 17, sctp: 132 }

/** The host port as a range: "" (ephemeral) and "9000-9001" are ranges, "8080" is exact. */
function hostRange(b: PortBinding): { exact: boolean; lo: number; hi: number } {
  if (b.hostPort === '') return { exact: false, lo: 0, hi: 0 }
  const [lo = 0, hi = lo] = b.hostPort.split('-').map(Number)
  return { exact: lo === hi, lo, hi }
}

/**
 * moby 28's `cmpPortBinding` (drivers/bridge/port_mapping_linux.go): exact
 * host ports before ranges, then container port ascending, then protocol
 * (tcp < udp < sctp), then host port. Bindings that differ only in host
 * address keep their order (the sort is stable, and IPv4 comes first).
 */
function comparePortBindings(a: PortBinding, b: PortBinding): number {
  const ra = hostRange(a)
  const rb = hostRange(b)
  if (ra.exact !== rb.exact) return ra.exact ? -1 : 1
  return (
    a.containerPort - b.containerPort ||
    PROTO_ORDER[a.proto] - PROTO_ORDER[b.proto] ||
    ra.lo - rb.lo ||
    ra.hi - rb.hi
  )
}

/**
 * The raw PREROUTING DROP of an endpoint on a non-internal bridge network
 * (docker0, user bridges, docker_gwbridge): its address is reachable only
 * through its own bridge (ENGINE-28.md 1.4). Appended at join.
 */
function directAccessRule(c: EndpointRulesConfig): Rule {
  return { dst: c.address, inIface: c.bridgeName, notIn: true, jump: 'DROP' }
}

function joinEndpoint(tx: Tx, c: EndpointRulesConfig, family: RuleFamily): void {
  if (c.internal || !c.address) return
  ensureDaemonTables(tx, family)
  writerOf(family)(tx, { op: 'append', table: 'raw', chain: 'PREROUTING', rule: directAccessRule(c) })
}

function leaveEndpoint(tx: Tx, c: EndpointRulesConfig, family: RuleFamily): void {
  if (c.internal || !c.address) return
  writerOf(family)(tx, { op: 'delete', table: 'raw', chain: 'PREROUTING', rule: directAccessRule(c) })
}

/** Docker 28.5.2's iptabler for one family: iptables (4) or ip6tables (6). */
function firewaller28Of(family: RuleFamily): Firewaller {
  return Object.freeze({
    tables: Object.freeze(['nat', 'filter', 'raw'] as const),
    daemonChains: Object.freeze({
      nat: Object.freeze(['DOCKER']),
      filter: Object.freeze([
        'DOCKER',
        FORWARD_CHAIN,
        BRIDGE_CHAIN,
        CT_CHAIN,
        ISOLATION_1,
        ISOLATION_2,
        'DOCKER-USER',
      ]),
    }),
    isolationChains: Object.freeze({ stage1: ISOLATION_1, stage2: ISOLATION_2 }),
    setupDaemonChains: (tx: Tx) => setupDaemonChains(tx, family),
    arrangeUserFilterRule: (tx: Tx, moment: UserChainMoment) => arrangeUserFilterRule(tx, moment, family),
    programBridgeRules: (tx: Tx, c: BridgeRulesConfig) => programBridgeRules(tx, c, family),
    removeBridgeRules: (tx: Tx, c: BridgeRulesConfig) => removeBridgeRules(tx, c, family),
    portRules,
    comparePortBindings,
    joinEndpoint: (tx: Tx, c: EndpointRulesConfig) => joinEndpoint(tx, c, family),
    leaveEndpoint: (tx: Tx, c: EndpointRulesConfig) => leaveEndpoint(tx, c, family),
  })
}

/**
 * Docker 28.5.2's firewaller (iptables).
 *
 * @example
 * firewaller28.setupDaemonChains(tx)
 */
export const firewaller28: Firewaller = firewaller28Of(4)

/**
 * Docker 28.5.2's ip6tables side: the same iptabler, writing the host's
 * IPv6 tables (`ip6tables` is on by default in 28).
 *
 * @example
 * firewaller28v6.setupDaemonChains(tx) // ip6tables -t nat -N DOCKER, ...
 */
export const firewaller28v6: Firewaller = firewaller28Of(6)
