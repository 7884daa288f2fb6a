/**
 * A Compose project, read from its files as Docker Compose v2 reads what
 * touches networking (the compose-spec's services and networks): each
 * service's networks with their aliases, addresses and priority, its
 * network_mode, ports, expose, depends_on, links, extra_hosts, dns and
 * replicas; each network's driver, options, IPAM, internal, attachable, IPv6
 * and external. Several files (`-f a -f b`, or compose.yaml with its
 * compose.override.yaml) are merged first, as compose-go merges them
 * (compose-merge.ts). What the files say wrong is refused with the words
 * Compose uses; what netmodes leaves out (volumes, build, environment...) is
 * read past, as it changes no packet.
 */

import { NotSimulatedError } from '../engine/not-simulated.js'
import { NetmodesError } from '../errors.js'
import { mergeComposeDocuments } from './compose-merge.js'
import { type ComposeYamlDocument, readComposeYaml } from './compose-yaml.js'

export interface ComposeServiceNetwork {
  aliases: string[]
  ipv4Address?: string
  ipv6Address?: string
  priority: number
}

export interface ComposePort {
  hostIp?: string
  published?: string
  target: string
  protocol: 'tcp' | 'udp' | 'sctp'
}

export interface ComposeService {
  name: string
  image: string
  command?: string[]
  containerName?: string
  hostname?: string
  /** By network key, in the file's order. */
  networks: Map<string, ComposeServiceNetwork>
  networkMode?: string
  ports: ComposePort[]
  expose: string[]
  dependsOn: string[]
  links: string[]
  /** `HOST:IP`, a host once per address (Compose keeps every address a file gives it). */
  extraHosts: string[]
  dns: string[]
  replicas: number
  labels: Record<string, string>
}

export interface ComposeNetwork {
  key: string
  /** The engine's name: `name:`, else PROJECT_KEY. */
  name: string
  external: boolean
  driver?: string
  driverOpts: Record<string, string>
  ipam: { subnet?: string; gateway?: string; ipRange?: string }[]
  internal: boolean
  attachable: boolean
  enableIpv6: boolean
  labels: Record<string, string>
}

export interface ComposeProject {
  name: string
  services: ComposeService[]
  networks: ComposeNetwork[]
}

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

function invalid(message: string): never {
  throw new NetmodesError('INVALID_INPUT', message)
}

function strings(v: unknown, where: string): string[] {
  if (v === undefined || v === null) return []
  if (typeof v === 'string') return [v]
  if (Array.isArray(v))
    return v.map((x) =>
      typeof x === 'string' || typeof x === 'number'
        ? String(x)
        : invalid(`${where} must be a list of strings`),
    )
  return invalid(`${where} must be a string or a list`)
}

/** `labels:` / `driver_opts:` as a list of `K=V` or a mapping. */
function mapping(v: unknown, where: string): Record<string, string> {
  if (v === undefined || v === null) return {}
  if (Array.isArray(v)) {
    const out: Record<string, string> = {}
    for (const item of strings(v, where)) {
      const at = item.indexOf('=')
      out[at < 0 ? item : item.slice(0, at)] = at < 0 ? '' : item.slice(at + 1)
    }
    return out
  }
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === null ? '' : String(x)]))
  return invalid(`${where} must be a mapping or a list`)
}

