/**
 * The kernel's view of networking, as iproute2 shows it: network namespaces,
 * their links, addresses and routes. The engine builds these the way Docker's
 * libnetwork does (one low-level operation at a time) and the views render
 * them as `ip addr`, `ip route` and `ip -j`.
 */

/** The device types Docker creates or uses (`ip -d link` "info_kind"). */
export type LinkKind = 'loopback' | 'ether' | 'bridge' | 'veth' | 'macvlan' | 'ipvlan' | 'vxlan'

/** One IPv4 address on a link (`ip addr` "inet" line). */
export interface LinkAddress {
  /** Dotted quad. */
  readonly local: string
  readonly prefixlen: number
  /** Broadcast address; absent for /31, /32 and loopback. */
  readonly broadcast?: string
  readonly scope: 'host' | 'link' | 'global'
}

/**
 * One IPv6 address on a link (`ip addr` "inet6" line) that Docker configured:
 * a network's gateway on its bridge, an endpoint's address in its sandbox.
 */
export interface LinkAddress6 {
  /** As Go and iproute2 print it (RFC 5952). */
  readonly local: string
  readonly prefixlen: number
  readonly scope: 'host' | 'link' | 'global'
  /** Added with IFA_F_NODAD (duplicate address detection skipped). */
  readonly nodad?: true
}

/** A network device inside one namespace. */
export interface Link {
  /** Kernel interface index, unique inside its namespace. */
  ifindex: number
  ifname: string
  kind: LinkKind
  /** `ip link` flags, e.g. ["BROADCAST","MULTICAST","UP","LOWER_UP"]. */
  flags: string[]
  mtu: number
  /** Link-layer address, lower-case colon hex. */
  address: string
  operstate: 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN'
  /** Name of the bridge this link is a port of. */
  master?: string
  /** veth: the peer's ifindex (`eth0@if7`), and the namespace it lives in when not this one. */
  peer?: { ifindex: number; namespace: string }
  /** macvlan, ipvlan, vlan: the parent link's ifindex in the host namespace (`eth0@if3`). */
  parent?: { ifindex: number; namespace: string; ifname: string }
  /** macvlan/ipvlan mode, vxlan id and similar driver details shown by `ip -d link`. */
  info?: Record<string, string | number>
  addrs: LinkAddress[]
  /**
   * IPv6 addresses, newest first within a scope and global before link, as
   * the kernel lists them (net/ipv6/addrconf.c ipv6_link_dev_addr). Only
   * links of IPv6-enabled networks hold any; the kernel's own link-local
   * address is derived from the MAC when rendered (views/ip-addr.ts).
   */
  addrs6?: LinkAddress6[]
}

/** One IPv4 route (`ip route`). */
export interface Route {
  /** "default" or a CIDR. */
  dst: string
  gateway?: string
  dev: string
  protocol?: 'kernel' | 'boot' | 'static' | 'dhcp'
  scope?: 'link' | 'host'
  prefsrc?: string
  metric?: number
  /** The address family's `linkdown` and similar flags. */
  flags?: string[]
}

/** An IPv6 route Docker adds (`ip -6 route add default via GW dev ethN`). */
export interface Route6 {
  /** "default". */
  readonly dst: 'default'
  readonly gateway: string
  readonly dev: string
  /** The kernel's default for a route added without one (IP6_RT_PRIO_USER). */
  readonly metric: number
}

/** A network namespace: the host's, or a container sandbox's. */
export interface Namespace {
  /** "host", or the sandbox key Docker would use (`/var/run/docker/netns/<12 hex>`). */
  id: string
  links: Link[]
  routes: Route[]
  /**
   * The IPv6 routes Docker adds (a sandbox's default route via its gateway
   * endpoint's IPv6 gateway). The kernel's own IPv6 routes (each address's
   * prefix, fe80::/64) follow from the addresses and are derived when
   * rendered (views/ip-route.ts).
   */
  routes6?: Route6[]
  /**
   * The sysctls a `sysctl -w` line set in this namespace (`net.ipv4.conf.eth0.route_localnet` -> "1");
   * a key not here has the kernel's default (kernel/sysctl.ts).
   */
  sysctls?: Record<string, string>
  /** Next interface index the kernel would hand out in this namespace. */
  nextIfindex: number
  /** Permanent neighbour entries (`ip neigh`): the overlay driver's, for endpoints on other nodes. */
  neighbors?: Neighbor[]
  /** Static forwarding entries of bridge ports (`bridge fdb ... self`): a VXLAN device's remote VTEPs. */
  fdb?: FdbEntry[]
}

/** `ip neigh add IP lladdr MAC dev DEV nud permanent`. */
export interface Neighbor {
  readonly ip: string
  readonly lladdr: string
  readonly dev: string
}

/** `bridge fdb add MAC dev DEV dst VTEP self permanent`: frames for MAC leave DEV encapsulated to VTEP. */
export interface FdbEntry {
  readonly mac: string
  readonly dev: string
  readonly dst: string
}
