/**
 * The lab file's schema (schema 1): every field of LabState with its type
 * and a sane range. A hand-edited or damaged file is refused on load, with
 * the path of the first wrong field, instead of loading and then quietly
 * misbehaving (a counter of 1e300 no longer moves when incremented, so two
 * containers would get the same ID).
 */
import { cidrSize, parseCidr, parseIPv4 } from '../../ipam/ipv4.js'
import { parseCidr6, parseIPv6 } from '../../ipam/ipv6.js'
import { isIpv6Text } from '../../ipam/subnet-family.js'
import type { LabState } from '../../model/state.js'
import {
  array,
  boolean,
  either,
  formatPath,
  type Infer,
  integer,
  nullable,
  object,
  oneOf,
  optional,
  type Path,
  record,
  refine,
  string,
  tuple,
} from './field-schema.js'

const MAX_SAFE = Number.MAX_SAFE_INTEGER
const UINT32 = 2 ** 32 - 1
/**
 * The last second Go's RFC 3339 formatting (and so docker inspect) can
 * print: 9999-12-31T23:59:59Z. Every timestamp in a lab is one of these.
 */
export const MAX_CLOCK = 253402300799
/** Linux's PID_MAX_LIMIT (include/linux/threads.h): no process id is larger. */
const PID_MAX_LIMIT = 4194304

const port = integer(0, 65535)
const time = integer(0, MAX_CLOCK)
const ifindex = integer(1, 2 ** 31 - 1)
const text = string()
const name = string()
const proto = oneOf('tcp', 'udp', 'sctp')
const labels = record(text)
/** The engine parses these again and again: a lab holds them only well formed. */
const ipv4 = refine(string(), (v, path) =>
  parseIPv4(v) === undefined ? `${formatPath(path)}: must be an IPv4 address` : undefined,
)
const cidr = refine(string(), (v, path) =>
  parseCidr(v) === undefined ? `${formatPath(path)}: must be an IPv4 subnet (a.b.c.d/n)` : undefined,
)
const ipv6 = refine(string(), (v, path) =>
  parseIPv6(v) === undefined ? `${formatPath(path)}: must be an IPv6 address` : undefined,
)
const cidr6 = refine(string(), (v, path) =>
  parseCidr6(v) === undefined ? `${formatPath(path)}: must be an IPv6 subnet (x:y::/n)` : undefined,
)
/** An IPAM.Config subnet, of either family. */
const anyCidr = refine(string(), (v, path) =>
  (isIpv6Text(v) ? parseCidr6(v) : parseCidr(v)) === undefined
    ? `${formatPath(path)}: must be an IPv4 or IPv6 subnet`
    : undefined,
)

const profile = object({
  // The engine whose behaviour the lab follows (engine-profiles/behaviour-of.ts).
  version: oneOf('20.10', '28'),
  userlandProxy: boolean,
  ephemeralPorts: tuple(integer(1, 65535), integer(1, 65535)),
  bip: text,
  mtu: integer(0, UINT32),
  kernel: object({ ipvlan: boolean, dummy: boolean, vlan: boolean, ipvs: optional(boolean) }),
  ipv6Proxy: boolean,
})

const linkAddress = object({
  local: ipv4,
  prefixlen: integer(0, 32),
  broadcast: optional(ipv4),
  scope: oneOf('host', 'link', 'global'),
})

const linkAddress6 = object({
  local: ipv6,
  prefixlen: integer(0, 128),
  scope: oneOf('host', 'link', 'global'),
  nodad: optional(oneOf(true)),
})

const linkRef = object({ ifindex, namespace: name })

const link = object({
  ifindex,
  ifname: string({
    maxLength: 15,
    pattern: /^[^\s/]+$/,
    describe: 'an interface name (1 to 15 characters, no spaces or slashes)',
  }),
  kind: oneOf('loopback', 'ether', 'bridge', 'veth', 'macvlan', 'ipvlan', 'vxlan'),
  flags: array(name, 64),
  mtu: integer(0, UINT32),
  address: name,
  operstate: oneOf('UP', 'DOWN', 'UNKNOWN', 'LOWERLAYERDOWN'),
  master: optional(name),
  peer: optional(linkRef),
  parent: optional(object({ ifindex, namespace: name, ifname: name })),
  info: optional(record(either(name, integer(-MAX_SAFE, MAX_SAFE), 'must be a string or an integer'))),
  addrs: array(linkAddress),
  addrs6: optional(array(linkAddress6)),
})

const route = object({
  dst: either(oneOf('default'), cidr, 'must be "default" or an IPv4 subnet'),
  gateway: optional(ipv4),
  dev: name,
  protocol: optional(oneOf('kernel', 'boot', 'static', 'dhcp')),
  scope: optional(oneOf('link', 'host')),
  prefsrc: optional(ipv4),
  metric: optional(integer(0, UINT32)),
  flags: optional(array(name, 64)),
})

const route6 = object({
  dst: oneOf('default'),
  gateway: ipv6,
  dev: name,
  metric: integer(0, UINT32),
})