/** compose-spec ports: "80", "8080:80", "127.0.0.1:8080:80", "8080:80/udp", or { target, published, host_ip, protocol }. */
function portsOf(v: unknown, service: string): ComposePort[] {
  if (v === undefined || v === null) return []
  if (!Array.isArray(v)) return invalid(`services.${service}.ports must be a list`)
  return v.map((p) => {
    if (isObj(p)) {
      if (p.target === undefined) invalid(`services.${service}.ports: a port needs a target`)
      const protocol = String(p.protocol ?? 'tcp')
      if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp')
        invalid(`services.${service}.ports: invalid protocol "${protocol}"`)
      return {
        target: String(p.target),
        ...(p.published !== undefined ? { published: String(p.published) } : {}),
        ...(p.host_ip !== undefined ? { hostIp: String(p.host_ip) } : {}),
        protocol,
      }
    }
    const text = String(p)
    const [spec = '', proto = 'tcp'] = text.split('/')
    if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp')
      invalid(`services.${service}.ports: invalid protocol "${proto}"`)
    // An IPv6 host address is bracketed: "[::1]:8080:80".
    const v6 = /^\[([^\]]+)\]:(.*)$/.exec(spec)
    const parts = v6 ? [v6[1] as string, ...(v6[2] as string).split(':')] : spec.split(':')
    const target = parts.at(-1) ?? ''
    if (!/^\d+(-\d+)?$/.test(target)) invalid(`services.${service}.ports: invalid port "${text}"`)
    const published = parts.length >= 2 ? parts.at(-2) : undefined
    const hostIp = parts.length >= 3 ? parts.slice(0, -2).join(':') : undefined
    return {
      target,
      ...(published ? { published } : {}),
      ...(hostIp ? { hostIp } : {}),
      protocol: proto,
    }
  })
}

/**
 * extra_hosts as compose-go's HostsList reads it: `HOST=IP` or `HOST:IP` (split at the first `=`,
 * else the first `:`), or a mapping whose value is one address or a list; `[::1]` loses its brackets.
 */
function extraHostsOf(v: unknown, service: string): string[] {
  const pairs: [string, string][] = []
  if (isObj(v)) {
    for (const [host, ips] of Object.entries(v))
      for (const ip of Array.isArray(ips) ? ips : [ips ?? '']) pairs.push([host, String(ip)])
  } else
    for (const entry of strings(v, `services.${service}.extra_hosts`)) {
      const at = entry.includes('=') ? entry.indexOf('=') : entry.indexOf(':')
      if (at < 0) invalid(`invalid additional host, missing IP: ${entry}`)
      for (const ip of entry.slice(at + 1).split(',')) pairs.push([entry.slice(0, at), ip])
    }
  const byHost = new Map<string, string[]>()
  for (const [host, ip] of pairs) {
    if (!host || /[:=]/.test(host)) invalid(`bad host name '${host}'`)
    const bare = ip.length > 2 && ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip
    byHost.set(host, [...(byHost.get(host) ?? []), bare])
  }
  return [...byHost].flatMap(([host, ips]) => ips.map((ip) => `${host}:${ip}`))
}

function serviceNetworks(v: unknown, service: string): Map<string, ComposeServiceNetwork> {
  const out = new Map<string, ComposeServiceNetwork>()
  if (v === undefined || v === null) return out
  if (Array.isArray(v)) {
    for (const key of strings(v, `services.${service}.networks`)) out.set(key, { aliases: [], priority: 0 })
    return out
  }
  if (!isObj(v)) return invalid(`services.${service}.networks must be a list or a mapping`)
  for (const [key, cfg] of Object.entries(v)) {
    const c = isObj(cfg) ? cfg : {}
    out.set(key, {
      aliases: strings(c.aliases, `services.${service}.networks.${key}.aliases`),
      ...(c.ipv4_address ? { ipv4Address: String(c.ipv4_address) } : {}),
      ...(c.ipv6_address ? { ipv6Address: String(c.ipv6_address) } : {}),
      priority: typeof c.priority === 'number' ? c.priority : 0,
    })
  }
  return out
}

function dependsOn(v: unknown, service: string): string[] {
  if (v === undefined || v === null) return []
  if (Array.isArray(v)) return strings(v, `services.${service}.depends_on`)
  if (isObj(v)) return Object.keys(v)
  return invalid(`services.${service}.depends_on must be a list or a mapping`)
}

function replicasOf(s: Obj, name: string): number {
  const deploy = isObj(s.deploy) ? s.deploy : {}
  const n = s.scale ?? deploy.replicas ?? 1
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
    return invalid(`services.${name}.scale must be a whole number`)
  return n
}

