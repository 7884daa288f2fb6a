import { behaviourOfVersion } from '../engine-profiles/behaviour-of.js'
import { modelledEngineOf } from '../engine-profiles/engine-version.js'
import { hostViewNamespaces } from './host-view.js'
import { maskListAges } from './mask-list-ages.js'
import { maskMachineFiles, maskMachineHostname } from './mask-machine-files.js'
import type { ObservedMachine, RawObservation } from './raw-observation.js'

/**
 * An observation reduced to the facts netmodes models, as a flat map from a
 * readable path (`containers/web/networks/app/IPAddress`) to a value. Random
 * IDs, veth names, timestamps and kernel interface indexes are replaced by
 * what they stand for, so two runs of one scenario on fresh engines, or the
 * simulator and an engine, give comparable documents.
 */
export type Observation = Record<string, string>

type Doc = Record<string, unknown>
const str = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v ?? null))
const obj = (v: unknown): Doc => (v && typeof v === 'object' ? (v as Doc) : {})

/** Builds the renaming of every generated identifier to a stable name. */
const MAC = /\b[0-9a-f]{2}(:[0-9a-f]{2}){5}\b/g

/**
 * On an engine whose endpoint and bridge MACs are random (28, ENGINE-28.md
 * section 9), every MAC but a derived 02:42 one (overlay endpoints) is
 * masked: two runs agree on them only as "some random MAC". Engines that
 * derive MACs (20.10) keep them as facts.
 */
function macMask(engine: string): (text: string) => string {
  const version = modelledEngineOf(engine)
  if (version === undefined || !behaviourOfVersion(version).randomMacs) return (text) => text
  return (text) => text.replace(MAC, (mac) => (mac.startsWith('02:42:') ? mac : '<mac>'))
}

function identities(raw: RawObservation): (text: string) => string {
  const macs = macMask(raw.engine)
  const pairs: [string, string][] = []
  for (const n of raw.networks) {
    const id = str(n.Id)
    const name = str(n.Name)
    pairs.push(
      [`br-${id.slice(0, 12)}`, `br-<${name}>`],
      [id, `<net:${name}>`],
      [id.slice(0, 12), `<net12:${name}>`],
    )
    for (const [cid, ep] of Object.entries(obj(n.Containers))) {
      pairs.push([str(obj(ep).EndpointID), `<ep:${name}/${str(obj(ep).Name)}>`])
      void cid
    }
  }
  for (const n of raw.networks) {
    for (const peer of Array.isArray(n.Peers) ? n.Peers : []) pairs.push([str(obj(peer).Name), '<peer>'])
  }
  for (const c of raw.containers) {
    const id = str(c.Id)
    const name = str(c.Name).replace(/^\//, '')
    const sandbox = str(obj(c.NetworkSettings).SandboxKey).split('/').pop() ?? ''
    const sandboxId = str(obj(c.NetworkSettings).SandboxID)
    pairs.push([id, `<ctr:${name}>`], [id.slice(0, 12), `<ctr12:${name}>`], [sandboxId, `<sandbox:${name}>`])
    if (sandbox) pairs.push([sandbox, `<sandbox:${name}>`])
  }
  // Longest first, so a full ID is renamed before its 12-character prefix.
  const ordered = pairs.filter(([from]) => from.length >= 8).sort((a, b) => b[0].length - a[0].length)
  return (text) => {
    // A failed endpoint's id names nothing that survives: never rename it after a live object.
    let out = text.replace(/on endpoint (\S+) \([0-9a-f]{64}\)/g, 'on endpoint $1 (<id>)')
    for (const [from, to] of ordered) out = out.split(from).join(to)
    return (
      out
        .replace(/\bveth[0-9a-f]{7}\b/g, 'veth*')
        .replace(/\b[0-9a-f]{64}\b/g, '<id>')
        .replace(/\bSWMTKN-1-[0-9a-z-]+/g, '<token>')
        .replace(/current node \([0-9a-z]{25}\)/g, 'current node (<node>)')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
        // A sandbox's namespace is mounted under the daemon's --exec-root (default
        // /var/run/docker): that is how the daemon was started, not what Docker did.
        .replace(/\/[^"\s]*\/netns\/(<sandbox:|default\b)/g, '<exec-root>/netns/$1')
        // A container's directory is under the daemon's --data-root (see maskDataRoot), wherever a
        // line prints it (etc-files: `docker inspect -f '{{.HostnamePath}}'`).
        .replace(/\/[^"\s]*(\/containers\/(?:<ctr:[^>\s]*>|<id>)\/)/g, '<data-root>$1')
        .replace(MAC, (mac) => macs(mac))
    )
  }
}

const LIST_COMMAND = /^docker ((container )?(ps|ls|list)|network (ls|list))\b/

function containerSubset(d: Doc, machine: ObservedMachine | undefined): Doc {
  const host = obj(d.HostConfig)
  const config = obj(d.Config)
  return {
    Id: d.Id,
    Name: d.Name,
    State: { Status: obj(d.State).Status, Running: obj(d.State).Running },
    HostConfig: { NetworkMode: host.NetworkMode, PortBindings: host.PortBindings },
    Config: {
      Hostname: maskMachineHostname(config.Hostname, machine),
      ExposedPorts: config.ExposedPorts,
      MacAddress: config.MacAddress ?? null,
    },
    NetworkSettings: d.NetworkSettings,
  }
}

/** JSON output (inspect) with keys sorted: Go sorts map keys by the random IDs, which differ between hosts. */
function canonicalJson(text: string, machine?: ObservedMachine): string {
  if (!/^\s*[[{]/.test(text)) return text
  try {
    // A service's tasks come from a Go map: their order is random, so they are compared by name.
    const byName = (list: unknown[]) =>
      [...list].sort((a, b) => (str(obj(a).Name) < str(obj(b).Name) ? -1 : 1))
    const sortKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sortKeys)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v as Doc)
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([k, x]) => [k, sortKeys(k === 'Tasks' && Array.isArray(x) ? byName(x) : x)]),
            )
          : v
    const parsed = JSON.parse(text) as unknown
    // A container's inspect document is compared on what netmodes models: identity, network config and state.
    const modelled = Array.isArray(parsed)
      ? parsed.map((d) => (obj(d).State && obj(d).NetworkSettings ? containerSubset(obj(d), machine) : d))
      : parsed
    return `${JSON.stringify(sortKeys(modelled), null, 4)}\n`
  } catch {
    return text
  }
}

/**
 * `docker network prune`'s report lists the networks in the order
 * libnetwork's datastore cache yields them, a Go map's: random. It is
 * compared as a set (sorted); containers come in daemon.List's order
 * (newest first) and stay as they are.
 */
function canonicalPruneReport(command: string, stdout: string): string {
  if (!/^docker network prune\b/.test(command)) return stdout
  return stdout.replace(/^(Deleted Networks:\n)((?:.+\n)+)/m, (_, heading: string, names: string) => {
    const sorted = names
      .split('\n')
      .filter(Boolean)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    return `${heading}${sorted.map((n) => `${n}\n`).join('')}`
  })
}

function flatten(out: Observation, path: string, value: unknown, rename: (s: string) => string): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Doc)
    if (entries.length === 0) out[path] = '{}'
    for (const [k, v] of entries) flatten(out, `${path}/${rename(k)}`, v, rename)
    return
  }
  out[path] = rename(str(value))
}

