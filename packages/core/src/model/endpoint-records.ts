import type { Endpoint, Network } from './docker.js'
import type { LabState } from './state.js'
import type { Tx } from './tx.js'

/**
 * A network's endpoint records (`network.endpoints`, keyed by endpoint id),
 * written through here so that the names they carry are indexed.
 *
 * Why the index: libnetwork refuses a second endpoint of one name on a
 * network, so every join asks whether the name is taken. A network of a big
 * lab holds hundreds of endpoints in a record keyed by random ids, which the
 * engine keeps in dictionary mode: walking it (for-in) costs tens of
 * nanoseconds per entry, a tenth of a `docker run` on the 10,000-container host.
 *
 * What keeps it consistent: the count of each name per record, a cache
 * beside the lab, never in it (a WeakMap keyed by the record, so the lab's
 * JSON is untouched). The engine changes a record only through
 * {@link putEndpoint} and {@link dropEndpoint}, which adjust the counts and
 * undo that with the transaction. A record the cache has not seen (a lab
 * loaded from a file or built from an observation) is counted when first asked.
 */
const namesByRecord = new WeakMap<Record<string, Endpoint>, Map<string, number>>()

function namesOf(record: Record<string, Endpoint>): Map<string, number> {
  const hit = namesByRecord.get(record)
  if (hit) return hit
  const names = new Map<string, number>()
  for (const endpoint of Object.values(record)) names.set(endpoint.name, (names.get(endpoint.name) ?? 0) + 1)
  namesByRecord.set(record, names)
  return names
}

/** Counts one more (or one fewer) endpoint of this name in a counted record; an uncounted one is counted when asked. */
function note(record: Record<string, Endpoint>, name: string, delta: 1 | -1): void {
  const names = namesByRecord.get(record)
  if (!names) return
  const n = (names.get(name) ?? 0) + delta
  if (n > 0) names.set(name, n)
  else names.delete(name)
}

/**
 * The endpoint ids of all the lab's networks, for drawing a fresh one (every
 * join asks whether a drawn id is taken on any network: a hundred dictionary
 * lookups on the 10,000-container host, and interning the key first cost more
 * than the lookups on a small lab).
 *
 * What keeps it consistent: it is built from the networks the lab had when
 * it was asked (`networks`, checked element by element on each question, so
 * a network created or removed since, or a rolled-back one, rebuilds it), and
 * {@link putEndpoint} and {@link dropEndpoint} adjust it for those networks,
 * undo included.
 */
interface IdIndex {
  networks: Network[]
  members: Set<Network>
  ids: Map<string, number>
}

const idsByLab = new WeakMap<LabState, IdIndex>()

function sameNetworks(a: readonly Network[], b: readonly Network[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function idIndexOf(lab: LabState): IdIndex {
  const hit = idsByLab.get(lab)
  if (hit && sameNetworks(hit.networks, lab.networks)) return hit
  const members = new Set(lab.networks)
  const ids = new Map<string, number>()
  for (const network of members)
    for (const id of Object.keys(network.endpoints)) ids.set(id, (ids.get(id) ?? 0) + 1)
  const fresh = { networks: [...lab.networks], members, ids }
  idsByLab.set(lab, fresh)
  return fresh
}

function noteId(lab: LabState, network: Network, id: string, delta: 1 | -1): void {
  const index = idsByLab.get(lab)
  if (!index?.members.has(network)) return
  const n = (index.ids.get(id) ?? 0) + delta
  if (n > 0) index.ids.set(id, n)
  else index.ids.delete(id)
}

/**
 * Whether an endpoint of any of the lab's networks has this id.
 *
 * @example
 * endpointIdTaken(lab, drawHex(lab.rng, 64)) // false, but for a rewound generator
 */
export function endpointIdTaken(lab: LabState, id: string): boolean {
  return idIndexOf(lab).ids.has(id)
}

/**
 * Whether an endpoint of the network has this name.
 *
 * @example
 * hasEndpointNamed(network, 'web') // true once a container named web joined it
 */
export function hasEndpointNamed(network: Network, name: string): boolean {
  return namesOf(network.endpoints).has(name)
}

/** Records an endpoint on its network (replacing one of the same id), undone with the transaction. */
export function putEndpoint(tx: Tx, network: Network, endpoint: Endpoint): void {
  const record = network.endpoints
  const replaced = Object.hasOwn(record, endpoint.id) ? record[endpoint.id] : undefined
  tx.set(record, endpoint.id, endpoint)
  const lab = tx.lab
  tx.apply(
    () => {
      if (replaced) note(record, replaced.name, -1)
      else noteId(lab, network, endpoint.id, 1)
      note(record, endpoint.name, 1)
    },
    () => {
      note(record, endpoint.name, -1)
      if (replaced) note(record, replaced.name, 1)
      else noteId(lab, network, endpoint.id, -1)
    },
  )
}

/** Removes an endpoint record from its network, undone with the transaction. */
export function dropEndpoint(tx: Tx, network: Network, endpointId: string): void {
  const record = network.endpoints
  if (!Object.hasOwn(record, endpointId)) return
  const gone = record[endpointId] as Endpoint
  tx.remove(record, endpointId)
  const lab = tx.lab
  tx.apply(
    () => {
      note(record, gone.name, -1)
      noteId(lab, network, endpointId, -1)
    },
    () => {
      note(record, gone.name, 1)
      noteId(lab, network, endpointId, 1)
    },
  )
}