/** compose-go's NormalizeProjectName: lower case, only [a-z0-9_-], leading `_` and `-` dropped. */
const normalized = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '')

/**
 * A project name as Compose normalizes a folder's or a file's: lower case, only [a-z0-9_-],
 * starting with a letter or digit; nothing left is refused.
 *
 * @example
 * normalizeProjectName('My Shop') // 'myshop'
 */
export function normalizeProjectName(name: string): string {
  const out = normalized(name)
  if (!out) invalid(`project name "${name}" must not be empty once normalized (only [a-z0-9_-] are kept)`)
  return out
}

/**
 * A merged Compose model (compose-merge.ts) as the project netmodes runs, named `name`.
 */
function projectOf(doc: Obj, name: string, profiles: readonly string[]): ComposeProject {
  const all = isObj(doc.services) ? Object.entries(doc.services) : []
  // compose-go's WithProfiles: a service with profiles runs only when one is active (or `*` is);
  // the others are left out unread, as Compose leaves them (their mistakes are not reported).
  const active = all.filter(([, raw]) => {
    const own = isObj(raw) ? strings(raw.profiles, 'profiles') : []
    return own.length === 0 || profiles.includes('*') || own.some((p) => profiles.includes(p))
  })
  if (active.length === 0) return invalid('no service selected')
  const services: ComposeService[] = active.map(([svc, raw]) => {
    const s = isObj(raw) ? raw : invalid(`services.${svc} must be a mapping`)
    if (typeof s.image !== 'string' || !s.image)
      invalid(`service "${svc}" has neither an image nor a build context specified: invalid compose project`)
    const networks = serviceNetworks(s.networks, svc)
    if (s.network_mode !== undefined && networks.size > 0)
      invalid(
        `service ${svc} declares mutually exclusive \`network_mode\` and \`networks\`: invalid compose project`,
      )
    if (s.network_mode === undefined && networks.size === 0)
      networks.set('default', { aliases: [], priority: 0 })
    return {
      name: svc,
      image: s.image as string,
      ...(s.command !== undefined
        ? {
            command:
              typeof s.command === 'string'
                ? s.command.split(/\s+/).filter(Boolean)
                : strings(s.command, `services.${svc}.command`),
          }
        : {}),
      ...(typeof s.container_name === 'string' ? { containerName: s.container_name } : {}),
      ...(typeof s.hostname === 'string' ? { hostname: s.hostname } : {}),
      networks,
      ...(typeof s.network_mode === 'string' ? { networkMode: s.network_mode } : {}),
      ports: portsOf(s.ports, svc),
      expose: strings(s.expose, `services.${svc}.expose`),
      dependsOn: dependsOn(s.depends_on, svc),
      links: strings(s.links, `services.${svc}.links`),
      extraHosts: extraHostsOf(s.extra_hosts, svc),
      dns: strings(s.dns, `services.${svc}.dns`),
      replicas: replicasOf(s, svc),
      labels: mapping(s.labels, `services.${svc}.labels`),
    }
  })
  const declared = isObj(doc.networks) ? doc.networks : {}
  const keys = new Set<string>()
  for (const s of services) for (const key of s.networks.keys()) keys.add(key)
  for (const s of services)
    for (const key of s.networks.keys())
      if (key !== 'default' && !(key in declared))
        invalid(`service "${s.name}" refers to undefined network ${key}: invalid compose project`)
  const networks: ComposeNetwork[] = []
  const entries: [string, unknown][] = [
    ...(keys.has('default') && !('default' in declared) ? [['default', {}] as [string, unknown]] : []),
    ...Object.entries(declared),
  ]
  for (const [key, raw] of entries) {
    const n = isObj(raw) ? raw : {}
    const external = n.external === true || isObj(n.external)
    const externalName =
      isObj(n.external) && typeof n.external.name === 'string' ? n.external.name : undefined
    const ipam = isObj(n.ipam) && Array.isArray(n.ipam.config) ? n.ipam.config.filter(isObj) : []
    networks.push({
      key,
      name: typeof n.name === 'string' ? n.name : (externalName ?? (external ? key : `${name}_${key}`)),
      external,
      ...(typeof n.driver === 'string' ? { driver: n.driver } : {}),
      driverOpts: mapping(n.driver_opts, `networks.${key}.driver_opts`),
      ipam: ipam.map((c) => ({
        ...(c.subnet ? { subnet: String(c.subnet) } : {}),
        ...(c.gateway ? { gateway: String(c.gateway) } : {}),
        ...(c.ip_range ? { ipRange: String(c.ip_range) } : {}),
      })),
      internal: n.internal === true,
      attachable: n.attachable === true,
      enableIpv6: n.enable_ipv6 === true,
      labels: mapping(n.labels, `networks.${key}.labels`),
    })
  }
  return { name, services, networks: networks.filter((n) => keys.has(n.key)) }
}

