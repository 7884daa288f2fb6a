/**
 * Several Compose files as one model, merged as compose-go merges them
 * (override/merge.go, override/uncity.go, loader/loader.go loadYamlFile):
 * each file in turn, its `!reset`/`!override` paths first deleted from what
 * came before, then merged into it:
 * - mappings merge key by key, and a later scalar replaces an earlier one
 *   (image, network_mode, ipv4_address, priority, driver, internal, name...);
 * - sequences append (ports, expose, links, aliases, dns...), and then each
 *   keeps one entry per key, the later entry in the earlier one's place
 *   (a port by host address, published port, target and protocol; a label by
 *   its name; expose, dns and links by their text);
 * - a service's networks and depends_on merge as mappings, whichever syntax
 *   each file wrote (a list names networks with no settings): an override
 *   adds networks, it does not replace them;
 * - labels, dns and environment merge as `K=V` lists, extra_hosts appends
 *   only the entries not already there (so a host can get two addresses);
 * - command and entrypoint are replaced whole; networks.*.ipam.config merges
 *   by subnet.
 * After each file, the short syntaxes become the long ones (compose-go's
 * transform.Canonical for what netmodes reads), so the next file merges with
 * the long form, as Compose's does.
 */

import { NetmodesError } from '../errors.js'
import type { ComposeYamlDocument, ComposeYamlPath } from './compose-yaml.js'

type Obj = Record<string, unknown>
type Merger = (base: unknown, over: unknown, path: string[]) => unknown

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** compose-go's tree.Path.Matches: same length, `*` matches any one key. */
function matches(path: readonly string[], pattern: string): boolean {
  const parts = pattern.split('.')
  return parts.length === path.length && parts.every((p, i) => p === '*' || p === path[i])
}

function find<T>(table: [string, T][], path: readonly string[]): T | undefined {
  return table.find(([pattern]) => matches(path, pattern))?.[1]
}