const namespace = object({
  id: name,
  links: array(link),
  routes: array(route),
  routes6: optional(array(route6)),
  sysctls: optional(record(name)),
  nextIfindex: ifindex,
  neighbors: optional(array(object({ ip: ipv4, lladdr: name, dev: name }))),
  fdb: optional(array(object({ mac: name, dev: name, dst: ipv4 }))),
})

/**
 * A configuration network (`--config-only`) keeps its IPAM fields as the CLI
 * sent them: the daemon parses only the subnet (daemon/network.go
 * getIpamConfig) and validates the rest when a network is made from it
 * (seen on a real 20.10.24: Gateway "10.204.0.128/25" stored verbatim). Every
 * other network holds them well formed; `network` below checks that.
 */
const ipamConfig = object({
  subnet: anyCidr,
  gateway: optional(text),
  ipRange: optional(text),
  auxAddresses: optional(record(name)),
})

function ipamFieldProblem(config: Infer<typeof ipamConfig>[], path: Path): string | undefined {
  for (const [i, c] of config.entries()) {
    const at = `${formatPath(path)}.ipam.config[${i}]`
    if (isIpv6Text(c.subnet)) {
      if (c.gateway !== undefined && parseIPv6(c.gateway) === undefined)
        return `${at}.gateway: must be an IPv6 address`
      if (c.ipRange !== undefined && parseCidr6(c.ipRange) === undefined)
        return `${at}.ipRange: must be an IPv6 subnet (x:y::/n)`
      continue
    }
    if (c.gateway !== undefined && parseIPv4(c.gateway) === undefined)
      return `${at}.gateway: must be an IPv4 address`
    if (c.ipRange !== undefined && parseCidr(c.ipRange) === undefined)
      return `${at}.ipRange: must be an IPv4 subnet (a.b.c.d/n)`
  }
  return undefined
}

/**
 * A subnet's allocation bitmap as runs: [start, end) offsets, each run
 * non-empty, apart from the next, and inside the subnet (ipam/address-set).
 */
const pool = refine(
  object({
    subnet: cidr,
    allocated: array(integer(0, 2 ** 32)),
    cursor: integer(0, 2 ** 32),
    space: oneOf('local', 'global'),
    predefined: boolean,
  }),
  (p, path) => {
    const size = cidrSize((parseCidr(p.subnet) as { prefix: number }).prefix)
    const runs = p.allocated
    const ordered = runs.length % 2 === 0 && runs.every((v, i) => i === 0 || v > (runs[i - 1] as number))
    if (!ordered || (runs.at(-1) ?? 0) > size)
      return `${formatPath(path)}.allocated: must be ascending [start, end) runs inside ${p.subnet}`
    if (p.cursor > size) return `${formatPath(path)}.cursor: must be inside ${p.subnet} (0..${size})`
    return undefined
  },
)

/** An IPv6 subnet's taken addresses (ipam/pool6.ts). */
const pool6 = object({
  subnet: cidr6,
  allocated: array(ipv6),
  predefined: boolean,
})

const endpoint = object({
  id: name,
  name,
  networkId: name,
  containerId: name,
  /** "" on host and none, which give no address. */
  ipv4: either(oneOf(''), ipv4, 'must be "" or an IPv4 address'),
  prefixlen: integer(0, 32),
  mac: name,
  ifname: name,
  hostVeth: optional(name),
  aliases: array(name),
  requestedIp: optional(name),
  gateway: either(oneOf(''), ipv4, 'must be "" or an IPv4 address'),
  ipv6: optional(ipv6),
  prefixlen6: optional(integer(0, 128)),
  gateway6: optional(either(oneOf(''), ipv6, 'must be "" or an IPv6 address')),
})

const network = refine(
  object({
    id: name,
    name,
    driver: oneOf('bridge', 'host', 'null', 'macvlan', 'ipvlan', 'overlay'),
    scope: oneOf('local', 'swarm'),
    created: time,
    internal: boolean,
    attachable: boolean,
    ingress: boolean,
    enableIPv6: boolean,
    ipam: object({ driver: oneOf('default'), config: array(ipamConfig), options: nullable(record(text)) }),
    options: record(text),
    labels,
    device: optional(name),
    instantiated: optional(boolean),
    /** VXLAN network identifiers are 24 bits (RFC 7348). */
    vni: optional(integer(0, 2 ** 24 - 1)),
    gateway: optional(ipv4),
    pool: optional(pool),
    pool6: optional(pool6),
    gateway6: optional(ipv6),
    endpoints: record(endpoint),
    configOnly: optional(boolean),
    configFrom: optional(name),
    peers: optional(
      array(
        object({
          name,
          endpointId: name,
          containerId: name,
          ipv4,
          prefixlen: integer(0, 32),
          mac: name,
          vtep: ipv4,
          node: name,
          peerName: optional(name),
        }),
      ),
    ),
    peerNodes: optional(array(object({ name, ip: ipv4 }))),
    services: optional(array(object({ name, vip: optional(ipv4), tasks: array(ipv4) }))),
  }),
  (n, path) => (n.configOnly ? undefined : ipamFieldProblem(n.ipam.config, path)),
)

