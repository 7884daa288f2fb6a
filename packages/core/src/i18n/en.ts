import type { Messages } from './messages.js'

/** English. */
export const en: Messages = {
  modes: {
    title: 'Docker network modes side by side (Docker Engine 20.10)',
    headers: {
      mode: 'MODE',
      flag: 'HOW',
      isolation: 'ISOLATION',
      ownIp: 'OWN IP',
      portConflicts: 'PORT CONFLICTS',
      performance: 'PERFORMANCE',
      whenToUse: 'WHEN TO USE',
    },
    rows: {
      bridge: {
        flag: '--network bridge (the default), or a user-defined bridge: --network NAME',
        isolation:
          'Own network namespace. A veth pair links it to the docker0 bridge (br-<id> for a user-defined network): one end is eth0 inside, the other a port of the bridge. iptables keeps bridges apart.',
        ownIp:
          'Yes: a private address from the bridge subnet (docker0: 172.17.0.0/16). Hosts outside cannot address it; they reach published ports through NAT.',
        portConflicts:
          'Only for published ports: two containers cannot publish the same host port ("port is already allocated"). Inside, each container has all its ports.',
        performance:
          'Good. Packets cross the veth pair and the bridge; traffic to and from outside goes through NAT (and docker-proxy for local clients).',
        whenToUse:
          'The default for containers on one host. Prefer a user-defined bridge: containers find each other by name (embedded DNS at 127.0.0.11).',
      },
      host: {
        flag: '--network host',
        isolation:
          "None for the network: the container shares the host's network namespace. Its files and processes stay isolated.",
        ownIp: "No: no interface of its own; it uses the host's interfaces, addresses and ports.",
        portConflicts:
          "Yes: its services bind host ports directly, so they clash with the host's services and other host-mode containers. -p is ignored (with a warning).",
        performance: 'Best: no veth pair, no bridge, no NAT.',
        whenToUse:
          "Network-heavy services or services with many ports, monitoring agents, tools that must see the host's network.",
      },
      none: {
        flag: '--network none',
        isolation:
          'Complete: its own namespace with nothing but the loopback interface lo. Networking is off.',
        ownIp: 'No: no interface but lo (127.0.0.1), no route.',
        portConflicts: 'None: nothing can be published.',
        performance: 'No network to measure: lo only.',
        whenToUse:
          'Jobs that need no network, the most closed sandboxes, or networking you set up yourself in the namespace.',
      },
      container: {
        flag: '--network container:NAME',
        isolation:
          "Shares NAME's network namespace, like the containers of a Kubernetes pod; otherwise as isolated as NAME.",
        ownIp: "No interface of its own: NAME's interfaces, address and routes.",
        portConflicts: 'Yes, between the two: they share one port space. -p is refused: publish on NAME.',
        performance: "As NAME's; the two talk over localhost (lo), the fastest path.",
        whenToUse:
          "Sidecars (proxies, log shippers), debugging another container's network (e.g. nicolaka/netshoot).",
      },
      macvlan: {
        flag: 'docker network create -d macvlan -o parent=eth0',
        isolation:
          'Own namespace whose eth0 is a macvlan sub-interface of the parent NIC: the container sits directly on the physical LAN. The host cannot reach it through the parent.',
        ownIp:
          'Yes: an address on the LAN subnet and its own MAC address, so it shows up on the network as a physical device.',
        portConflicts: 'None: every container has its own IP; nothing is published.',
        performance: 'Near native: no bridge, no NAT.',
        whenToUse:
          'Legacy apps or appliances that must look like machines on the LAN. The NIC and the switch must accept several MAC addresses on one port (promiscuous mode).',
      },
      ipvlan: {
        flag: 'docker network create -d ipvlan -o parent=eth0 [-o ipvlan_mode=l2|l3]',
        isolation:
          "Like macvlan, but every container shares the parent's MAC address; in l3 mode the host routes to the containers instead of bridging them.",
        ownIp: "Yes: on the LAN (l2) or on a routed subnet (l3), with the parent's MAC address.",
        portConflicts: 'None: every container has its own IP.',
        performance: 'Near native, like macvlan.',
        whenToUse:
          'Where macvlan cannot work: switches that limit the MAC addresses per port, no promiscuous mode; l3 for routed designs.',
      },
      overlay: {
        flag: 'docker network create -d overlay (swarm mode: docker swarm init)',
        isolation:
          "Own namespace on a VXLAN network that spans the swarm's nodes; a second interface, eth1 on the docker_gwbridge bridge, is its way out.",
        ownIp:
          'Yes: an address on the overlay subnet (10.0.x.0/24), reachable from containers on every node.',
        portConflicts:
          "Only for published ports; a swarm service's published port is taken on every node (routing mesh).",
        performance:
          'VXLAN adds 50 bytes to every packet (MTU 1450) and encapsulation work; encryption (--opt encrypted, IPsec) costs more.',
        whenToUse: 'Services spread over several Docker hosts (swarm) that talk as if on one LAN.',
      },
    },
    notes: [
      `Sources: Docker's documentation of its network drivers, and the article "Docker 网络简介" (https://juejin.cn/post/7041923410649153543).`,
      'See every mode built on one host: netmodes demo',
    ],
  },
  explain: {
    ruleTypes: {
      DNAT: "DNAT (nat table, DOCKER chain): one rule per published port (-p HOST:CONTAINER). A packet to the host port is rewritten to the container's address and port before routing, so it is forwarded to the bridge; conntrack undoes the rewrite on the reply. Published ports bypass the host firewall's INPUT chain for that reason.",
      MASQUERADE:
        "MASQUERADE (nat table, POSTROUTING chain): packets from a bridge network's subnet leaving through another interface get that interface's address, so containers reach the outside with the host's address. A second kind, with the same address as source and destination, makes a container reaching its own published port (hairpin) work.",
      DOCKER:
        "DOCKER (a chain in nat and in filter): in nat, PREROUTING and OUTPUT send packets for the host's own addresses there, and each published port has a DNAT rule in it; in filter, FORWARD sends new traffic into each bridge there, and only published ports are let through (one ACCEPT per port).",
      'DOCKER-USER':
        'DOCKER-USER (filter table): the first chain FORWARD jumps to, and the place for your own rules; Docker creates it with a single RETURN and never changes what you put there.',
      'DOCKER-ISOLATION-STAGE-1':
        'DOCKER-ISOLATION-STAGE-1 (filter table): every forwarded packet from a bridge to another interface is sent on to stage 2; internal networks drop here everything leaving or entering them.',
      'DOCKER-ISOLATION-STAGE-2':
        'DOCKER-ISOLATION-STAGE-2 (filter table): a packet that came from one Docker bridge and would enter another is dropped, which is why two bridge networks cannot reach each other.',
    },
    inTheLab: 'In the lab:',
    noneInTheLab: 'The lab has no rule of this kind.',
  },
  trace: {
    delivered: 'delivered',
    reply: 'reply:',
    replyBack: 'the reply gets back',
    replyLost: 'the reply is lost: ',
    dropped: 'dropped: ',
    pingProbe: 'ping (ICMP echo); --port N for TCP, with --proto udp for UDP',
  },
  demo: {
    title: 'netmodes demo: every Docker network mode on one simulated host',
    intro:
      'Each docker command is followed by the operations the daemon performs for it (lines starting "|"), then by what docker prints.',
    labNow: 'The lab now:',
    modesHeading: 'The modes side by side:',
    next: [
      'Next: netmodes demo --save, then netmodes exec web ip addr, netmodes host iptables-save -t nat, netmodes diagram',
      'Or build your own lab: netmodes docker network create ..., netmodes docker run ...',
      'Or in a browser: netmodes serve --open (the web UI at http://127.0.0.1:8080/)',
    ],
  },
}
