/**
 * A Compose file, read as Docker Compose v2 reads what touches networking
 * (the compose-spec's services and networks): each service's networks with
 * their aliases, addresses and priority, its network_mode, ports, expose,
 * depends_on, links, extra_hosts, dns and replicas; each network's driver,
 * options, IPAM, internal, attachable, IPv6 and external. What the file says
 * wrong is refused with the words Compose uses; what netmodes leaves out
 * (volumes, build, environment...) is read past, as it changes no packet.
 */

import { parse } from 'yaml'
import { NetmodesError } from '../errors.js'

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

/** `labels:` / `driver_opts:` / `extra_hosts:` as a list of `K=V` or a mapping. */
function mapping(v: unknown, where: string, sep = '='): Record<string, string> {
  if (v === undefined || v === null) return {}
  if (Array.isArray(v)) {
    const out: Record<string, string> = {}
    for (const item of strings(v, where)) {
      const at = item.indexOf(sep)
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

/** A project name as Compose normalizes one: lower case, only [a-z0-9_-], starting with a letter or digit. */
export function normalizeProjectName(name: string): string {
  const out = name.toLowerCase().replace(/[^a-z0-9_-]/g, '')
  if (!/^[a-z0-9]/.test(out))
    invalid(
      `project name "${name}" must contain only lowercase letters, digits, dashes and underscores, and start with a letter or digit`,
    )
  return out
}

/**
 * Reads a Compose file's text.
 *
 * @example
 * parseComposeFile('services:\n  web:\n    image: nginx\n', 'shop').services[0].networks // Map { 'default' => ... }
 */
export function parseComposeFile(text: string, project: string): ComposeProject {
  let doc: unknown
  try {
    doc = parse(text)
  } catch (error) {
    return invalid(`yaml: ${(error as Error).message.split('\n')[0]}`)
  }
  if (!isObj(doc)) return invalid('Top-level object must be a mapping')
  const name = normalizeProjectName(typeof doc.name === 'string' && doc.name ? doc.name : project)
  if (!isObj(doc.services) || Object.keys(doc.services).length === 0) return invalid('no service selected')
  const services: ComposeService[] = Object.entries(doc.services).map(([svc, raw]) => {
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
      extraHosts: Object.entries(mapping(s.extra_hosts, `services.${svc}.extra_hosts`, ':')).map(
        ([h, ip]) => `${h}:${ip}`,
      ),
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