const container = object({
  id: name,
  swarmTask: optional(oneOf(true)),
  name,
  image: text,
  cmd: array(text),
  hostname: name,
  created: time,
  state: oneOf('created', 'running', 'exited'),
  pid: integer(0, PID_MAX_LIMIT),
  startedAt: optional(time),
  finishedAt: optional(time),
  networkMode: text,
  sharesWith: optional(name),
  macAddress: optional(name),
  portBindings: array(object({ containerPort: port, proto, hostIp: name, hostPort: name })),
  endpointConfigs: array(
    object({
      network: text,
      ip: optional(name),
      ip6: optional(name),
      aliases: array(name),
      mac: optional(name),
      fromConnect: optional(boolean),
      links: optional(array(text)),
      userNetworkAtCreate: optional(boolean),
    }),
  ),
  endpoints: record(name),
  ports: array(object({ containerPort: port, proto, hostIp: name, hostPort: port })),
  portNetworkId: optional(name),
  sandboxId: optional(name),
  sandbox: optional(name),
  nextIfIndex: integer(0, 2 ** 31 - 1),
  labels,
  domainname: optional(text),
  dns: optional(array(text)),
  dnsSearch: optional(array(text)),
  dnsOptions: optional(array(text)),
  extraHosts: optional(array(text)),
  links: optional(array(text)),
  sysctls: optional(record(text)),
  etc: optional(object({ hosts: text, resolvConf: text })),
  filesOf: optional(name),
  hostnameFile: optional(boolean),
})

const rule = object({
  src: optional(name),
  dst: optional(name),
  inIface: optional(name),
  outIface: optional(name),
  notSrc: optional(boolean),
  notDst: optional(boolean),
  notIn: optional(boolean),
  notOut: optional(boolean),
  proto: optional(oneOf('tcp', 'udp', 'sctp', 'icmp')),
  dstType: optional(oneOf('LOCAL')),
  srcType: optional(oneOf('LOCAL')),
  ctstate: optional(name),
  dport: optional(port),
  jump: name,
  unparsed: optional(text),
  toDestination: optional(name),
  toSource: optional(name),
})

// The daemon settings the lab was started with (model/daemon-settings.ts), as daemon.json keys.
const daemon = object({
  bip: optional(text),
  'fixed-cidr': optional(cidr),
  'default-address-pools': optional(array(object({ base: cidr, size: integer(0, 32) }), 1024)),
  mtu: optional(integer(68, 65535)),
  icc: optional(boolean),
  'ip-masq': optional(boolean),
  iptables: optional(boolean),
  'ip-forward': optional(boolean),
  'userland-proxy': optional(boolean),
  'default-network-opts': optional(record(record(text))),
})

const table = object({ chains: record(object({ policy: oneOf('ACCEPT', 'DROP', '-'), rules: array(rule) })) })

/** The whole lab file. */
export const labSchema = object({
  schema: oneOf(1),
  profile,
  daemon: optional(daemon),
  rng: object({ seed: integer(0, UINT32), counter: integer(0, MAX_SAFE) }),
  clock: time,
  host: object({
    hostname: name,
    nameservers: array(name, 64),
    resolvConf: optional(text),
    hostsFile: optional(text),
  }),
  namespaces: record(namespace),
  ipam: object({ localCursor: integer(0, MAX_SAFE), globalCursor: integer(0, MAX_SAFE) }),
  networks: array(network),
  containers: record(container),
  swarm: nullable(
    object({
      nodeId: name,
      advertiseAddr: name,
      nextVni: integer(0, 2 ** 24),
      peerName: name,
      workerToken: optional(name),
      managerToken: optional(name),
      role: optional(oneOf('worker')),
    }),
  ),
  netfilter: object({ nat: table, filter: table, raw: optional(table), mangle: optional(table) }),
  netfilter6: optional(object({ nat: table, filter: table, raw: optional(table), mangle: optional(table) })),
  hostPorts: record(
    array(
      object({
        hostIp: name,
        hostPort: port,
        proto,
        containerId: name,
        containerIp: name,
        containerPort: port,
      }),
    ),
  ),
  containerNames: record(name),
  portCursor: record(port),
  nextPid: integer(1, PID_MAX_LIMIT),
  listeners: optional(
    array(
      object({
        container: optional(name),
        protocol: oneOf('tcp', 'udp'),
        port: integer(1, 65535),
        address: either(ipv4, ipv6, 'must be an IPv4 or IPv6 address'),
        via: oneOf('exec', 'listen'),
      }),
    ),
  ),
})

// The schema accepts exactly LabState: the compiler fails here when the model gains a field the schema lacks.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemaIsLabState: Same<Infer<typeof labSchema>, LabState> = true
void schemaIsLabState
