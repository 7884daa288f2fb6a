/**
 * The names two labs give the same object differently. Docker draws IDs at
 * random (a network's 64-hex ID and with it its `br-<id12>` bridge, a
 * container's ID and sandbox, an endpoint's ID, the host end's `veth<7
 * hex>` name from libnetwork's netutils.GenerateIfaceName), and Docker 28
 * draws endpoint MACs too (bridges and the host ends of veths have random
 * MACs on every engine): two labs built from the same commands agree on none of
 * them. To show what a change really changes, the second lab's names are
 * read as the first's wherever both have the object (a network by name, a
 * container by name, an endpoint by container and network).
 */

import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import type { LabState } from '../model/state.js'

/** A rewriting of the second lab's random names into the first's. */
export interface Renames {
  /** `text` with every name of the second lab that the first has under another name replaced by it. */
  apply(text: string): string
  /** How many names are rewritten. */
  readonly size: number
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function add(map: Map<string, string>, from: string | undefined, to: string | undefined): void {
  if (from && to && from !== to) map.set(from, to)
}

function hostMac(lab: LabState, ifname: string): string | undefined {
  return lab.namespaces.host?.links.find((l) => l.ifname === ifname)?.address
}

/**
 * The renames that read `after`'s names as `before`'s.
 *
 * @example
 * renamesBetween(a, b).apply('-A DOCKER -i br-1f2e3d4c5b6a -j RETURN') // '-A DOCKER -i br-9205c3eea8c4 -j RETURN'
 */
export function renamesBetween(before: LabState, after: LabState): Renames {
  const map = new Map<string, string>()
  const networksBefore = new Map(before.networks.map((n) => [n.name, n]))
  const containersBefore = new Map(Object.values(before.containers).map((c) => [c.name, c]))
  // Random MACs mean nothing unless both engines derive them (20.10's 02:42 + IP says the address).
  const macsAreNoise = behaviourOf(before).randomMacs && behaviourOf(after).randomMacs
  for (const n of after.networks) {
    const m = networksBefore.get(n.name)
    if (!m) continue
    add(map, n.id, m.id)
    add(map, n.id.slice(0, 12), m.id.slice(0, 12))
    add(map, n.device, m.device)
    // A bridge's MAC is drawn on both engines (libnetwork's netutils.GenerateRandomMAC, 02:42 + 4 random bytes).
    if (n.device && m.device) add(map, hostMac(after, n.device), hostMac(before, m.device))
  }
  for (const c of Object.values(after.containers)) {
    const d = containersBefore.get(c.name)
    if (!d) continue
    add(map, c.id, d.id)
    add(map, c.id.slice(0, 12), d.id.slice(0, 12))
    if (!c.sharesWith && !d.sharesWith && c.sandbox !== 'host' && d.sandbox !== 'host')
      add(map, c.sandbox, d.sandbox)
  }
  for (const n of after.networks) {
    const m = networksBefore.get(n.name)
    if (!m) continue
    for (const e of Object.values(n.endpoints)) {
      const owner = after.containers[e.containerId]
      const twin = owner && containersBefore.get(owner.name)
      const f = twin && Object.values(m.endpoints).find((x) => x.containerId === twin.id)
      if (!f) continue
      add(map, e.id, f.id)
      add(map, e.hostVeth, f.hostVeth)
      // The host end of a veth takes the kernel's random MAC (eth_random_addr in veth_newlink).
      if (e.hostVeth && f.hostVeth) add(map, hostMac(after, e.hostVeth), hostMac(before, f.hostVeth))
      if (macsAreNoise) add(map, e.mac, f.mac)
    }
  }
  if (map.size === 0) return { apply: (text) => text, size: 0 }
  const pattern = new RegExp(
    [...map.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  )
  return { apply: (text) => text.replace(pattern, (name) => map.get(name) ?? name), size: map.size }
}