/**
 * `include:` and `extends:` bring in other files, which compose-go reads before merging;
 * netmodes does not, and says so rather than run a project without what they would add.
 */
function refuseUnmodelled(d: ComposeYamlDocument): void {
  if (d.model.include !== undefined)
    throw new NotSimulatedError(
      '`include:` in a Compose file (name its files with -f instead: those are merged)',
    )
  const services = isObj(d.model.services) ? d.model.services : {}
  for (const [name, s] of Object.entries(services))
    if (isObj(s) && s.extends !== undefined)
      throw new NotSimulatedError(`\`extends:\` in a Compose file (services.${name})`)
}

/** One Compose file: its path (for Compose's messages and labels) and its text. */
export interface ComposeFileText {
  path: string
  text: string
}

export interface LoadComposeOptions {
  /** `-p NAME`: wins over every file's `name:`, and must already be a normalized name. */
  project?: string
  /** The name when neither `-p` nor a file gives one: the project folder's name (normalized here). */
  defaultName: string
  /** `--profile NAME`s: the services with profiles that run (`*`: all of them). */
  profiles?: readonly string[]
  /** Told Compose's warnings (a file's obsolete `version:`), as Compose prints them. */
  warn?: (message: string) => void
}

/**
 * Reads and merges Compose files in order, as `docker compose -f A -f B` does: the project's name
 * is `-p`, else the last file's `name:`, else the folder's name (compose-go's projectName).
 *
 * @example
 * loadComposeFiles(
 *   [{ path: '/srv/shop/compose.yml', text: base }, { path: '/srv/shop/compose.override.yml', text: over }],
 *   { defaultName: 'shop' },
 * ).services
 */
export function loadComposeFiles(
  files: readonly ComposeFileText[],
  options: LoadComposeOptions,
): ComposeProject {
  if (options.project !== undefined) {
    const p = options.project
    if (!p || p !== normalized(p))
      invalid(
        `invalid project name "${p}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`,
      )
  }
  const documents = files.flatMap((f) => {
    const docs = readComposeYaml(f.text, f.path)
    // compose-go warns once per file whose model has `version:` after it is merged, then drops it.
    if (docs.some((d) => 'version' in d.model))
      options.warn?.(
        `${f.path}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`,
      )
    return docs
  })
  for (const d of documents) refuseUnmodelled(d)
  let named: string | undefined
  for (const d of documents) if (typeof d.model.name === 'string' && d.model.name) named = d.model.name
  const model = mergeComposeDocuments(documents)
  if (Object.keys(model).length === 0) return invalid('empty compose file')
  return projectOf(
    model,
    options.project ?? normalizeProjectName(named ?? options.defaultName),
    options.profiles ?? [],
  )
}

/**
 * Reads one Compose file's text; its `name:` wins over `project`.
 *
 * @example
 * parseComposeFile('services:\n  web:\n    image: nginx\n', 'shop').services[0].networks // Map { 'default' => ... }
 */
export function parseComposeFile(text: string, project: string): ComposeProject {
  return loadComposeFiles([{ path: 'compose.yaml', text }], { defaultName: project })
}
