/**
 * Which container holds a given address on a macvlan or ipvlan parent: the
 * parent's segment reaches its children by address, not through the host's
 * IP stack.
 */

import type { Network } from '../model/docker.js'
import type { Link, Namespace } from '../model/namespace.js'
import type { LabState } from '../model/state.js'
import { ipText } from './_walk-context.js'
import { indexNamespace } from './namespace-index.js'

/** A sub-interface and the namespace it lives in. */
export interface SubinterfaceChild {
  ns: Namespace
  link: Link
}

interface SubinterfaceNetworks {
  networks: Network[]
  length: number
  first: Network | undefined
  last: Network | undefined
  list: Network[]
}

const subinterfaceCache = new WeakMap<LabState, SubinterfaceNetworks>()

/** The macvlan and ipvlan networks (cached: networks are only appended or removed). */
function subinterfaceNetworks(lab: LabState): Network[] {
  const all = lab.networks
  const hit = subinterfaceCache.get(lab)
  if (
    hit &&
    hit.networks === all &&
    hit.length === all.length &&
    hit.first === all[0] &&
    hit.last === all[all.length - 1]
  )
    return hit.list
  const list = all.filter((n) => n.driver === 'macvlan' || n.driver === 'ipvlan')
  subinterfaceCache.set(lab, {
    networks: all,
    length: all.length,
    first: all[0],
    last: all[all.length - 1],
    list,
  })
  return list
}

/**
 * The macvlan/ipvlan sub-interface of a parent that holds an address, in
 * whichever container it lives.
 *
 * @example
 * findSubinterfaceChild(lab, 'eth0', parseIPv4('10.0.2.1')!)?.link.kind // 'macvlan'
 */
export function findSubinterfaceChild(
  lab: LabState,
  parent: string,
  address: number,
): SubinterfaceChild | undefined {
  const networks = subinterfaceNetworks(lab)
  if (networks.length === 0) return undefined
  const text = ipText(address)
  for (const n of networks) {
    if (n.device !== parent) continue
    for (const ep of Object.values(n.endpoints)) {
      if (ep.ipv4 !== text) continue
      const c = lab.containers[ep.containerId]
      const ns = c?.sandbox ? lab.namespaces[c.sandbox] : undefined
      const link = ns ? indexNamespace(ns).byName.get(ep.ifname) : undefined
      if (ns && link) return { ns, link }
    }
  }
  return undefined
}
