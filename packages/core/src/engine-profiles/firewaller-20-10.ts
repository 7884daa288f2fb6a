import { iptables } from '../kernel/iptables.js'
import type { Rule } from '../model/netfilter.js'
import type { Tx } from '../model/tx.js'

/**
 * The iptables rules the bridge driver of Docker 20.10 programs for one
 * bridge network (libnetwork drivers/bridge/setup_ip_tables.go), in the
 * order and with the -I/-A choice the driver uses, so that `iptables-save`
 * lists them exactly as on a real host: rules for newer networks land above
 * older ones, except the ICC DROP rule, which is appended.
 */

export const ISOLATION_1 = 'DOCKER-ISOLATION-STAGE-1'
export const ISOLATION_2 = 'DOCKER-ISOLATION-STAGE-2'

export interface BridgeRulesConfig {
  bridgeName: string
  subnet: string
  icc: boolean
  masquerade: boolean
  internal: boolean
  /** userland-proxy=false turns on hairpin NAT. */
  hairpin: boolean
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

/** The three rules of one published port (`iptables.Forward` in 20.10). */
export function portRules(
  p: {
    hostIp: string
    hostPort: number
    proto: 'tcp' | 'udp' | 'sctp'
    containerIp: string
    containerPort: number
  },
  bridge: string,
  hairpin: boolean,
): { table: 'nat' | 'filter'; chain: string; rule: Rule }[] {
  const dnat: Rule = {
    ...(p.hostIp === '0.0.0.0' ? {} : { dst: p.hostIp }),
    ...(hairpin ? {} : { inIface: bridge, notIn: true }),
    proto: p.proto,
    dport: p.hostPort,
    jump: 'DNAT',
    toDestination: `${p.containerIp}:${p.containerPort}`,
  }
  return [
    { table: 'nat', chain: 'DOCKER', rule: dnat },
    {
      table: 'filter',
      chain: 'DOCKER',
      rule: {
        dst: p.containerIp,
        inIface: bridge,
        notIn: true,
        outIface: bridge,
        proto: p.proto,
        dport: p.containerPort,
        jump: 'ACCEPT',
      },
    },
    {
      table: 'nat',
      chain: 'POSTROUTING',
      rule: {
        src: p.containerIp,
        dst: p.containerIp,
        proto: p.proto,
        dport: p.containerPort,
        jump: 'MASQUERADE',
      },
    },
  ]
}
