/**
 * `ip neigh show` and `bridge fdb show` of a namespace, for the entries
 * Docker programs (the overlay driver's, for endpoints on other nodes: see
 * drivers/overlay/overlay-peers.ts). The kernel's own entries (a bridge
 * port's MAC, the multicast groups each port joined, what the bridge learns
 * from traffic) are not modelled, so they are not shown.
 */

import type { Namespace } from '../model/namespace.js'

/** One `ip -j neigh` entry, as iproute2 prints it. */
export interface IpNeighJsonEntry {
  dst: string
  dev: string
  lladdr: string
  state: string[]
}

/** One `bridge -j fdb` entry of a VXLAN device's remote, as iproute2 prints it. */
export interface BridgeFdbJsonEntry {
  mac: string
  ifname: string
  dst: string
  flags: string[]
  state: string
}

/**
 * `ip neigh show`: `10.210.0.4 dev vxlan0 lladdr 02:42:0a:d2:00:04 PERMANENT`.
 *
 * @example
 * renderIpNeigh(ns) // '10.210.0.4 dev vxlan0 lladdr 02:42:0a:d2:00:04 PERMANENT\n'
 */
export function renderIpNeigh(ns: Namespace): string {
  return (ns.neighbors ?? []).map((n) => `${n.ip} dev ${n.dev} lladdr ${n.lladdr} PERMANENT\n`).join('')
}

/** `ip -j neigh show`. */
export function renderIpNeighJson(ns: Namespace): IpNeighJsonEntry[] {
  return (ns.neighbors ?? []).map((n) => ({ dst: n.ip, dev: n.dev, lladdr: n.lladdr, state: ['PERMANENT'] }))
}

/**
 * `bridge fdb show`: `02:42:0a:d2:00:04 dev vxlan0 dst 203.0.113.12 self permanent`.
 *
 * @example
 * renderBridgeFdb(ns) // '02:42:0a:d2:00:04 dev vxlan0 dst 203.0.113.12 self permanent\n'
 */
export function renderBridgeFdb(ns: Namespace): string {
  return (ns.fdb ?? []).map((f) => `${f.mac} dev ${f.dev} dst ${f.dst} self permanent\n`).join('')
}

/** `bridge -j fdb show`. */
export function renderBridgeFdbJson(ns: Namespace): BridgeFdbJsonEntry[] {
  return (ns.fdb ?? []).map((f) => ({
    mac: f.mac,
    ifname: f.dev,
    dst: f.dst,
    flags: ['self'],
    state: 'permanent',
  }))
}
