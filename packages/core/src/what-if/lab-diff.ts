/**
 * What-if: what changes between two labs — the engine and daemon, networks,
 * containers and their addresses, each namespace's interfaces and routes,
 * the iptables rules (a unified diff of `iptables-save`, as a person would
 * diff two hosts), and the reachability matrix cells that flip, each with
 * the reason the tracer gives. The second lab's random names are read as
 * the first's (`lab-renames.ts`), so only what the change made differs.
 */

import type { MatrixCell, ReachabilityMatrix } from '../dataplane/reachability.js'
import { matrixCell, reachabilityMatrix } from '../dataplane/reachability.js'
import type { TraceProtocol } from '../dataplane/trace-types.js'
import type { Lang } from '../i18n/messages.js'
import { DAEMON_SETTING_NAMES } from '../model/daemon-settings.js'
import type { Container, Network } from '../model/docker.js'
import type { Link, Namespace } from '../model/namespace.js'
import type { LabState } from '../model/state.js'
import { renderIpRoute } from '../views/ip-route.js'
import { renderIpRoute6 } from '../views/ip-route6.js'
import { runIp6tablesSave, runIptablesSave } from '../views/iptables-save-command.js'
import { type Renames, renamesBetween } from './lab-renames.js'
import { unifiedDiff } from './unified-diff.js'

/** One field that differs: its value in the first lab and in the second ('' where it has none). */
export interface FieldChange {
  field: string
  before: string
  after: string
}

/** Objects of one kind (networks, containers) by name: only in the first, only in the second, in both but different. */
export interface ObjectChanges {
  added: string[]
  removed: string[]
  changed: { name: string; changes: FieldChange[] }[]
}

/** The lines of one namespace's view (interfaces or routes) that only one lab has. */
export interface NamespaceLines {
  /** "host", the containers that share the namespace ("web, sidecar"), or the namespace's path. */
  namespace: string
  removed: string[]
  added: string[]
}

/** One pair whose reachability flips, with both answers (each with the tracer's reason when blocked). */
export interface CellFlip {
  from: string
  to: string
  before: MatrixCell
  after: MatrixCell
}

/** The flips of one matrix question (ping, or a TCP/UDP port). */
export interface MatrixDiff {
  protocol: TraceProtocol
  port?: number
  /** 6: the IPv6 matrix (containers by their IPv6 addresses, the host, the LAN and the internet). */
  family?: 6
  cells: CellFlip[]
}

/** Everything that differs between two labs. */
export interface LabDiff {
  engine?: { before: string; after: string }
  daemon: FieldChange[]
  networks: ObjectChanges
  containers: ObjectChanges
  interfaces: NamespaceLines[]
  routes: NamespaceLines[]
  /** `diff -u` of `iptables-save` (every table the engine writes); '' when equal. */
  iptables: string
  /** The same for `ip6tables-save`. */
  ip6tables: string
  matrices: MatrixDiff[]
}

/** A matrix question: ping, or a port over TCP or UDP. */
export interface MatrixQuestion {
  protocol: TraceProtocol
  port?: number
  /** 6: asked of the containers' IPv6 addresses (reachabilityMatrix's family). */
  family?: 6
}

export interface DiffOptions {
  /** The questions the matrices answer; default ping and TCP to every container port published in either lab. */
  matrices?: MatrixQuestion[]
  /** The language of the flipped cells' reasons. */
  lang?: Lang
  /** The names the unified diffs give the two labs (`--- A`, `+++ B`). */
  labels?: { from: string; to: string }
}

function changesOf(before: Record<string, string>, after: Record<string, string>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return fields
    .filter((f) => before[f] !== after[f])
    .map((field) => ({ field, before: before[field] ?? '', after: after[field] ?? '' }))
}

function objectChanges<T>(
  before: Map<string, T>,
  after: Map<string, T>,
  fields: (x: T, lab: 'before' | 'after') => Record<string, string>,
): ObjectChanges {
  const out: ObjectChanges = { added: [], removed: [], changed: [] }
  for (const name of before.keys()) if (!after.has(name)) out.removed.push(name)
  for (const [name, b] of after) {
    const a = before.get(name)
    if (a === undefined) {
      out.added.push(name)
      continue
    }
    const changes = changesOf(fields(a, 'before'), fields(b, 'after'))
    if (changes.length) out.changed.push({ name, changes })
  }
  return out
}

/** A network's fields as `docker network inspect` shows what matters to a packet. */
function networkFields(n: Network, renames: Renames | undefined): Record<string, string> {
  const r = (s: string) => (renames ? renames.apply(s) : s)
  const fields: Record<string, string> = {
    driver: n.driver,
    scope: n.scope,
    internal: String(n.internal),
    attachable: String(n.attachable),
    ipv6: String(n.enableIPv6),
  }
  if (n.device) fields.device = r(n.device)
  n.ipam.config.forEach((c, i) => {
    const parts = [c.subnet, c.gateway ? `gateway ${c.gateway}` : '', c.ipRange ? `range ${c.ipRange}` : '']
    fields[`ipam ${i + 1}`] = parts.filter(Boolean).join(' ')
  })
  for (const [k, v] of Object.entries(n.options)) fields[`option ${k}`] = v
  for (const [k, v] of Object.entries(n.labels)) fields[`label ${k}`] = v
  return fields
}

