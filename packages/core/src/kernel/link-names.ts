import type { Link, Namespace } from '../model/namespace.js'
import type { Tx } from '../model/tx.js'

/**
 * How many links of a namespace carry each interface name: a cache beside the
 * lab, never in it (a WeakMap keyed by the namespace, so the lab's JSON is
 * untouched). The host namespace of a big lab holds tens of thousands of
 * veths, and every `docker run` asks twice whether a fresh random veth name is
 * free (netutils.GenerateIfaceName); without this each question scans them all.
 *
 * The links of a namespace change only through kernel/netlink.ts, which keeps
 * the counts with {@link insertLink}, {@link removeLink} and
 * {@link renameIndexedLink}, undo included. A namespace the cache has not seen,
 * or whose links array was replaced or changed length behind its back (a lab
 * loaded from a file, a test editing one), is counted afresh.
 */
interface NameCounts {
  links: Link[]
  size: number
  counts: Map<string, number>
}

const cache = new WeakMap<Namespace, NameCounts>()

function countsOf(ns: Namespace): NameCounts {
  const hit = cache.get(ns)
  if (hit && hit.links === ns.links && hit.size === ns.links.length) return hit
  const counts = new Map<string, number>()
  for (const link of ns.links) counts.set(link.ifname, (counts.get(link.ifname) ?? 0) + 1)
  const fresh = { links: ns.links, size: ns.links.length, counts }
  cache.set(ns, fresh)
  return fresh
}

/** Adjusts a counted namespace after its links changed by one (uncounted ones are counted when asked). */
function note(ns: Namespace, ifname: string, delta: 1 | -1): void {
  const hit = cache.get(ns)
  if (!hit || hit.links !== ns.links) return
  hit.size += delta
  const n = (hit.counts.get(ifname) ?? 0) + delta
  if (n > 0) hit.counts.set(ifname, n)
  else hit.counts.delete(ifname)
}

/**
 * Whether some link of `ns` is named `ifname`.
 *
 * @example
 * hasLinkNamed(lab.namespaces.host!, 'docker0') // true
 */
export function hasLinkNamed(ns: Namespace, ifname: string): boolean {
  return countsOf(ns).counts.has(ifname)
}

/** Appends a link to its namespace (undone by popping it). */
export function insertLink(tx: Tx, ns: Namespace, link: Link): void {
  tx.apply(
    () => {
      ns.links.push(link)
      note(ns, link.ifname, 1)
    },
    () => {
      ns.links.pop()
      note(ns, link.ifname, -1)
    },
  )
}

/**
 * Takes a link out of its namespace (undone by putting it back in place). A
 * link object sits once in its namespace, so it is searched from the end,
 * where the link a command just made is.
 */
export function removeLink(tx: Tx, ns: Namespace, link: Link): void {
  const at = ns.links.lastIndexOf(link)
  if (at < 0) return
  tx.apply(
    () => {
      ns.links.splice(at, 1)
      note(ns, link.ifname, -1)
    },
    () => {
      ns.links.splice(at, 0, link)
      note(ns, link.ifname, 1)
    },
  )
}

/** Renames a link of `ns` (undone by its old name). */
export function renameIndexedLink(tx: Tx, ns: Namespace, link: Link, to: string): void {
  const from = link.ifname
  tx.apply(
    () => {
      link.ifname = to
      note(ns, from, -1)
      note(ns, to, 1)
    },
    () => {
      link.ifname = from
      note(ns, to, -1)
      note(ns, from, 1)
    },
  )
}