const NETWORK_FIELDS = [
  'Driver',
  'Scope',
  'EnableIPv6',
  'Internal',
  'Attachable',
  'Ingress',
  'Options',
  'Labels',
] as const
const ENDPOINT_FIELDS = [
  'IPAddress',
  'IPPrefixLen',
  'Gateway',
  'MacAddress',
  'Aliases',
  'IPAMConfig',
] as const

const IPV6_ENDPOINT_FIELDS = ['GlobalIPv6Address', 'GlobalIPv6PrefixLen', 'IPv6Gateway'] as const

function normalizeLinks(addr: unknown[], rename: (s: string) => string, onlyDocker: boolean) {
  const facts: Record<string, unknown> = {}
  const vethsPerBridge: Record<string, number> = {}
  for (const raw of addr) {
    const l = obj(raw)
    const name = str(l.ifname)
    if (onlyDocker && !/^(docker0|docker_gwbridge|br-|veth|dm-|di-)/.test(name)) continue
    if (name.startsWith('veth') && onlyDocker) {
      const master = rename(str(l.master))
      vethsPerBridge[master] = (vethsPerBridge[master] ?? 0) + 1
      continue
    }
    const inet = (Array.isArray(l.addr_info) ? l.addr_info : [])
      .map(obj)
      .filter((a) => a.family === 'inet')
      .map(
        (a) =>
          `${str(a.local)}/${str(a.prefixlen)}${a.broadcast ? ` brd ${str(a.broadcast)}` : ''} scope ${str(a.scope)}`,
      )
    // The IPv6 addresses Docker configures (scope global: a gateway, an endpoint's address);
    // link-local ones are the kernel's, derived from MACs that are random on veths.
    const inet6 = (Array.isArray(l.addr_info) ? l.addr_info : [])
      .map(obj)
      .filter((a) => a.family === 'inet6' && a.scope === 'global')
      .map((a) => `${str(a.local)}/${str(a.prefixlen)} scope global${a.nodad ? ' nodad' : ''}`)
    // The kernel gives veths random MACs; Docker sets only the container end's.
    const mac = /^veth[0-9a-f]{7}$/.test(name) ? 'random' : rename(str(l.address))
    facts[rename(name)] = {
      flags: (Array.isArray(l.flags) ? l.flags : []).join(','),
      mtu: l.mtu,
      operstate: l.operstate,
      // A bridge's MAC is random (02:42 + 4 random bytes); an endpoint's is derived from its address.
      address: l.link_type === 'ether' && /^(docker0|docker_gwbridge|br-)/.test(name) ? mac.slice(0, 5) : mac,
      master: l.master ? rename(str(l.master)) : '',
      inet: inet.join(', '),
      // Only where there is one: no recording before IPv6 networks has any.
      ...(inet6.length > 0 ? { inet6: inet6.join(', ') } : {}),
    }
  }
  if (onlyDocker) facts.veths = vethsPerBridge
  return facts
}