/** A mapping as compose-go's convertIntoSequence writes it: `K=V` (a list value gives one per item), sorted. */
function toSequence(v: unknown): unknown[] {
  if (Array.isArray(v)) return v
  if (typeof v === 'string') return [v]
  if (!isObj(v)) return []
  const seq: string[] = []
  for (const [k, x] of Object.entries(v)) {
    if (x === null || x === undefined) seq.push(k)
    else if (Array.isArray(x)) for (const item of x) seq.push(`${k}=${item}`)
    else seq.push(`${k}=${x}`)
  }
  return seq.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** A list of names as a mapping, each name to `fill` (compose-go's convertIntoMapping). */
function toMapping(v: unknown, fill?: () => unknown): Obj {
  if (isObj(v)) return v
  if (Array.isArray(v)) return Object.fromEntries(v.map((k) => [String(k), fill ? fill() : null]))
  return {}
}

const dependsOnDefault = () => ({ condition: 'service_started', required: true })

function mergeIpamConfig(base: unknown, over: unknown, path: string[]): unknown {
  if (!Array.isArray(base) || !Array.isArray(over))
    throw new NetmodesError('INVALID_INPUT', `${path.join('.')}: unexpected type`)
  const out: Obj[] = []
  const at = (subnet: unknown) => out.findIndex((c) => c.subnet === subnet)
  for (const original of base) {
    const right = toMapping(original)
    for (const o of over) {
      const left = toMapping(o)
      if (left.subnet !== right.subnet && at(left.subnet) < 0) {
        out.push(left)
        continue
      }
      const merged = mergeMappings(right, left, path)
      const i = at(merged.subnet)
      if (i >= 0) out[i] = merged
      else out.push(merged)
    }
  }
  return out
}

const toSequenceMerge: Merger = (base, over) => [...toSequence(base), ...toSequence(over)]

// compose-go's mergeSpecials, for what a netmodes lab reads and what would otherwise merge wrongly.
const SPECIALS: [string, Merger][] = [
  ['networks.*.ipam.config', mergeIpamConfig],
  ['networks.*.labels', toSequenceMerge],
  ['services.*.annotations', toSequenceMerge],
  [
    'services.*.build',
    (base, over, path) => {
      const build = (v: unknown) => (typeof v === 'string' ? { context: v } : toMapping(v))
      return mergeMappings(build(base), build(over), path)
    },
  ],
  ['services.*.command', (_, over) => over],
  [
    'services.*.depends_on',
    (base, over, path) =>
      mergeMappings(toMapping(base, dependsOnDefault), toMapping(over, dependsOnDefault), path),
  ],
  ['services.*.deploy.labels', toSequenceMerge],
  ['services.*.dns', toSequenceMerge],
  ['services.*.dns_opt', toSequenceMerge],
  ['services.*.dns_search', toSequenceMerge],
  ['services.*.entrypoint', (_, over) => over],
  ['services.*.environment', toSequenceMerge],
  [
    'services.*.extra_hosts',
    (base, over) => {
      const right = toSequence(base)
      return [...right, ...toSequence(over).filter((h) => !right.includes(h))]
    },
  ],
  ['services.*.healthcheck.test', (_, over) => over],
  ['services.*.labels', toSequenceMerge],
  ['services.*.networks', (base, over, path) => mergeMappings(toMapping(base), toMapping(over), path)],
  ['services.*.sysctls', toSequenceMerge],
  ['services.*.tmpfs', toSequenceMerge],
]

function mergeMappings(base: Obj, over: Obj, path: string[]): Obj {
  const out: Obj = { ...base }
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? mergeYaml(out[k], v, [...path, k]) : v
  return out
}

/** compose-go's MergeYaml: the value at `path` of the files so far, `over` the next file's. */
function mergeYaml(base: unknown, over: unknown, path: string[]): unknown {
  const special = find(SPECIALS, path)
  if (special) return special(base, over, path)
  if (over === null || over === undefined) return base
  if (isObj(base)) {
    if (!isObj(over)) throw new NetmodesError('INVALID_INPUT', `cannot override ${path.join('.')}`)
    return mergeMappings(base, over, path)
  }
  if (Array.isArray(base)) {
    if (!Array.isArray(over)) throw new NetmodesError('INVALID_INPUT', `cannot override ${path.join('.')}`)
    return [...base, ...over]
  }
  return over
}

/** A `K=V` entry's key (compose-go's keyValueIndexer). */
const keyOf = (v: unknown) => String(v).split('=')[0] as string

/** Go's fmt `%s` and `%d` of a YAML value: what compose-go's portIndexer keys a port by. */
function goFormat(v: unknown, verb: 's' | 'd'): string {
  if (v === null || v === undefined) return `%!${verb}(<nil>)`
  if (typeof v === 'string') return verb === 's' ? v : `%!d(string=${v})`
  if (typeof v === 'number' && Number.isInteger(v)) return verb === 'd' ? String(v) : `%!s(int=${v})`
  return `%!${verb}(${typeof v}=${String(v)})`
}

/**
 * compose-go's portIndexer: a long-syntax port by host address (0.0.0.0 when none), published
 * port, target and protocol, formatted as Go formats them, so `published: 8080` (a number) and
 * the "8080" a short port becomes are two keys, and both ports stay, as with Compose.
 */
function portKey(v: unknown): string {
  if (!isObj(v)) return String(v)
  const host = 'host_ip' in v ? goFormat(v.host_ip, 's') : '0.0.0.0'
  const protocol = 'protocol' in v ? goFormat(v.protocol, 's') : 'tcp'
  return `${host}:${goFormat(v.published, 's')}:${goFormat(v.target, 'd')}/${protocol}`
}

// compose-go's unique table, for the sequences of what a netmodes lab reads.
const UNIQUE: [string, (v: unknown) => string][] = [
  ['networks.*.labels', keyOf],
  ['services.*.annotations', keyOf],
  ['services.*.cap_add', keyOf],
  ['services.*.cap_drop', keyOf],
  ['services.*.deploy.labels', keyOf],
  ['services.*.dns', keyOf],
  ['services.*.dns_opt', keyOf],
  ['services.*.dns_search', keyOf],
  ['services.*.environment', keyOf],
  ['services.*.expose', String],
  ['services.*.labels', keyOf],
  ['services.*.links', keyOf],
  ['services.*.networks.*.aliases', keyOf],
  ['services.*.networks.*.link_local_ips', keyOf],
  ['services.*.ports', portKey],
  ['services.*.profiles', keyOf],
  ['services.*.sysctls', keyOf],
  ['services.*.tmpfs', keyOf],
]

/** compose-go's EnforceUnicity: one entry per key, the later one in the earlier one's place. */
function enforceUnicity(value: unknown, path: string[]): unknown {
  if (isObj(value)) {
    for (const [k, v] of Object.entries(value)) value[k] = enforceUnicity(v, [...path, k])
    return value
  }
  if (!Array.isArray(value)) return value
  const indexer = find(UNIQUE, path)
  if (!indexer) return value
  const out: unknown[] = []
  const seen = new Map<string, number>()
  for (const entry of value) {
    const key = indexer(entry)
    const at = seen.get(key)
    if (at !== undefined) out[at] = entry
    else seen.set(key, out.push(entry) - 1)
  }
  return out
}

/**
 * "8080:80", "127.0.0.1:8080:80/udp", "[::1]:8080:80" or 80 as compose-go's long syntax
 * ({ target, published, host_ip, protocol, mode }); a range stays one entry (netmodes passes it whole).
 */
function longPort(p: unknown): unknown {
  if (isObj(p)) return p
  const text = String(p)
  const [spec = '', proto = 'tcp'] = text.split('/')
  const v6 = /^\[([^\]]+)\]:(.*)$/.exec(spec)
  const parts = v6 ? [v6[1] as string, ...(v6[2] as string).split(':')] : spec.split(':')
  const target = parts.at(-1) ?? ''
  // What does not parse is left as written, for compose-file.ts to refuse in its own words.
  if (!/^\d+(-\d+)?$/.test(target) || parts.length > 3) return p
  const published = parts.length >= 2 ? parts.at(-2) : undefined
  const hostIp = parts.length >= 3 ? parts.slice(0, -2).join(':') : undefined
  return {
    mode: 'ingress',
    ...(hostIp ? { host_ip: hostIp } : {}),
    target: /^\d+$/.test(target) ? Number(target) : target,
    ...(published ? { published } : {}),
    protocol: proto.toLowerCase(),
  }
}

/** compose-go's transform.Canonical, for the keys whose short syntax would merge differently. */
function canonical(model: Obj): Obj {
  const services = isObj(model.services) ? model.services : {}
  for (const s of Object.values(services)) {
    if (!isObj(s)) continue
    if (Array.isArray(s.networks)) s.networks = toMapping(s.networks)
    if (s.depends_on !== undefined && !isObj(s.depends_on))
      s.depends_on = toMapping(s.depends_on, dependsOnDefault)
    if (typeof s.dns === 'string') s.dns = [s.dns]
    // compose-go's OmitEmpty: an empty dns entry is dropped.
    if (Array.isArray(s.dns)) s.dns = s.dns.filter((d) => d !== null && d !== '')
    if (Array.isArray(s.ports)) s.ports = s.ports.map(longPort)
    if (Array.isArray(s.expose)) s.expose = s.expose.map(String)
  }
  return model
}

/** A copy of a YAML tree, so merging never changes a file's own. */
function copyTree(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyTree)
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copyTree(x)]))
  return v
}

/** Deletes what the files so far said at each path a document's `!reset`/`!override` names. */
function applyResets(model: Obj, resets: readonly ComposeYamlPath[]): void {
  for (const path of resets) {
    let at: unknown = model
    for (const key of path.slice(0, -1)) at = isObj(at) ? at[key] : undefined
    if (isObj(at)) delete at[path.at(-1) as string]
  }
}

/**
 * Merges Compose files' documents in order into one model (the first file's documents first).
 *
 * @example
 * mergeComposeDocuments([
 *   ...readComposeYaml('services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n', 'compose.yml'),
 *   ...readComposeYaml('services:\n  web:\n    ports: ["443:443"]\n', 'compose.override.yml'),
 * ]).services // { web: { image: 'nginx', ports: [{ target: 80, ... }, { target: 443, ... }] } }
 */
export function mergeComposeDocuments(documents: readonly ComposeYamlDocument[]): Obj {
  let model: Obj = {}
  for (const doc of documents) {
    applyResets(model, doc.resets)
    model = mergeMappings(model, copyTree(doc.model) as Obj, [])
    model = enforceUnicity(model, []) as Obj
    model = enforceUnicity(canonical(model), []) as Obj
  }
  return model
}
