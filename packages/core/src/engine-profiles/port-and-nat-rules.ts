import { iptables } from '../kernel/iptables.js'
import type { Rule } from '../model/netfilter.js'
import type { Tx } from '../model/tx.js'
import type { PublishedPort } from './firewaller.js'

/**
 * The rules Docker 20.10 and 28 write with the same text (libnetwork's
 * bridge driver kept them through the iptabler rewrite); each firewaller
 * decides only where they go (-A or -I) and what it adds around them.
 */

/**
 * nat PREROUTING and OUTPUT jump to DOCKER for local destinations; with the
 * userland proxy on, OUTPUT leaves 127.0.0.0/8 to docker-proxy.
 */
export function appendNatDockerJumps(tx: Tx): void {
  iptables(tx, {
    op: 'append',
    table: 'nat',
    chain: 'PREROUTING',
    rule: { dstType: 'LOCAL', jump: 'DOCKER' },
  })
  const output = tx.lab.profile.userlandProxy
    ? { dst: '127.0.0.0/8', notDst: true, dstType: 'LOCAL' as const, jump: 'DOCKER' }
    : { dstType: 'LOCAL' as const, jump: 'DOCKER' }
  iptables(tx, { op: 'append', table: 'nat', chain: 'OUTPUT', rule: output })
}

/** nat DOCKER: the port's DNAT (from any interface but the bridge, unless hairpin NAT is on). */
export function portDnat(p: PublishedPort, bridge: string, hairpin: boolean): Rule {
  return {
    ...(p.hostIp === '0.0.0.0' ? {} : { dst: p.hostIp }),
    ...(hairpin ? {} : { inIface: bridge, notIn: true }),
    proto: p.proto,
    dport: p.hostPort,
    jump: 'DNAT',
    toDestination: `${p.containerIp}:${p.containerPort}`,
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
