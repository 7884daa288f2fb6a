/**
 * The packet tracer's vocabulary: what a trace is asked (endpoints, protocol,
 * port), what it walks through (hops), and what it answers (delivered, or
 * dropped at one place for one reason). Failure is a normal answer here, so
 * it is a result object, never an exception.
 */

import type { Lang } from '../i18n/messages.js'
import type { TableName } from '../model/netfilter.js'
import type { LabState } from '../model/state.js'

/** What a trace sends: a TCP connection, a UDP datagram, or an ICMP echo (ping). */
export type TraceProtocol = 'tcp' | 'udp' | 'icmp'

/**
 * One end of a trace. `port`/`protocol` given here win over the request's.
 *
 * @example
 * const web: TraceEndpoint = { kind: 'container', name: 'web', port: 80, protocol: 'tcp' }
 */
export type TraceEndpoint = (
  | { kind: 'container'; name: string }
  /** The host itself; as a destination, its primary address (the uplink's). */
  | { kind: 'host' }
  /** A machine on the host's LAN (the uplink's subnet), simulated. */
  | { kind: 'lan' }
  /** A machine on the internet, behind the LAN's router, simulated. */
  | { kind: 'internet' }
  /** A raw IPv4 address: whoever holds it (host, container, LAN or internet machine). */
  | { kind: 'address'; address: string }
) & { port?: number; protocol?: TraceProtocol }

/**
 * A trace request. Endpoints are texts as {@link parseEndpoint} reads them
 * ("web", "host:8080/tcp", "127.0.0.1:8080/tcp", "lan", "10.0.2.99") or
 * parsed endpoints.
 *
 * @example
 * const request: TraceRequest = { from: 'lan', to: 'host:8080/tcp' }
 */
export interface TraceRequest {
  from: string | TraceEndpoint
  to: string | TraceEndpoint
  /** Default "tcp". */
  protocol?: TraceProtocol
  /** Destination port (tcp, udp). */
  port?: number
  /**
   * How a container name given as destination becomes an address: "dns"
   * (default) asks the embedded DNS as an application in the source
   * container would; "address" takes the container's address as
   * `docker inspect` shows it. Sources other than containers always use the
   * address: the host does not query Docker's DNS.
   */
  resolve?: 'dns' | 'address'
  /**
   * Listeners the model cannot know ("web:80/tcp", "host:22/tcp",
   * "lan:53/udp"), beside the sockets the lab's commands opened
   * (`docker exec -d`, containers' commands, `listen` lines). Where the
   * scenario opens none in a namespace, a published port's container port
   * counts as a listener, and an image known to serve a port is assumed to.
   * Where some listener is known and the probed port is not among them, the
   * kernel refuses it ("nothing-listening": TCP RST, ICMP port unreachable);
   * where none is known the trace assumes the application answers, and says
   * so.
   */
  listening?: string[]
  /** The language of the drop reasons' sentences (default "en"); `reasonParams` is the same in every language. */
  lang?: Lang
  /**
   * 6: trace in IPv6 whatever `to` names (a container by its IPv6 address,
   * the host by the address the source reaches it at, the LAN or internet
   * machine by theirs); an IPv6 address as `to` is IPv6 anyway. Default 4.
   */
  family?: 4 | 6
}

/** A namespace id ("host", a sandbox key), or one of the simulated machines outside the host. */
export type Place = string

/**
 * One step of a packet's path. Every hop names the namespace, the interface
 * and what acted; in a lab of several hosts, also the host (`node`) whose
 * namespace it is.
 */
export type Hop = HopKind & { node?: string }