function normalizeRoutes(route: unknown[], rename: (s: string) => string, onlyDocker: boolean): string[] {
  return route
    .map(obj)
    .filter((r) => !onlyDocker || /^(docker0|docker_gwbridge|br-)/.test(str(r.dev)))
    .map((r) =>
      rename(
        [
          str(r.dst),
          r.gateway ? `via ${str(r.gateway)}` : '',
          `dev ${str(r.dev)}`,
          r.protocol ? `proto ${str(r.protocol)}` : '',
          r.scope ? `scope ${str(r.scope)}` : '',
          r.prefsrc ? `src ${str(r.prefsrc)}` : '',
          Array.isArray(r.flags) ? r.flags.join(' ') : '',
        ]
          .filter(Boolean)
          .join(' '),
      ),
    )
}

/** Splits `iptables-save` into one fact per chain (its policy and its rules in order). */
function normalizeIptables(text: string, rename: (s: string) => string): Record<string, string> {
  const chains: Record<string, string[]> = {}
  for (const line of text.split('\n')) {
    const decl = line.match(/^:(\S+) (\S+)/)
    if (decl) chains[decl[1] as string] = [`policy ${decl[2]}`]
    const rule = line.match(/^-A (\S+) (.*)$/)
    if (!rule) continue
    const chain = chains[rule[1] as string]
    const spec = rename(rule[2] as string)
    // libnetwork's arrangeUserFilterRule (firewall_linux.go) re-ensures FORWARD's
    // jump to DOCKER-USER with a check, a delete and an insert that are not one
    // step; two callers at once (the swarm agent creating docker_gwbridge and
    // the API creating a network) can leave the jump twice, as a real 20.10.24
    // did once in probes-overlay. A repeated jump decides nothing more, so the
    // engine's two outcomes compare as one.
    if (rule[1] === 'FORWARD' && spec === '-j DOCKER-USER' && chain?.at(-1) === spec) continue
    chain?.push(spec)
  }
  return Object.fromEntries(Object.entries(chains).map(([k, v]) => [k, v.join('\n')]))
}

/**
 * A container's files live under the daemon's data root (`--data-root`,
 * /var/lib/docker by default; the test engine 28 runs with one of its own):
 * a daemon setting, not the engine's doing. The path below it is compared.
 *
 * @example
 * maskDataRoot('/srv/docker/containers/<64 hex>/hosts') // '<data-root>/containers/<64 hex>/hosts'
 */
function maskDataRoot(path: string): string {
  return path.replace(/^.*(\/containers\/[0-9a-f]{64}\/(?:hosts|hostname|resolv\.conf))$/, '<data-root>$1')
}

/**
 * Reduces a raw observation to comparable facts.
 *
 * @example
 * const facts = normalizeObservation(observeLab(lab))
 * facts['containers/web/networks/bridge/IPAddress'] // "172.17.0.2"
 */
