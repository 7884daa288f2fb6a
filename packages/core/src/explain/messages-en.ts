/**
 * English message catalog of the explanations. Every sentence netmodes says
 * about a lab lives here (and in the zh-CN catalog under the same keys), so
 * the words can change without touching the code that picks them.
 */
export const en = {
  'mode.bridge': (v: {
    name: string
    network: string
    bridge: string
    veth: string
    ifname: string
    ip: string
    /** The default route's gateway when it goes through this network's interface. */
    gateway: string
    /** The interface the default route uses when it is another one ('' when there is none). */
    otherRouteDev: string
    /** Whether Docker masquerades this network's subnet (enable_ip_masquerade). */
    masquerade: boolean
  }) =>
    `${v.name} is in bridge mode on ${v.network}: its ${v.ifname} is one end of a veth pair whose other end, ${v.veth}, is a port of the bridge ${v.bridge} on the host. It has its own network namespace and address ${v.ip}; ${
      v.gateway
        ? `its default route goes to ${v.gateway}, the bridge's address, and on to the outside ${v.masquerade ? "through the host's NAT (MASQUERADE)" : 'without NAT: IP masquerading is off on this network (com.docker.network.bridge.enable_ip_masquerade=false), so the outside sees its private address'}`
        : v.otherRouteDev
          ? `its default route goes out through its ${v.otherRouteDev}, not through this network`
          : 'it has no default route'
    }. Other hosts cannot reach ${v.ip} directly: only ports published on the host are.`,
  'mode.bridge.strengths': () =>
    'Strengths: isolation (own namespace, own IP, own ports), several containers can use the same port inside. Weaknesses: NAT on the way out and DNAT for published ports cost a little performance, and each published host port can be taken only once.',
  'mode.host': (v: { name: string }) =>
    `${v.name} is in host mode: it shares the host's network namespace. It has no interface or address of its own and no NAT: it uses the host's IP and ports directly, so its services compete with the host's for ports, and published ports are ignored.`,
  'mode.host.strengths': () =>
    'Strengths: the best network performance, no NAT. Weaknesses: no network isolation, port conflicts with the host and its other containers.',
  'mode.none': (v: { name: string }) =>
    `${v.name} is in none mode: it has a network namespace of its own with only the loopback interface lo. No veth, no address, no route: it cannot reach or be reached by anything until someone configures its network by hand.`,
  'mode.none.strengths': () => 'Strengths: the strongest isolation. Weaknesses: no network at all.',
  'mode.container': (v: { name: string; target: string }) =>
    `${v.name} shares the network namespace of ${v.target} (container mode, as the containers of a Kubernetes pod do): same interfaces, same IP, same MAC, same ports. The two talk over lo (127.0.0.1); ${v.name} creates no interface of its own.`,
  'mode.container.lo-only': (v: { name: string; target: string }) =>
    `${v.name} shares the network namespace of ${v.target} (container mode), and ${v.target} has nothing but the loopback interface lo (none mode): the two talk over lo (127.0.0.1), and neither can reach or be reached by anything else.`,
  'mode.container.strengths': () =>
    'Strengths: fast local communication over lo, a sidecar sees exactly what its partner sees. Weaknesses: no better reach to the outside than the partner, a shared port space, and it loses its network when the partner stops.',
  'mode.macvlan': (v: {
    name: string
    network: string
    parent: string
    ifname: string
    ip: string
    mac: string
  }) =>
    `${v.name} is on the macvlan network ${v.network}: its ${v.ifname} is a macvlan child of the host's ${v.parent}, with its own MAC ${v.mac} and address ${v.ip} on the parent's segment, so it appears as a physical machine on that network. The host itself cannot reach it through ${v.parent}: the macvlan driver filters traffic between a parent and its children.`,
  'mode.ipvlan': (v: { name: string; network: string; parent: string; ifname: string; ip: string }) =>
    `${v.name} is on the ipvlan network ${v.network}: its ${v.ifname} is an ipvlan child of the host's ${v.parent}; it shares the parent's MAC and is told apart by its address ${v.ip}. As with macvlan, the host cannot reach it through the parent.`,
  'mode.overlay': (v: {
    name: string
    network: string
    vni: number
    ifname: string
    ip: string
    mtu: number
    /** Its interface on docker_gwbridge ('' when it has none: internal networks only). */
    gwbridgeIfname: string
  }) =>
    `${v.name} is on the overlay network ${v.network} (a bridge spanning the swarm's nodes, carried in VXLAN id ${v.vni} over UDP 4789): its ${v.ifname} has ${v.ip}, MTU ${v.mtu}${v.mtu === 1450 ? ' (50 bytes go to the VXLAN header)' : ''}. ${v.gwbridgeIfname ? `Its way out to the world is its ${v.gwbridgeIfname} on docker_gwbridge, through the host's NAT.` : 'It has no interface on docker_gwbridge, so no way out to the world.'}`,
  'mode.created': (v: { name: string }) =>
    `${v.name} is created but has never been started: it has no network namespace and no address yet; Docker builds them when it starts.`,
  'mode.stopped': (v: { name: string; state: string }) =>
    `${v.name} is ${v.state}: it has no network namespace now; its addresses went back to their networks' pools.`,
  'rule.masquerade': (v: { subnet: string; bridge: string }) =>
    `Packets from ${v.subnet} leaving through any interface but ${v.bridge} get the address of that interface (MASQUERADE): this is how containers reach the outside.`,
  'rule.docker-return': (v: { bridge: string }) =>
    `Traffic that comes in from ${v.bridge} skips the port-publishing DNAT rules (containers reach each other directly).`,
  'rule.dnat': (v: { hostIp: string; hostPort: string; proto: string; target: string; name: string }) =>
    `Port ${v.hostPort}/${v.proto} on ${v.hostIp === '' ? 'every host address' : v.hostIp} is published: packets to it are rewritten to ${v.target} (${v.name}).`,
  'rule.dnat-accept': (v: { target: string; bridge: string }) =>
    `Lets the rewritten (DNAT) traffic for ${v.target} through from outside ${v.bridge}: the published port is reachable.`,
  'rule.hairpin-masquerade': (v: { target: string }) =>
    `A container reaching its own published port (${v.target}) is masqueraded so the reply comes back through the bridge (hairpin).`,
  'rule.prerouting-docker': () =>
    "Packets addressed to any of the host's own addresses go through the DOCKER chain, where published ports are DNATed.",
  'rule.output-docker': () =>
    "The host's own packets to its addresses (but not to 127.0.0.0/8, which docker-proxy serves) go through the DOCKER chain too.",
  'rule.output-docker-all': () =>
    "The host's own packets to any of its addresses, 127.0.0.1 included (the userland proxy is off, so DNAT serves them), go through the DOCKER chain too.",
  'rule.forward-user': () =>
    'DOCKER-USER comes first in FORWARD: the place for your own rules, which Docker never touches.',
  'rule.forward-isolation': () =>
    'Every forwarded packet goes through the isolation chains, which keep Docker networks apart.',
  'rule.conntrack': (v: { bridge: string }) =>
    `Replies (RELATED,ESTABLISHED) to connections the containers on ${v.bridge} opened are let back in.`,
  'rule.forward-docker': (v: { bridge: string }) =>
    `New traffic into ${v.bridge} from other interfaces is only allowed by the DOCKER chain, i.e. to published ports.`,
  'rule.outgoing': (v: { bridge: string }) =>
    `Containers on ${v.bridge} may send out through any other interface (what goes to another Docker network was already dropped by the isolation chains).`,
  'rule.icc-accept': (v: { bridge: string }) =>
    `Containers on ${v.bridge} may talk to each other (inter-container communication is on).`,
  'rule.icc-drop': (v: { bridge: string }) =>
    `Containers on ${v.bridge} may not talk to each other: ICC is off (com.docker.network.bridge.enable_icc=false).`,
  'rule.isolation-1': (v: { bridge: string }) =>
    `Traffic from ${v.bridge} to another interface is checked against the other Docker networks (stage 2).`,
  'rule.isolation-2': (v: { bridge: string }) =>
    `Traffic that came from another Docker network is dropped before it enters ${v.bridge}: Docker networks are isolated from each other.`,
  'rule.internal-in': (v: { bridge: string; subnet: string }) =>
    `${v.bridge} is internal: packets from it to anything outside ${v.subnet} are dropped.`,
  'rule.internal-out': (v: { bridge: string; subnet: string }) =>
    `${v.bridge} is internal: packets into it from anything outside ${v.subnet} are dropped.`,
  'rule.forward-docker-forward': () =>
    'After DOCKER-USER, FORWARD hands every forwarded packet to DOCKER-FORWARD, where Docker 28 keeps all its forwarding rules.',
  'rule.jump-conntrack': () =>
    'Replies to connections that were already let through are accepted first (DOCKER-CT holds one rule per bridge).',
  'rule.jump-bridges': () =>
    'New traffic into a Docker bridge goes through DOCKER-BRIDGE, which sends it on to the DOCKER chain: published ports, then one DROP per bridge.',
  'rule.bridge-out': (v: { bridge: string }) =>
    `Containers on ${v.bridge} may send anywhere, to each other too (traffic for another Docker network was already dropped by the isolation chains).`,
  'rule.bridge-drop': (v: { bridge: string }) =>
    `Whatever else enters ${v.bridge} from another interface is dropped: from outside, only its published ports (the ACCEPT rules above) are reachable.`,
  'rule.direct-access': (v: { address: string; bridge: string }) =>
    `${v.address}, a container's address, is reachable only through its bridge ${v.bridge}: a packet for it that comes in on any other interface is dropped before NAT and routing, so a neighbour that routes to it through the host gets nowhere.`,
  'rule.loopback-remote': (v: { address: string; port: string; proto: string }) =>
    `Port ${v.port}/${v.proto} is published on ${v.address} only: a packet for it that does not come in on lo is dropped, so only the host itself reaches it (moby#45610).`,
  'rule.return': () => 'Nothing matched here: go back to the calling chain.',
  'rule.other': () => "A rule Docker did not write (yours, or another tool's).",
  'mode.bridge.ipv6': (v: {
    name: string
    network: string
    ip6: string
    gateway6: string
    /** Whether the daemon writes ip6tables (28 by default; 20.10 never, unless experimental). */
    firewalled: boolean
  }) =>
    `On ${v.network}, ${v.name} also has the IPv6 address ${v.ip6}${v.gateway6 ? `, with its IPv6 default route to ${v.gateway6}` : ''}. ${
      v.firewalled
        ? 'Docker writes the same rules in ip6tables as in iptables for it (isolation, ICC, NAT of the subnet, published ports), so IPv6 is filtered as IPv4 is.'
        : "Docker writes no ip6tables rule for it (the daemon's ip6tables is off): in IPv6 nothing isolates this network from the others, ICC off and --internal do not hold, and the host forwards to that address from anywhere it routes, without NAT."
    }`,
  'ports.ipv6-proxy': (v: { name: string; port: string; proto: string; target: string; rules: boolean }) =>
    `Port ${v.port}/${v.proto} of ${v.name}, published on 0.0.0.0, is also reachable on [::]:${v.port}: Docker binds every port published without an address on both 0.0.0.0 and ::, with a docker-proxy listening on [::]:${v.port} that connects to ${v.target}. ${
      v.rules
        ? 'It also writes the DNAT of that port in ip6tables, so IPv6 clients reach the container as IPv4 ones do.'
        : 'That IPv6 traffic goes through the proxy alone: the iptables rules (and an IPv4-only host firewall) never see it. Publish on 0.0.0.0:PORT explicitly to keep it off IPv6.'
    }`,
}

export type Messages = typeof en