/** The hops without the host they happened on. */
export type HopKind =
  /** A name became an address: embedded DNS, docker inspect, or the namespace is shared. */
  | {
      kind: 'resolve'
      namespace: Place
      name: string
      /** `machine`: a LAN machine's own namespace (`ip netns add`), by the address on its device. */
      method: 'embedded-dns' | 'inspect' | 'shared-namespace' | 'machine' | 'not-resolved'
      address?: string
      network?: string
      /** `machine`: the device holding the address. */
      device?: string
    }
  /** The routing decision: which route of the namespace matched (or the local table). */
  | { kind: 'route'; namespace: Place; iface: string; dst: string; route: string; src: string }
  /** Crossing a veth pair into the namespace of its peer. */
  | { kind: 'veth'; namespace: Place; iface: string; peerNamespace: Place; peerIface: string }
  /** A Linux bridge moving the frame from one port to another, or up to the host's IP stack. */
  | { kind: 'bridge'; namespace: Place; iface: string; inPort: string; outPort: string }
  /** A netfilter rule that matched, as `iptables-save` prints it. */
  | {
      kind: 'rule'
      namespace: Place
      iface: string
      table: TableName
      hook: string
      chain: string
      /** 1-based, as `iptables -L --line-numbers` counts. */
      position: number
      text: string
      target: string
    }
  /** A built-in chain ended with no terminating rule: its policy decided. */
  | { kind: 'policy'; namespace: Place; iface: string; table: TableName; chain: string; policy: string }
  /** An address rewrite: DNAT, MASQUERADE/SNAT, or conntrack undoing one for a reply. */
  | {
      kind: 'nat'
      namespace: Place
      iface: string
      type: 'DNAT' | 'MASQUERADE' | 'SNAT' | 'un-DNAT' | 'un-SNAT' | 'router-NAT'
      before: string
      after: string
    }
  /** Connection tracking: a new flow, or a packet of an established one. */
  | { kind: 'conntrack'; namespace: Place; iface: string; state: 'NEW' | 'ESTABLISHED'; tuple: string }
  /** docker-proxy accepted the connection on a published port and opened one to the container. */
  | {
      kind: 'docker-proxy'
      namespace: Place
      iface: string
      listen: string
      container: string
      target: string
      relay: 'connect' | 'reply'
    }
  /**
   * The overlay's VXLAN device: without `outer`, it would encapsulate the
   * frame towards another node (none is known); with it, it encapsulates the
   * frame (stage "encap", on the sending node) or takes it out of the UDP
   * datagram that carried it (stage "decap", on the receiving node).
   */
  | {
      kind: 'vxlan'
      namespace: Place
      iface: string
      vni: number
      port: number
      address: string
      stage?: 'encap' | 'decap'
      /** The inner frame's destination MAC (the peer's, from the neighbour entry). */
      mac?: string
      /** The outer IP header: from this node's address to the VTEP of the peer's node. */
      outer?: { src: string; dst: string }
    }
  /** A macvlan/ipvlan sub-interface hands the frame to its parent's segment or a sibling. */
  | {
      kind: 'subinterface'
      namespace: Place
      iface: string
      driver: 'macvlan' | 'ipvlan'
      parent: string
      mode: string
      to: Place
    }
  /** The packet leaves or enters the host on the wire, or crosses the LAN's router. */
  | { kind: 'wire'; namespace: Place; iface: string; to: Place; address: string }
  /** Arrival: the packet reached a socket (or the kernel, for ping). */
  | {
      kind: 'deliver'
      namespace: Place
      iface: string
      address: string
      protocol: TraceProtocol
      port?: number
      /** Who answers: a known listener, an assumed one, docker-proxy, the kernel (ping), or the client (reply). */
      listener: 'known' | 'assumed' | 'docker-proxy' | 'kernel' | 'client'
      /** The namespace is shared by these containers (container mode): delivered over its loopback. */
      sharedBy?: string[]
      /** For `assumed`: the image known to serve the port with its default command (image-ports.ts). */
      image?: string
    }
  /** The place a packet is dropped when no netfilter rule did it. */
  | { kind: 'drop'; namespace: Place; iface: string; reasonCode: ReasonCode }