export function normalizeObservation(raw: RawObservation): Observation {
  const rename = identities(raw)
  const out: Observation = {}
  // The docker lines' answers, and the `host` lines' (what iproute2 and sysctl said).
  raw.steps
    .filter((s) => s.command.startsWith('docker ') || s.command.startsWith('host '))
    .forEach((s, i) => {
      const key = `steps/${String(i + 1).padStart(2, '0')} ${s.command}`
      out[`${key}/exit`] = String(s.exit)
      // The lists print ages and times of the client's clock: masked (see maskListAges).
      out[`${key}/stdout`] = LIST_COMMAND.test(s.command)
        ? maskListAges(s.stdout, rename)
        : canonicalJson(canonicalPruneReport(s.command, rename(s.stdout)), raw.machine)
      out[`${key}/stderr`] = rename(s.stderr)
    })
  ;(raw.traces ?? []).forEach((t, i) => {
    out[`traces/${String(i + 1).padStart(2, '0')} ${t.command}`] = t.delivered ? 'delivered' : 'dropped'
  })
  for (const n of raw.networks) {
    const base = `networks/${str(n.Name)}`
    for (const f of NETWORK_FIELDS) flatten(out, `${base}/${f}`, n[f], rename)
    flatten(out, `${base}/IPAM/Config`, obj(n.IPAM).Config, rename)
    for (const ep of Object.values(obj(n.Containers)).map(obj)) {
      const at = `${base}/Containers/${rename(str(ep.Name))}`
      out[`${at}/IPv4Address`] = str(ep.IPv4Address)
      out[`${at}/MacAddress`] = rename(str(ep.MacAddress))
      // Only where there is one, as for the IPv6 fields below.
      if (str(ep.IPv6Address) !== '') out[`${at}/IPv6Address`] = rename(str(ep.IPv6Address))
    }
  }
  for (const c of raw.containers) {
    const base = `containers/${str(c.Name).replace(/^\//, '')}`
    const state = obj(c.State)
    const settings = obj(c.NetworkSettings)
    out[`${base}/State/Status`] = str(state.Status)
    out[`${base}/HostConfig/NetworkMode`] = rename(str(obj(c.HostConfig).NetworkMode))
    flatten(out, `${base}/NetworkSettings/Ports`, settings.Ports, rename)
    for (const f of ['IPAddress', 'Gateway', 'MacAddress', 'IPPrefixLen'] as const) {
      out[`${base}/NetworkSettings/${f}`] = rename(str(settings[f]))
    }
    // The name-resolution settings and where the daemon keeps the files made from them.
    for (const f of ['Dns', 'DnsSearch', 'DnsOptions', 'ExtraHosts', 'Links', 'Sysctls'] as const) {
      out[`${base}/HostConfig/${f}`] = rename(str(obj(c.HostConfig)[f]))
    }
    out[`${base}/Config/Domainname`] = str(obj(c.Config).Domainname)
    for (const f of ['ResolvConfPath', 'HostsPath', 'HostnamePath'] as const) {
      out[`${base}/${f}`] = rename(maskDataRoot(str(c[f])))
    }
    for (const [name, ep] of Object.entries(obj(settings.Networks))) {
      for (const f of ENDPOINT_FIELDS) flatten(out, `${base}/networks/${name}/${f}`, obj(ep)[f], rename)
      // An endpoint's IPv6 settings, compared where the engine gave one (no recording
      // before IPv6 networks has any, so their facts stay as they were).
      for (const f of IPV6_ENDPOINT_FIELDS) {
        const value = str(obj(ep)[f])
        if (value !== '' && value !== '0' && value !== 'null')
          out[`${base}/networks/${name}/${f}`] = rename(value)
      }
      out[`${base}/networks/${name}/EndpointID`] = str(obj(ep).EndpointID) === '' ? '' : 'set'
    }
  }
  // The host's namespace is compared on what Docker made in it, wherever it is seen
  // from (a --network host container lists the same links): the machine's own
  // links, and those a scenario's `host` lines made, are not the engine's doing.
  const hostViews = hostViewNamespaces(raw)
  for (const [name, ns] of Object.entries(raw.namespaces)) {
    const onlyDocker = hostViews.has(name)
    flatten(out, `namespaces/${name}/links`, normalizeLinks(ns.addr, rename, onlyDocker), (s) => s)
    normalizeRoutes(ns.route, rename, onlyDocker).forEach((r, i) => {
      out[`namespaces/${name}/routes/${i}`] = r
    })
  }
  for (const [name, observed] of Object.entries(raw.files ?? {})) {
    const files = maskMachineFiles(observed, raw.machine)
    out[`files/${name}/etc/hosts`] = rename(files.hosts)
    out[`files/${name}/etc/resolv.conf`] = rename(files.resolvConf)
    out[`files/${name}/etc/hostname`] = rename(files.hostname)
  }
  for (const [family, tables] of [
    ['iptables', raw.iptables],
    ['ip6tables', raw.ip6tables],
  ] as const) {
    for (const table of ['nat', 'filter', 'raw'] as const) {
      const text = tables?.[table]
      if (text === undefined) continue
      for (const [chain, rules] of Object.entries(normalizeIptables(text, rename))) {
        out[`${family}/${table}/${chain}`] = rules
      }
    }
  }
  return out
}
