import { iptables } from '../kernel/iptables.js'
import type { PortBinding } from '../model/docker.js'
import type { Rule } from '../model/netfilter.js'
import type { Tx } from '../model/tx.js'
import type {
  BridgeRulesConfig,
  EndpointRulesConfig,
  Firewaller,
  PortRuleOp,
  PublishedPort,
  UserChainMoment,
} from './firewaller.js'
import { appendNatDockerJumps, portAccept, portDnat, portHairpinMasquerade } from './port-and-nat-rules.js'

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
function setupDaemonChains(tx: Tx): void {
  iptables(tx, { op: 'new-chain', table: 'nat', chain: 'DOCKER' })
  for (const chain of ['DOCKER', FORWARD_CHAIN, BRIDGE_CHAIN, CT_CHAIN, ISOLATION_1, ISOLATION_2]) {
    iptables(tx, { op: 'new-chain', table: 'filter', chain })
  }
  for (const jump of [CT_CHAIN, ISOLATION_1, BRIDGE_CHAIN]) {
    iptables(tx, { op: 'append', table: 'filter', chain: FORWARD_CHAIN, rule: { jump } })
  }
  iptables(tx, { op: 'append', table: 'filter', chain: 'FORWARD', rule: { jump: FORWARD_CHAIN } })
  // The golden files' hairpin=true case (userland-proxy=false) drops the `! -d 127.0.0.0/8`.
  appendNatDockerJumps(tx)
}

/**
 * DOCKER-USER is created empty (no RETURN) and FORWARD jumps to it first.
 * Unlike 20.10, 28 does not move the jump back to the top when it creates a
 * network: seen on 28.5.2 with a rule inserted above it, and with the jump
 * deleted (it was not restored). The daemon sets it up at start only.
 */
function arrangeUserFilterRule(tx: Tx, moment: UserChainMoment): void {
  if (moment !== 'daemon-start') return
  iptables(tx, { op: 'new-chain', table: 'filter', chain: 'DOCKER-USER' })
  const jump: Rule = { jump: 'DOCKER-USER' }
  const forward = tx.lab.netfilter.filter.chains.FORWARD
  if (!forward?.rules.some((r) => r.jump === 'DOCKER-USER' && r.unparsed === undefined)) {
    iptables(tx, { op: 'insert', table: 'filter', chain: 'FORWARD', rule: jump })
  }
}

/**
 * Every rule of one bridge network in the iptabler's order (ENGINE-28.md
 * 1.2, 1.3, and the v28.5.2 golden files for hairpin): newest bridge first
 * (-I) in nat POSTROUTING, nat DOCKER and STAGE-2; creation order (-A) in
 * DOCKER-CT, DOCKER-BRIDGE, DOCKER-FORWARD, DOCKER and STAGE-1. An internal
 * network gets only its DOCKER-FORWARD rule and the STAGE-1 pair, -I at the
 * top in the order `! -s` then `! -d`.
 */
function networkRules(c: BridgeRulesConfig): NetworkRule[] {
  const br = c.bridgeName
  const icc: Rule = { inIface: br, outIface: br, jump: c.icc ? 'ACCEPT' : 'DROP' }
  if (c.internal) {
    return [
      { op: 'append', table: 'filter', chain: FORWARD_CHAIN, rule: icc },
      {
        op: 'insert',
        table: 'filter',
        chain: ISOLATION_1,
        rule: { inIface: br, dst: c.subnet, notDst: true, jump: 'DROP' },
      },
      {
        op: 'insert',
        table: 'filter',
        chain: ISOLATION_1,
        rule: { outIface: br, src: c.subnet, notSrc: true, jump: 'DROP' },
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

function programBridgeRules(tx: Tx, c: BridgeRulesConfig): void {
  for (const { op, table, chain, rule } of networkRules(c)) iptables(tx, { op, table, chain, rule })
}

/** Deletes the network's rules; what stays is the golden `cleaned` state (the daemon's chains). */
function removeBridgeRules(tx: Tx, c: BridgeRulesConfig): void {
  for (const { table, chain, rule } of networkRules(c)) iptables(tx, { op: 'delete', table, chain, rule })
}

/** 127.0.0.0/8: a port published there must not be reached from another interface. */
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
  return { dst: c.ipv4, inIface: c.bridgeName, notIn: true, jump: 'DROP' }
}

function joinEndpoint(tx: Tx, c: EndpointRulesConfig): void {
  if (c.internal || !c.ipv4) return
  iptables(tx, { op: 'append', table: 'raw', chain: 'PREROUTING', rule: directAccessRule(c) })
}

function leaveEndpoint(tx: Tx, c: EndpointRulesConfig): void {
  if (c.internal || !c.ipv4) return
  iptables(tx, { op: 'delete', table: 'raw', chain: 'PREROUTING', rule: directAccessRule(c) })
}

/**
 * Docker 28.5.2's firewaller.
 *
 * @example
 * firewaller28.setupDaemonChains(tx)
 */
export const firewaller28: Firewaller = Object.freeze({
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
  setupDaemonChains,
  arrangeUserFilterRule,
  programBridgeRules,
  removeBridgeRules,
  portRules,
  comparePortBindings,
  joinEndpoint,
  leaveEndpoint,
})
