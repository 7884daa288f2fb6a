import type { ObservedNamespace, RawObservation } from './raw-observation.js'

type Doc = Record<string, unknown>
const obj = (v: unknown): Doc => (v && typeof v === 'object' ? (v as Doc) : {})
const nameOf = (c: Doc) => String(c.Name ?? '').replace(/^\//, '')

/**
 * The namespaces of an observation that are the host's own network
 * namespace: "host", every container run with `--network host`, and every
 * `--network container:X` whose X (followed through further `container:`
 * links) is one of those. Docker gives such a container no namespace of its
 * own (moby's daemon/container_operations.go joins the host's or X's
 * sandbox), so `ip addr` inside it lists the host's links.
 *
 * @example
 * hostViewNamespaces(recording) // Set { "host", "hostc" }
 */
export function hostViewNamespaces(raw: RawObservation): Set<string> {
  const byRef = new Map<string, Doc>()
  for (const c of raw.containers) {
    byRef.set(String(c.Id ?? ''), c)
    byRef.set(nameOf(c), c)
  }
  const sharesHost = (c: Doc | undefined, depth: number): boolean => {
    const mode = String(obj(c?.HostConfig).NetworkMode ?? '')
    if (mode === 'host') return true
    // The engine forbids joining a container that itself joined another, but a
    // lab file may hold anything: bound the walk.
    if (!mode.startsWith('container:') || depth > raw.containers.length) return false
    return sharesHost(byRef.get(mode.slice('container:'.length)), depth + 1)
  }
  const views = new Set(['host'])
  for (const c of raw.containers) if (sharesHost(c, 0)) views.add(nameOf(c))
  return views
}

function withoutLinks(ns: ObservedNamespace, drop: ReadonlySet<string>): ObservedNamespace {
  return {
    addr: ns.addr.filter((l) => !drop.has(String(obj(l).ifname))),
    route: ns.route.filter((r) => !drop.has(String(obj(r).dev))),
  }
}

/**
 * Drops the links the machine itself owns (those that were there before
 * Docker or the scenario made anything: its uplink, stray ifb or dummy
 * links) and the routes through them, from every view of the host's
 * namespace ({@link hostViewNamespaces}). They are the machine's, not the
 * engine's: their names, random MACs, indexes and addresses differ on every
 * machine, so an observation meant to be compared across machines (a
 * conformance recording) must not carry them. The container namespaces of
 * other modes are left untouched (their `eth0` is Docker's).
 *
 * @example
 * withoutMachineLinks(observation, ['eth0', 'ifb0']).namespaces.host.addr // lo, docker0, ...
 */
export function withoutMachineLinks(raw: RawObservation, links: readonly string[]): RawObservation {
  const drop = new Set(links)
  const views = hostViewNamespaces(raw)
  const namespaces: Record<string, ObservedNamespace> = {}
  for (const [name, ns] of Object.entries(raw.namespaces)) {
    namespaces[name] = views.has(name) ? withoutLinks(ns, drop) : ns
  }
  return { ...raw, namespaces }
}
