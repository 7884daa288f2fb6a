/**
 * Engine API request bodies as the commands the engine runs. The docker CLI
 * builds these bodies from its flags (docker/cli's opts → container.Config,
 * HostConfig, NetworkingConfig; network create's types.NetworkCreate), so
 * the twin reads them back into the same parsed commands the CLI emulation
 * hands the daemon: one engine behind both doors.
 */
import type { NetworkCreateCommand, PublishSpec, RunCommand } from '../script/docker-command.js'
import { EngineApiError } from './engine-api-error.js'

type Json = Record<string, unknown>

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {})
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [])
const record = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(obj(v)).filter((e): e is [string, string] => typeof e[1] === 'string'))

/** A body must be a JSON object (moby: "invalid JSON" / "config cannot be empty"). */
export function requireObject(body: unknown, what: string): Json {
  if (body === undefined || body === null) throw new EngineApiError(400, `${what} cannot be empty`)
  if (typeof body !== 'object' || Array.isArray(body))
    throw new EngineApiError(
      400,
      `invalid JSON: cannot unmarshal ${Array.isArray(body) ? 'array' : typeof body} into Go value`,
    )
  return body as Json
}

/**
 * POST /networks/create's body (types.NetworkCreateRequest).
 *
 * @example
 * networkCreateOfBody({ Name: 'app', IPAM: { Config: [{ Subnet: '10.1.0.0/24' }] } }).subnets // ['10.1.0.0/24']
 */
export function networkCreateOfBody(body: unknown): NetworkCreateCommand {
  const b = requireObject(body, 'network configuration')
  const ipam = obj(b.IPAM)
  const configs = Array.isArray(ipam.Config) ? ipam.Config.map(obj) : []
  const configFrom = str(obj(b.ConfigFrom).Network)
  return {
    kind: 'network create',
    name: str(b.Name),
    driver: str(b.Driver) || 'bridge',
    subnets: configs.map((c) => str(c.Subnet)).filter(Boolean),
    gateways: configs.map((c) => str(c.Gateway)).filter(Boolean),
    ipRanges: configs.map((c) => str(c.IPRange)).filter(Boolean),
    auxAddresses: configs.flatMap((c) =>
      Object.entries(record(c.AuxiliaryAddresses)).map(([k, v]) => `${k}=${v}`),
    ),
    internal: b.Internal === true,
    attachable: b.Attachable === true,
    ingress: b.Ingress === true,
    ipv6: b.EnableIPv6 === true,
    labels: record(b.Labels),
    options: record(b.Options),
    ipamDriver: str(ipam.Driver) || 'default',
    ipamOptions: record(ipam.Options),
    scope: str(b.Scope),
    ...(b.ConfigOnly === true ? { configOnly: true } : {}),
    ...(configFrom ? { configFrom } : {}),
  }
}

/** HostConfig.PortBindings as the CLI's publish specs. */
function publishOf(bindings: Json): PublishSpec[] {
  const out: PublishSpec[] = []
  for (const [key, list] of Object.entries(bindings)) {
    const [port = '', proto = 'tcp'] = key.split('/')
    for (const binding of Array.isArray(list) ? list.map(obj) : []) {
      out.push({
        hostIp: str(binding.HostIp),
        hostPort: str(binding.HostPort),
        containerPort: Number(port),
        proto: proto as PublishSpec['proto'],
      })
    }
  }
  return out
}

/**
 * POST /containers/create's body (container.Config with HostConfig and
 * NetworkingConfig) and its `name` query, as `docker create` parsed.
 *
 * @example
 * createOfBody({ Image: 'nginx', HostConfig: { NetworkMode: 'app' } }, 'web').network // 'app'
 */
export function createOfBody(body: unknown, name: string | undefined): RunCommand {
  const b = requireObject(body, 'config')
  const host = obj(b.HostConfig)
  const image = str(b.Image)
  if (image === '') throw new EngineApiError(400, 'no command specified')
  const mode = str(host.NetworkMode)
  const endpoints = Object.entries(obj(obj(b.NetworkingConfig).EndpointsConfig)).map(([target, v]) => {
    const e = obj(v)
    const ipam = obj(e.IPAMConfig)
    return {
      target,
      aliases: strings(e.Aliases),
      links: strings(e.Links),
      linkLocalIps: strings(ipam.LinkLocalIPs),
      driverOpts: record(e.DriverOpts),
      ...(str(ipam.IPv4Address) ? { ip: str(ipam.IPv4Address) } : {}),
      ...(str(ipam.IPv6Address) ? { ip6: str(ipam.IPv6Address) } : {}),
      mac: str(e.MacAddress),
    }
  })
  const first = endpoints.find((e) => e.target === mode) ?? endpoints[0]
  const publish = publishOf(obj(host.PortBindings))
  const published = new Set(publish.map((p) => `${p.containerPort}/${p.proto}`))
  const restart = str(obj(host.RestartPolicy).Name)
  const mac = str(b.MacAddress) || first?.mac || ''
  return {
    kind: 'create',
    detach: true,
    ...(name ? { name } : {}),
    labels: record(b.Labels),
    ...(mode && mode !== 'default' ? { network: mode } : {}),
    publish,
    publishAll: host.PublishAllPorts === true,
    expose: Object.keys(obj(b.ExposedPorts)).filter((p) => !published.has(p)),
    ...(first?.ip ? { ip: first.ip } : {}),
    ...(first?.ip6 ? { ip6: first.ip6 } : {}),
    ...(mac ? { mac } : {}),
    aliases: first?.aliases ?? [],
    ...(str(b.Hostname) ? { hostname: str(b.Hostname) } : {}),
    ...(str(b.Domainname) ? { domainname: str(b.Domainname) } : {}),
    dns: strings(host.Dns),
    ...(strings(host.DnsSearch).length ? { dnsSearch: strings(host.DnsSearch) } : {}),
    ...(strings(host.DnsOptions).length ? { dnsOptions: strings(host.DnsOptions) } : {}),
    addHosts: strings(host.ExtraHosts),
    // The CLI sends --link in HostConfig.Links and, on a user network, in its endpoint too: once each.
    links: [...new Set([...strings(host.Links), ...(first?.links ?? [])])],
    rm: host.AutoRemove === true,
    image,
    cmd: strings(b.Cmd),
    ...(first?.linkLocalIps.length ? { linkLocalIps: first.linkLocalIps } : {}),
    ...(Object.keys(record(host.Sysctls)).length ? { sysctls: record(host.Sysctls) } : {}),
    ...(endpoints.length > 1 ? { networks: endpoints.map(({ mac: _mac, ...e }) => e) } : {}),
    ...(restart && restart !== 'no' ? { restart } : {}),
    ...(host.Privileged === true ? { privileged: true } : {}),
    ...(strings(host.CapAdd).length ? { capAdd: strings(host.CapAdd) } : {}),
  }
}