/** Fields every reason has: the trace's two ends, as the request named them. */
interface ReasonBase {
  from: string
  to: string
  /** The drop happened to the reply (from `to` back to `from`). */
  reply?: true
}

/**
 * Why a packet was dropped, as data: a code and the objects involved.
 * {@link renderReason} turns it into a sentence (one place, so a message
 * catalog can replace it).
 */
export type ReasonParams = ReasonBase & ReasonDetail

/** The code-specific part of {@link ReasonParams}. */
export type ReasonDetail =
  | { code: 'isolated-networks'; fromNetwork: string; toNetwork: string; rule: string }
  | { code: 'icc-disabled'; network: string; rule: string }
  | { code: 'internal-network'; network: string; rule?: string }
  | {
      code: 'port-not-published'
      port: number
      protocol: TraceProtocol
      publishedOn: string[]
      /** The host address the packet was for. */
      address?: string
    }
  /**
   * An IPv6 host address and a published port with `--userland-proxy=false`:
   * no docker-proxy relays it, and ip6tables does not bring it to a container
   * (loopback: DNATed, but from ::1, which IPv6 does not send off lo; no-dnat:
   * no rule matched; no-ip6tables: the daemon writes none, 20.10).
   */
  | {
      code: 'ipv6-port-not-mapped'
      address: string
      port: number
      protocol: TraceProtocol
      why: 'loopback' | 'no-dnat' | 'no-ip6tables'
    }
  /**
   * A packet to the LAN or the internet in IPv6 left the host with a source
   * nothing there routes back to, so the reply is lost: the container's own
   * ULA, because the daemon writes no ip6tables (no-ip6tables: 20.10, or
   * 28's --ip6tables=false) or does not masquerade the network
   * (masquerade-off); or a ULA source towards the internet (ula, RFC 4193).
   */
  | {
      code: 'ipv6-no-route-back'
      source: string
      where: 'lan' | 'internet'
      why: 'no-ip6tables' | 'masquerade-off' | 'ula'
      network?: string
      subnet?: string
    }
  | {
      code: 'published-on-localhost'
      port: number
      protocol: TraceProtocol
      hostIp: string
      container: string
      containerPort: number
    }
  | { code: 'no-interface'; side: 'from' | 'to' }
  | {
      code: 'macvlan-parent-isolation'
      driver: 'macvlan' | 'ipvlan'
      parent: string
      direction: 'host-to-child' | 'child-to-host'
    }
  | {
      code: 'no-route'
      where: string
      /**
       * private-address: the LAN's router got a packet for a private address
       * off the LAN (a Docker subnet, say); not-routed-on-internet: a packet
       * from the internet for a private address; no-router: the host has no
       * default route, so no router links it to the internet.
       */
      why:
        | 'no-matching-route'
        | 'private-address'
        | 'not-routed-on-internet'
        | 'no-router'
        | 'not-forwarding'
        | 'too-many-hops'
      address: string
      /** The Docker network of the container that holds the address (never a mere subnet match). */
      network?: string
      subnet?: string
      driver?: string
    }
  /**
   * No socket takes the port at that address: the destination's kernel
   * answers a TCP SYN with a RST (connection refused, tcp_v4_send_reset) and
   * a UDP datagram with ICMP port unreachable (__udp4_lib_rcv).
   */
  | { code: 'nothing-listening'; port: number; protocol: TraceProtocol; known: string[] }
  /**
   * 127.0.0.0/8 from a machine outside the host is that machine's own
   * loopback: the packet never leaves it, so it never reaches the Docker host.
   */
  | { code: 'own-loopback'; address: string; where: string }
  | {
      code: 'name-not-resolved'
      name: string
      why: 'default-bridge' | 'no-common-network' | 'no-embedded-dns'
      networks: string[]
    }
  | { code: 'filtered'; table: TableName; chain: string; rule?: string; policy?: string }
  /**
   * A frame bridged between two ports of a bridge that is not Docker's (a
   * LAN or VM bridge): br_netfilter, which Docker loads, sends it through
   * filter FORWARD, where none of Docker's rules accept it and its policy
   * (DROP, once Docker turned ip_forward on) drops it.
   */
  | { code: 'foreign-bridge'; bridge: string; policy: string }
  /**
   * Docker 28's raw PREROUTING DROP of a container address (`address`, on
   * `network`'s `bridge`) for a packet that came in on another interface.
   */
  | {
      code: 'direct-access'
      address: string
      network: string
      bridge: string
      inIface: string
      rule: string
    }
  /** Docker 28's raw PREROUTING DROP of a port published on a loopback address, for a packet not from lo. */
  | {
      code: 'remote-loopback'
      address: string
      port: number
      protocol: TraceProtocol
      inIface: string
      rule: string
    }
  /**
   * A packet from or for 127.0.0.0/8 received on a device other than lo, with
   * route_localnet off there: the kernel's martian (ip_route_input_slow).
   */
  | { code: 'martian'; side: 'source' | 'destination'; address: string; where: string; device: string }
  | { code: 'container-not-running'; side: 'from' | 'to'; state: string }
  | { code: 'no-neighbor'; where: string; device: string; address: string; vni?: number }
  /**
   * The reply does not come back as the request left: from another socket
   * (`got` is its source), or to another place (`deliveredTo`).
   */
  | { code: 'reply-mismatch'; expected: string; got: string; deliveredTo?: string }
  /**
   * The destination is a swarm service's virtual IP. Docker answers it with
   * an IPVS load balancer in the sandbox: without IPVS in the kernel
   * (`ipvs: false`) it is never programmed and nothing answers; with IPVS,
   * the balancing to the tasks is not simulated yet.
   */
  | { code: 'service-vip'; address: string; service: string; ipvs: boolean }

