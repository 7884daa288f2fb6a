import { iptables } from '../kernel/iptables.js'
import type { PortBinding } from '../model/docker.js'
import type { Rule } from '../model/netfilter.js'
import type { Tx } from '../model/tx.js'
import type {
  BridgeRulesConfig,
  Firewaller,
  PortRuleOp,
  PublishedPort,
  UserChainMoment,
} from './firewaller.js'
import { appendNatDockerJumps, portAccept, portDnat, portHairpinMasquerade } from './port-and-nat-rules.js'

/**
 * The iptables rules the bridge driver of Docker 20.10 programs for one
 * bridge network (libnetwork drivers/bridge/setup_ip_tables.go), in the
 * order and with the -I/-A choice the driver uses, so that `iptables-save`
 * lists them exactly as on a real host: rules for newer networks land above
 * older ones, except the ICC DROP rule, which is appended.
 */

export const ISOLATION_1 = 'DOCKER-ISOLATION-STAGE-1'
export const ISOLATION_2 = 'DOCKER-ISOLATION-STAGE-2'

export type { BridgeRulesConfig }

/**
 * The chains dockerd creates at start (20.10): nat and filter DOCKER, the two
 * isolation stages ending in RETURN, the PREROUTING/OUTPUT jumps to nat
 * DOCKER. DOCKER-USER comes with {@link arrangeUserFilterRule}.
 */
export function setupDaemonChains(tx: Tx): void {
  iptables(tx, { op: 'new-chain', table: 'nat', chain: 'DOCKER' })
  iptables(tx, { op: 'new-chain', table: 'filter', chain: 'DOCKER' })
  iptables(tx, { op: 'new-chain', table: 'filter', chain: ISOLATION_1 })
  iptables(tx, { op: 'new-chain', table: 'filter', chain: ISOLATION_2 })
  iptables(tx, { op: 'append', table: 'filter', chain: ISOLATION_1, rule: { jump: 'RETURN' } })
  iptables(tx, { op: 'append', table: 'filter', chain: ISOLATION_2, rule: { jump: 'RETURN' } })
  appendNatDockerJumps(tx)
}

/**
 * `arrangeUserFilterRule`: DOCKER-USER exists, returns, and is jumped to
 * first. 20.10 runs it at start and again after every network it creates.
 */
export function arrangeUserFilterRule(tx: Tx, _moment?: UserChainMoment): void {
  iptables(tx, { op: 'new-chain', table: 'filter', chain: 'DOCKER-USER' })
  const chain = tx.lab.netfilter.filter.chains['DOCKER-USER']
  if (chain && chain.rules.length === 0) {
    iptables(tx, { op: 'append', table: 'filter', chain: 'DOCKER-USER', rule: { jump: 'RETURN' } })
  }
  ensureJumpRule(tx, 'DOCKER-USER')
}

function iccRule(bridge: string, jump: 'ACCEPT' | 'DROP'): Rule {
  return { inIface: bridge, outIface: bridge, jump }
}

/** `setIcc`: ICC on inserts an ACCEPT; ICC off appends a DROP. */
function programIcc(tx: Tx, bridge: string, icc: boolean): void {
  if (icc) iptables(tx, { op: 'insert', table: 'filter', chain: 'FORWARD', rule: iccRule(bridge, 'ACCEPT') })
  else iptables(tx, { op: 'append', table: 'filter', chain: 'FORWARD', rule: iccRule(bridge, 'DROP') })
}

/** Moves a jump to the top of FORWARD (libnetwork `ensureJumpRule`). */
export function ensureJumpRule(tx: Tx, chain: string): void {
  const rule: Rule = { jump: chain }
  iptables(tx, { op: 'delete', table: 'filter', chain: 'FORWARD', rule })
  iptables(tx, { op: 'insert', table: 'filter', chain: 'FORWARD', rule })
}

