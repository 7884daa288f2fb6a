/**
 * The network sysctls a person sets on a machine of the lab (`sysctl -w
 * KEY=VALUE` on the host, or `ip netns exec NS sysctl ...` on a LAN
 * machine), per namespace as the kernel keeps them (/proc/sys/net is per
 * network namespace). Only the keys the packet walk reads are modelled; each
 * says where the kernel reads it.
 */

import type { Namespace } from '../model/namespace.js'
import type { Tx } from '../model/tx.js'
import { netnsName } from './ip-operation.js'

/** A per-interface IPv4 setting (`net.ipv4.conf.IFACE.NAME`, with `all` and `default`). */
const CONF = /^net\.ipv4\.conf\.([^.]+)\.(route_localnet)$/

/**
 * The kernel's value for a key no line has set (a fresh namespace's), or
 * undefined for a key that is not modelled.
 *
 * route_localnet: 0 everywhere (IPV4_DEVCONF_DFLT); with it off, a packet
 * whose source or destination is in 127.0.0.0/8 arriving on a device other
 * than lo is a martian (ip_route_input_slow, net/ipv4/route.c).
 */
export function sysctlDefault(key: string): string | undefined {
  return CONF.test(key) ? '0' : undefined
}

/** The value of a key in a namespace: what a line set, else the kernel's default. */
export function readSysctl(ns: Namespace, key: string): string | undefined {
  return ns.sysctls?.[key] ?? sysctlDefault(key)
}

/**
 * Sets a key, logged as the command a person types.
 *
 * @example
 * writeSysctl(tx, pc1, 'net.ipv4.conf.eth0.route_localnet', '1')
 */
export function writeSysctl(tx: Tx, ns: Namespace, key: string, value: string): void {
  if (!ns.sysctls) tx.set(ns, 'sysctls', {})
  tx.set(ns.sysctls as Record<string, string>, key, value)
  const set = ['sysctl', '-w', `${key}=${value}`]
  // In another namespace, the command that reaches it: `ip netns exec NS sysctl ...`.
  tx.log(
    ns.id === 'host'
      ? { tool: 'sysctl', args: set.slice(1) }
      : { tool: 'ip', args: ['netns', 'exec', netnsName(ns.id), ...set] },
  )
}

/**
 * Whether 127.0.0.0/8 may be routed on a device (IN_DEV_ROUTE_LOCALNET:
 * the device's own setting or `all`, IN_DEV_ORCONF).
 *
 * @example
 * routeLocalnet(pc1, 'eth0') // false in a fresh namespace
 */
export function routeLocalnet(ns: Namespace, ifname: string): boolean {
  return (
    readSysctl(ns, 'net.ipv4.conf.all.route_localnet') === '1' ||
    readSysctl(ns, `net.ipv4.conf.${ifname}.route_localnet`) === '1'
  )
}

/**
 * A device's own settings go with it (net.ipv4.conf.IFACE is the device's
 * in_device): a link deleted, or moved to another namespace, leaves none
 * behind for a later device of its name.
 */
export function forgetLinkSysctls(tx: Tx, ns: Namespace, ifname: string): void {
  const own = ns.sysctls
  if (!own) return
  const prefix = `net.ipv4.conf.${ifname}.`
  for (const key of Object.keys(own)) if (key.startsWith(prefix)) tx.remove(own, key)
}