/** Every reason a trace can give for a drop. */
export type ReasonCode = ReasonParams['code']

/**
 * The hosts of a lab of several (cluster/): a trace that reaches a VXLAN
 * device with a forwarding entry for a remote VTEP goes on in the lab of the
 * node at that address.
 */
export interface TraceCluster {
  nodes: readonly { name: string; address: string; lab: LabState }[]
}

/**
 * One language's hop sentences: a template per hop kind, given the hop and
 * how that language names a place (describe-hop.ts, describe-hop-zh-cn.ts).
 */
export interface HopCatalog {
  /** A namespace as people say it: "host", a sandbox's short key, or a simulated machine. */
  where(place: Place): string
  hops: { [K in Hop['kind']]: (hop: Extract<Hop, { kind: K }>, where: (place: Place) => string) => string }
}

/** One language's drop reasons: a template per reason code (reasons.ts, reasons-zh-cn.ts). */
export type ReasonCatalog = { [C in ReasonCode]: (p: ReasonParams & { code: C }) => string }

/** A path that arrived. */
export interface DeliveredPath {
  delivered: true
  hops: Hop[]
}

/** A path that ended in a drop; `droppedAt` is its last hop. */
export interface DroppedPath {
  delivered: false
  hops: Hop[]
  droppedAt: Hop
  reasonCode: ReasonCode
  /** A sentence a person understands, naming the networks, rules and containers involved. */
  reason: string
  reasonParams: ReasonParams
}

/** One direction of a flow. */
export type TracePath = DeliveredPath | DroppedPath

/** The flow as finally resolved: who talked to whom, at which addresses. */
export interface TraceFlow {
  from: string
  to: string
  protocol: TraceProtocol
  port?: number
  /** Source address as the packet left (before any NAT). */
  src?: string
  /** Destination address as the packet left (after name resolution, before any NAT). */
  dst?: string
}

/**
 * The answer of {@link trace}: the forward path, and when it arrived, the
 * reply's path (which may be lost where the request was not: NAT without a
 * way back).
 */
export type TraceResult =
  | (DeliveredPath & { flow: TraceFlow; reply: TracePath })
  | (DroppedPath & { flow: TraceFlow })