/** A container's fields: its state and mode, its ports, and per network its addresses. */
function containerFields(lab: LabState, c: Container, renames: Renames | undefined): Record<string, string> {
  const r = (s: string) => (renames ? renames.apply(s) : s)
  const mode = c.networkMode.startsWith('container:')
    ? `container:${lab.containers[c.networkMode.slice('container:'.length)]?.name ?? r(c.networkMode.slice(10))}`
    : c.networkMode
  const networkName = (id: string) => lab.networks.find((n) => n.id === id)?.name ?? id
  const fields: Record<string, string> = { state: c.state, 'network mode': mode, image: c.image }
  const ports = c.ports.map((p) => `${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.proto}`).sort()
  if (ports.length) fields.ports = ports.join(', ')
  for (const [networkId, endpointId] of Object.entries(c.endpoints)) {
    const n = lab.networks.find((x) => x.id === networkId)
    const e = n?.endpoints[endpointId]
    if (!e) continue
    const at = networkName(networkId)
    fields[`${at} interface`] = e.ifname
    fields[`${at} address`] = `${e.ipv4}/${e.prefixlen}`
    if (e.gateway) fields[`${at} gateway`] = e.gateway
    if (e.ipv6) fields[`${at} IPv6 address`] = `${e.ipv6}/${e.prefixlen6 ?? 64}`
    if (e.gateway6) fields[`${at} IPv6 gateway`] = e.gateway6
    fields[`${at} MAC`] = r(e.mac)
    if (e.aliases.length) fields[`${at} aliases`] = r(e.aliases.join(', '))
  }
  return fields
}

/** An interface as one line: what `ip addr` says of it, without the kernel's ifindex numbers. */
function linkLine(l: Link): string {
  const addrs = [
    ...l.addrs.map((a) => `${a.local}/${a.prefixlen}`),
    ...(l.addrs6 ?? []).map((a) => `${a.local}/${a.prefixlen}`),
  ]
  return [
    l.ifname,
    l.kind,
    ...(l.master ? [`master ${l.master}`] : []),
    l.operstate,
    `mtu ${l.mtu}`,
    l.address,
    ...addrs,
  ].join(' ')
}

/** Each namespace by the name a person knows it by: host, its containers, or its path. */
function namespacesByLabel(lab: LabState): Map<string, Namespace> {
  const owners = new Map<string, string[]>()
  for (const c of Object.values(lab.containers)) {
    if (c.state !== 'running') continue
    const id = c.sharesWith ? lab.containers[c.sharesWith]?.sandbox : c.sandbox
    if (!id || id === 'host') continue
    owners.set(id, [...(owners.get(id) ?? []), c.name])
  }
  const out = new Map<string, Namespace>()
  for (const [id, ns] of Object.entries(lab.namespaces)) {
    out.set(id === 'host' ? 'host' : (owners.get(id)?.join(', ') ?? id), ns)
  }
  return out
}

function lineChanges(
  before: LabState,
  after: LabState,
  renames: Renames,
  lines: (ns: Namespace) => string[],
): NamespaceLines[] {
  const a = namespacesByLabel(before)
  const b = new Map([...namespacesByLabel(after)].map(([label, ns]) => [renames.apply(label), ns]))
  const out: NamespaceLines[] = []
  for (const label of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(label)
    const y = b.get(label)
    const la = x ? lines(x) : []
    const lb = y ? lines(y).map((l) => renames.apply(l)) : []
    const sa = new Set(la)
    const sb = new Set(lb)
    const removed = la.filter((l) => !sb.has(l))
    const added = lb.filter((l) => !sa.has(l))
    if (removed.length || added.length) out.push({ namespace: label, removed, added })
  }
  return out
}

function routeLines(ns: Namespace): string[] {
  return [...renderIpRoute(ns).split('\n'), ...renderIpRoute6(ns).split('\n')]
    .map((l) => l.trimEnd())
    .filter(Boolean)
}

/** The default questions: ping, and TCP or UDP to each container port published in either lab. */
function defaultQuestions(labs: LabState[]): MatrixQuestion[] {
  const ports = new Map<string, MatrixQuestion>()
  for (const lab of labs)
    for (const c of Object.values(lab.containers))
      for (const p of c.ports) {
        if (p.proto === 'sctp') continue
        ports.set(`${p.proto}/${p.containerPort}`, { protocol: p.proto, port: p.containerPort })
      }
  const questions: MatrixQuestion[] = [
    { protocol: 'icmp' },
    ...[...ports.values()].sort((x, y) => (x.port ?? 0) - (y.port ?? 0)),
  ]
  // Where either lab gives a container an IPv6 address, the same questions in IPv6: Docker filters it apart.
  const v6 = labs.some((lab) =>
    lab.networks.some((n) => n.enableIPv6 && Object.values(n.endpoints).some((e) => e.ipv6)),
  )
  return v6 ? [...questions, ...questions.map((q) => ({ ...q, family: 6 as const }))] : questions
}