/** Every rule one network owns, for teardown; the reverse of {@link programBridgeRules}. */
export function bridgeRules(c: BridgeRulesConfig): { table: 'nat' | 'filter'; chain: string; rule: Rule }[] {
  const br = c.bridgeName
  if (c.internal) {
    return [
      {
        table: 'filter',
        chain: ISOLATION_1,
        rule: { inIface: br, dst: c.subnet, notDst: true, jump: 'DROP' },
      },
      {
        table: 'filter',
        chain: ISOLATION_1,
        rule: { outIface: br, src: c.subnet, notSrc: true, jump: 'DROP' },
      },
      { table: 'filter', chain: 'FORWARD', rule: iccRule(br, c.icc ? 'ACCEPT' : 'DROP') },
    ]
  }
  const rules: { table: 'nat' | 'filter'; chain: string; rule: Rule }[] = []
  if (c.masquerade) {
    rules.push({
      table: 'nat',
      chain: 'POSTROUTING',
      rule: { src: c.subnet, outIface: br, notOut: true, jump: 'MASQUERADE' },
    })
    if (!c.hairpin) rules.push({ table: 'nat', chain: 'DOCKER', rule: { inIface: br, jump: 'RETURN' } })
  }
  if (c.hairpin) {
    rules.push({
      table: 'nat',
      chain: 'POSTROUTING',
      rule: { srcType: 'LOCAL', outIface: br, jump: 'MASQUERADE' },
    })
  }
  rules.push(
    { table: 'filter', chain: 'FORWARD', rule: iccRule(br, c.icc ? 'ACCEPT' : 'DROP') },
    { table: 'filter', chain: 'FORWARD', rule: { inIface: br, outIface: br, notOut: true, jump: 'ACCEPT' } },
    { table: 'filter', chain: 'FORWARD', rule: { outIface: br, jump: 'DOCKER' } },
    {
      table: 'filter',
      chain: 'FORWARD',
      rule: { outIface: br, ctstate: 'RELATED,ESTABLISHED', jump: 'ACCEPT' },
    },
    {
      table: 'filter',
      chain: ISOLATION_1,
      rule: { inIface: br, outIface: br, notOut: true, jump: ISOLATION_2 },
    },
    { table: 'filter', chain: ISOLATION_2, rule: { outIface: br, jump: 'DROP' } },
  )
  return rules
}

/**
 * `setupIPTables` + `setupNetworkIsolationRules` for a new bridge network.
 * Internal networks get only the two isolation DROPs and the ICC rule; the
 * others get NAT, ICC, the outgoing ACCEPT, the DOCKER chain jump with its
 * conntrack ACCEPT, and the two-stage isolation rules.
 */
export function programBridgeRules(tx: Tx, c: BridgeRulesConfig): void {
  const rules = bridgeRules(c)
  for (const { table, chain, rule } of rules) {
    if (rule.jump === 'DROP' && chain === 'FORWARD') {
      programIcc(tx, c.bridgeName, false)
    } else if (
      chain === 'FORWARD' &&
      rule.jump === 'ACCEPT' &&
      rule.outIface === rule.inIface &&
      !rule.notOut
    ) {
      programIcc(tx, c.bridgeName, true)
    } else {
      iptables(tx, { op: 'insert', table, chain, rule })
    }
  }
  ensureJumpRule(tx, ISOLATION_1)
}

/** Removes every rule {@link programBridgeRules} wrote for a network. */
export function removeBridgeRules(tx: Tx, c: BridgeRulesConfig): void {
  for (const { table, chain, rule } of bridgeRules(c)) iptables(tx, { op: 'delete', table, chain, rule })
}

/** The three rules of one published port (`iptables.Forward` in 20.10), each appended. */
export function portRules(p: PublishedPort, bridge: string, hairpin: boolean): PortRuleOp[] {
  return [
    { op: 'append', table: 'nat', chain: 'DOCKER', rule: portDnat(p, bridge, hairpin) },
    { op: 'append', table: 'filter', chain: 'DOCKER', rule: portAccept(p, bridge) },
    { op: 'append', table: 'nat', chain: 'POSTROUTING', rule: portHairpinMasquerade(p) },
  ]
}

/**
 * The daemon programs ports in descending port order, tcp before udp
 * (container_operations.go). Two tcp bindings of one port both compare as
 * "first": kept as is, since a fix could reorder 20.10's output, which must
 * stay as it was.
 */
export function comparePortBindings(a: PortBinding, b: PortBinding): number {
  return b.containerPort - a.containerPort || (a.proto === 'tcp' ? -1 : b.proto === 'tcp' ? 1 : 0)
}

/**
 * Docker 20.10's firewaller. Endpoints have no rules of their own: a
 * container's address is protected only by FORWARD (and its policy).
 *
 * @example
 * firewaller2010.setupDaemonChains(tx)
 */
export const firewaller2010: Firewaller = Object.freeze({
  tables: Object.freeze(['nat', 'filter'] as const),
  daemonChains: Object.freeze({
    nat: Object.freeze(['DOCKER']),
    filter: Object.freeze(['DOCKER', ISOLATION_1, ISOLATION_2, 'DOCKER-USER']),
  }),
  isolationChains: Object.freeze({ stage1: ISOLATION_1, stage2: ISOLATION_2 }),
  setupDaemonChains,
  arrangeUserFilterRule,
  programBridgeRules,
  removeBridgeRules,
  portRules: (p: PublishedPort, c: { bridgeName: string; hairpin: boolean }) =>
    portRules(p, c.bridgeName, c.hairpin),
  comparePortBindings,
  joinEndpoint: () => {},
  leaveEndpoint: () => {},
})
