import { ip6tables, iptables } from '../kernel/iptables.js'
import type { Rule } from '../model/netfilter.js'
import type { Tx } from '../model/tx.js'
import type { NetfilterOp } from '../netfilter/tables.js'
import type { PublishedPort } from './firewaller.js'

/** The address family a set of rules is written for: iptables (4) or ip6tables (6). */
export type RuleFamily = 4 | 6

/** The kernel function that writes one family's tables. */
export function writerOf(family: RuleFamily): (tx: Tx, op: NetfilterOp) => void {
  return family === 4 ? iptables : ip6tables
}

/** The host's loopback range of a family, which nat OUTPUT leaves to docker-proxy. */
export function loopbackOf(family: RuleFamily): string {
  return family === 4 ? '127.0.0.0/8' : '::1/128'
}

/** Whether a host address is the wildcard of its family (0.0.0.0 or ::): the DNAT then names no -d. */
function isUnspecified(ip: string): boolean {
  return ip === '0.0.0.0' || ip === '::'
}

/**
 * The rules Docker 20.10 and 28 write with the same text (libnetwork's
 * bridge driver kept them through the iptabler rewrite); each firewaller
 * decides only where they go (-A or -I) and what it adds around them.
 */

/**
 * nat PREROUTING and OUTPUT jump to DOCKER for local destinations; with the
 * userland proxy on, OUTPUT leaves 127.0.0.0/8 to docker-proxy.
 */
export function appendNatDockerJumps(tx: Tx, family: RuleFamily = 4): void {
  const write = writerOf(family)
  write(tx, {
    op: 'append',
    table: 'nat',
    chain: 'PREROUTING',
    rule: { dstType: 'LOCAL', jump: 'DOCKER' },
  })
  const output = tx.lab.profile.userlandProxy
    ? { dst: loopbackOf(family), notDst: true, dstType: 'LOCAL' as const, jump: 'DOCKER' }
    : { dstType: 'LOCAL' as const, jump: 'DOCKER' }
  write(tx, { op: 'append', table: 'nat', chain: 'OUTPUT', rule: output })
}

/**
 * nat DOCKER: the port's DNAT (from any interface but the bridge, unless
 * hairpin NAT is on). An IPv6 one (Docker 28's ip6tables, seen on 28.5.2:
 * `-A DOCKER ! -s fe80::/10 ! -i br-X -p tcp -m tcp --dport 18080 -j DNAT
 * --to-destination [fd00:81::2]:80`) leaves link-local sources alone and
 * writes its destination in brackets.
 */
export function portDnat(p: PublishedPort, bridge: string, hairpin: boolean): Rule {
  const v6 = p.containerIp.includes(':')
  return {
    ...(v6 ? { src: 'fe80::/10', notSrc: true } : {}),
    ...(isUnspecified(p.hostIp) ? {} : { dst: p.hostIp }),
    ...(hairpin ? {} : { inIface: bridge, notIn: true }),
    proto: p.proto,
    dport: p.hostPort,
    jump: 'DNAT',
    toDestination: v6 ? `[${p.containerIp}]:${p.containerPort}` : `${p.containerIp}:${p.containerPort}`,
  }
}

/** filter DOCKER: lets the DNATed packet through to the container from outside its bridge. */
export function portAccept(p: PublishedPort, bridge: string): Rule {
  return {
    dst: p.containerIp,
    inIface: bridge,
    notIn: true,
    outIface: bridge,
    proto: p.proto,
    dport: p.containerPort,
    jump: 'ACCEPT',
  }
}

/** nat POSTROUTING: a container reaching its own published port gets its source rewritten (hairpin). */
export function portHairpinMasquerade(p: PublishedPort): Rule {
  return {
    src: p.containerIp,
    dst: p.containerIp,
    proto: p.proto,
    dport: p.containerPort,
    jump: 'MASQUERADE',
  }
}