/**
 * Whether each endpoint reaches each other, read from the stored groups
 * without rendering a reason: a million pairs at 1,000 containers, so the
 * few pairs in one namespace are looked up by index, not by a key string.
 */
function reachability(m: ReachabilityMatrix): (i: number, j: number) => boolean {
  const own = new Map<number, Map<number, boolean>>()
  for (const [key, pair] of Object.entries(m.pairs)) {
    const [i, j] = key.split(',').map(Number) as [number, number]
    if (!own.has(i)) own.set(i, new Map())
    own.get(i)?.set(j, pair.entry.reachable)
  }
  return (i, j) =>
    own.get(i)?.get(j) ?? m.cells[m.groupOf[i] as number]?.[m.groupOf[j] as number]?.reachable ?? false
}

function matrixDiff(before: LabState, after: LabState, q: MatrixQuestion, lang: Lang): MatrixDiff {
  const options = {
    protocol: q.protocol,
    ...(q.port !== undefined ? { port: q.port } : {}),
    ...(q.family === 6 ? { family: 6 as const } : {}),
  }
  const ma = reachabilityMatrix(before, options)
  const mb = reachabilityMatrix(after, options)
  const inB = new Map(mb.endpoints.map((name, k) => [name, k]))
  // The endpoints both labs have, by their index in each.
  const both = ma.endpoints.flatMap((name, k) => {
    const kb = inB.get(name)
    return kb === undefined ? [] : [[k, kb] as const]
  })
  const [ra, rb] = [reachability(ma), reachability(mb)]
  const cells: CellFlip[] = []
  for (const [ia, ib] of both) {
    for (const [ja, jb] of both) {
      if (ra(ia, ja) === rb(ib, jb)) continue
      cells.push({
        from: ma.endpoints[ia] as string,
        to: ma.endpoints[ja] as string,
        before: matrixCell(ma, ia, ja, lang),
        after: matrixCell(mb, ib, jb, lang),
      })
    }
  }
  return { ...options, cells }
}

function daemonFields(lab: LabState): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of DAEMON_SETTING_NAMES) {
    const v = lab.daemon?.[name]
    if (v !== undefined) out[name] = typeof v === 'string' ? v : JSON.stringify(v)
  }
  return out
}

/**
 * What differs from `before` to `after`.
 *
 * @example
 * const a = runScenario(source, { engine: '20.10' }).lab
 * const b = runScenario(source, { engine: '28' }).lab
 * diffLabs(a, b).iptables // '--- 20.10\n+++ 28\n@@ ... @@\n...+*raw\n...'
 */
export function diffLabs(before: LabState, after: LabState, options: DiffOptions = {}): LabDiff {
  const renames = renamesBetween(before, after)
  const labels = options.labels ?? { from: 'before', to: 'after' }
  const save = (lab: LabState, six: boolean) =>
    (six ? runIp6tablesSave(lab, []) : runIptablesSave(lab, [])).stdout
  const questions = options.matrices ?? defaultQuestions([before, after])
  return {
    ...(before.profile.version !== after.profile.version
      ? { engine: { before: before.profile.version, after: after.profile.version } }
      : {}),
    daemon: changesOf(daemonFields(before), daemonFields(after)),
    networks: objectChanges(
      new Map(before.networks.map((n) => [n.name, n])),
      new Map(after.networks.map((n) => [n.name, n])),
      (n, side) => networkFields(n, side === 'after' ? renames : undefined),
    ),
    containers: objectChanges(
      new Map(Object.values(before.containers).map((c) => [c.name, c])),
      new Map(Object.values(after.containers).map((c) => [c.name, c])),
      (c, side) =>
        side === 'after' ? containerFields(after, c, renames) : containerFields(before, c, undefined),
    ),
    interfaces: lineChanges(before, after, renames, (ns) => ns.links.map(linkLine)),
    routes: lineChanges(before, after, renames, routeLines),
    iptables: unifiedDiff(save(before, false), renames.apply(save(after, false)), labels),
    ip6tables: unifiedDiff(save(before, true), renames.apply(save(after, true)), labels),
    matrices: questions.map((q) => matrixDiff(before, after, q, options.lang ?? 'en')),
  }
}

/** True when the two labs differ in nothing {@link diffLabs} compares. */
export function isEmptyDiff(d: LabDiff): boolean {
  const none = (c: ObjectChanges) => !c.added.length && !c.removed.length && !c.changed.length
  return (
    !d.engine &&
    !d.daemon.length &&
    none(d.networks) &&
    none(d.containers) &&
    !d.interfaces.length &&
    !d.routes.length &&
    !d.iptables &&
    !d.ip6tables &&
    d.matrices.every((m) => !m.cells.length)
  )
}
