import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import type { CreateLabOptions } from '../engine/lab.js'
import { createLab } from '../engine/lab.js'
import { applyNetfilterOp } from '../netfilter/tables.js'
import { describeHop } from './describe-hop.js'
import { trace } from './trace.js'
import type { Hop, TraceRequest, TraceResult } from './trace-types.js'

function lab(lines: string[], options: CreateLabOptions = {}) {
  const l = createLab({ engine: '20.10', ...options })
  for (const line of lines) {
    const r = runDocker(l, line)
    expect(r.ok, `${line}: ${r.error}`).toBe(true)
  }
  return l
}

function dropped(result: TraceResult) {
  if (result.delivered)
    throw new Error(`expected a drop, got delivered: ${result.hops.map((h) => describeHop(h)).join('\n')}`)
  return result
}

function delivered(result: TraceResult) {
  if (!result.delivered) throw new Error(`expected delivery, got ${result.reasonCode}: ${result.reason}`)
  return result
}

const kinds = (hops: Hop[]) => hops.map((h) => h.kind)
const rules = (hops: Hop[]) => hops.flatMap((h) => (h.kind === 'rule' ? [h.text] : []))
const nats = (hops: Hop[]) =>
  hops.flatMap((h) => (h.kind === 'nat' ? [`${h.type} ${h.before} -> ${h.after}`] : []))

const BASE = [
  'docker network create app',
  'docker run -d --name web -p 8080:80 nginx',
  'docker run -d --name api --network app nginx',
  'docker run -d --name api2 --network app --network-alias backend nginx',
]

describe('delivered paths', () => {
  test('container to container on one network: embedded DNS, veth, bridge (br_netfilter FORWARD), veth', () => {
    const r = delivered(trace(lab(BASE), { from: 'api', to: 'backend', port: 80 }))
    expect(r.hops[0]).toMatchObject({
      kind: 'resolve',
      method: 'embedded-dns',
      address: '172.18.0.3',
      network: 'app',
    })
    expect(kinds(r.hops).filter((k) => k !== 'rule' && k !== 'policy')).toEqual([
      'resolve',
      'route',
      'veth',
      'conntrack',
      'bridge',
      'veth',
      'route',
      'deliver',
    ])
    expect(rules(r.hops).at(-1)).toMatch(/^-A FORWARD -i (br-\w+) -o \1 -j ACCEPT$/)
    expect(r.hops.at(-1)).toMatchObject({
      kind: 'deliver',
      address: '172.18.0.3',
      port: 80,
      listener: 'assumed',
    })
    expect(r.reply.delivered).toBe(true)
    expect(rules(r.reply.hops).at(-1)).toMatch(/-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT$/)
  })

  test('container to the internet: MASQUERADE on the way out, conntrack un-SNAT on the way back', () => {
    const r = delivered(trace(lab(BASE), { from: 'web', to: 'internet', port: 443 }))
    expect(nats(r.hops)).toEqual([
      'MASQUERADE 172.17.0.2:40000 -> 10.0.2.15:40000',
      "router-NAT 10.0.2.15 -> the router's public address",
    ])
    expect(rules(r.hops)).toContain('-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE')
    expect(r.hops.at(-1)).toMatchObject({ kind: 'deliver', namespace: 'internet', address: '203.0.113.10' })
    expect(r.reply.delivered).toBe(true)
    expect(nats(r.reply.hops)).toEqual([
      "router-NAT the router's public address -> 10.0.2.15",
      'un-SNAT 10.0.2.15:40000 -> 172.17.0.2:40000',
    ])
  })

  test('LAN machine to a published port: DNAT in PREROUTING, filter DOCKER accepts; the reply is un-DNATed', () => {
    const r = delivered(trace(lab(BASE), { from: 'lan', to: 'host:8080/tcp' }))
    expect(r.flow).toEqual({
      from: 'lan',
      to: 'host',
      protocol: 'tcp',
      port: 8080,
      src: '10.0.2.99',
      dst: '10.0.2.15',
    })
    expect(rules(r.hops)).toEqual(
      expect.arrayContaining([
        '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
        '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
        '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
      ]),
    )
    expect(nats(r.hops)).toEqual(['DNAT 10.0.2.15:8080 -> 172.17.0.2:80'])
    expect(r.hops.at(-1)).toMatchObject({
      kind: 'deliver',
      address: '172.17.0.2',
      port: 80,
      // nginx's default command serves 80: an assumption the trace names.
      listener: 'assumed',
      image: 'nginx',
    })
    // The reply path: conntrack matches it as ESTABLISHED and gives it the published address back.
    expect(r.reply.delivered).toBe(true)
    expect(r.reply.hops.find((h) => h.kind === 'conntrack')).toMatchObject({ state: 'ESTABLISHED' })
    expect(nats(r.reply.hops)).toEqual(['un-DNAT 172.17.0.2:80 -> 10.0.2.15:8080'])
    expect(r.reply.hops.at(-1)).toMatchObject({
      kind: 'deliver',
      namespace: 'lan',
      address: '10.0.2.99',
      port: 40000,
    })
  })

  test('the host to its own published port on 127.0.0.1: nat OUTPUT skips 127/8, docker-proxy connects from the gateway', () => {
    const r = delivered(trace(lab(BASE), { from: 'host', to: '127.0.0.1:8080/tcp' }))
    const proxy = r.hops.find((h) => h.kind === 'docker-proxy')
    expect(proxy).toMatchObject({ listen: '0.0.0.0:8080/tcp', container: 'web', target: '172.17.0.2:80' })
    expect(nats(r.hops)).toEqual([])
    expect(r.hops.find((h) => h.kind === 'conntrack' && h.tuple.includes('172.17.0.2'))).toMatchObject({
      tuple: 'tcp 172.17.0.1:40001 > 172.17.0.2:80',
    })
    expect(r.reply.delivered).toBe(true)
    expect(r.reply.hops.map((h) => h.kind)).toContain('docker-proxy')
    expect(r.reply.hops.at(-1)).toMatchObject({ address: '127.0.0.1', port: 40000, listener: 'client' })
  })

  test('without the userland proxy, nat OUTPUT DNATs 127.0.0.1 and the hairpin MASQUERADE gives the gateway as source', () => {
    const l = lab(['docker run -d --name web -p 8080:80 nginx'], { profile: { userlandProxy: false } })
    const r = delivered(trace(l, { from: 'host', to: '127.0.0.1:8080/tcp' }))
    expect(nats(r.hops)).toEqual([
      'DNAT 127.0.0.1:8080 -> 172.17.0.2:80',
      'MASQUERADE 127.0.0.1:40000 -> 172.17.0.1:40000',
    ])
    expect(r.reply.delivered).toBe(true)
  })

  test('container mode: the shared namespace is reached over its loopback', () => {
    const l = lab([...BASE, 'docker run -d --name side --network container:web busybox'])
    const r = delivered(trace(l, { from: 'side', to: 'web', port: 80 }))
    expect(r.hops[0]).toMatchObject({ kind: 'resolve', method: 'shared-namespace', address: '127.0.0.1' })
    expect(r.hops.at(-1)).toMatchObject({
      kind: 'deliver',
      iface: 'lo',
      sharedBy: ['side', 'web'],
      listener: 'assumed',
      image: 'nginx',
    })
  })

  test('overlay: two containers on this node talk through br0, without VXLAN', () => {
    const l = lab([
      'docker swarm init --advertise-addr 10.0.2.15',
      'docker network create -d overlay --attachable ov',
      'docker run -d --name o1 --network ov busybox',
      'docker run -d --name o2 --network ov busybox',
    ])
    const r = delivered(trace(l, { from: 'o1', to: 'o2', port: 80 }))
    expect(r.hops.find((h) => h.kind === 'bridge')).toMatchObject({ iface: 'br0' })
    expect(kinds(r.hops)).not.toContain('vxlan')
  })

  test('ping needs no listener: the kernel answers', () => {
    const r = delivered(trace(lab(BASE), { from: 'api', to: 'api2', protocol: 'icmp' }))
    expect(r.hops.at(-1)).toMatchObject({ kind: 'deliver', listener: 'kernel' })
  })
})

describe('the reply path', () => {
  test('NAT without a way back: with masquerading off, the request leaves with a private source and its reply is lost', () => {
    const l = lab([
      'docker network create -o com.docker.network.bridge.enable_ip_masquerade=false nomasq',
      'docker run -d --name nm --network nomasq busybox',
    ])
    const r = delivered(trace(l, { from: 'nm', to: 'internet', port: 80 }))
    expect(nats(r.hops)).toEqual([])
    expect(r.reply).toMatchObject({ delivered: false, reasonCode: 'no-route' })
    expect(r.reply.delivered ? '' : r.reply.reason).toMatchInlineSnapshot(
      `"The request arrives, but the reply is lost: no route: the address of nm (on network nomasq, 172.18.0.0/16) is a private address, which the internet does not route; from the internet, the LAN's router lets in only what is addressed to the host (simulated as a port forward)."`,
    )
  })
})

describe('drop reasons', () => {
  const cases: [string, string[], TraceRequest, string][] = [
    ['isolated-networks', BASE, { from: 'web', to: 'api', port: 80, resolve: 'address' }, 'rule'],
    [
      'icc-disabled',
      [
        'docker network create -o com.docker.network.bridge.enable_icc=false quiet',
        'docker run -d --name q1 --network quiet busybox',
        'docker run -d --name q2 --network quiet busybox',
      ],
      { from: 'q1', to: 'q2', port: 80 },
      'rule',
    ],
    [
      'internal-network',
      ['docker network create --internal back', 'docker run -d --name db --network back redis'],
      { from: 'db', to: 'internet', port: 443 },
      'rule',
    ],
    ['port-not-published', BASE, { from: 'lan', to: 'host:9999/tcp' }, 'drop'],
    [
      'published-on-localhost',
      ['docker run -d --name admin -p 127.0.0.1:9090:90 nginx'],
      { from: 'lan', to: 'host:9090/tcp' },
      'drop',
    ],
    [
      'no-interface',
      [...BASE, 'docker run -d --name nn --network none busybox'],
      { from: 'nn', to: 'web', port: 80, resolve: 'address' },
      'drop',
    ],
    [
      'macvlan-parent-isolation',
      [
        'docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 -o parent=eth0 lan',
        'docker run -d --name mm --network lan busybox',
      ],
      { from: 'host', to: 'mm', port: 80 },
      'drop',
    ],
    ['no-route', BASE, { from: 'lan', to: 'web', port: 80 }, 'drop'],
    ['nothing-listening', BASE, { from: 'host', to: 'web:81/tcp' }, 'drop'],
    [
      'name-not-resolved',
      [...BASE, 'docker run -d --name web2 nginx'],
      { from: 'web', to: 'web2', port: 80 },
      'resolve',
    ],
    ['container-not-running', [...BASE, 'docker stop api'], { from: 'api2', to: 'api', port: 80 }, 'drop'],
    [
      'no-neighbor',
      [
        'docker swarm init --advertise-addr 10.0.2.15',
        'docker network create -d overlay --attachable ov',
        'docker run -d --name o1 --network ov busybox',
      ],
      { from: 'o1', to: '10.0.1.50:80/tcp' },
      'drop',
    ],
  ]
  test.each(cases)('%s', (code, lines, request, lastHop) => {
    const r = dropped(trace(lab(lines), request))
    expect(r.reasonCode).toBe(code)
    expect(r.droppedAt).toBe(r.hops.at(-1))
    expect(r.droppedAt.kind).toBe(lastHop)
    expect(r.reason).toMatch(/^\S.*\.$/)
  })

  test('isolated networks: dropped in DOCKER-ISOLATION-STAGE-2, naming both networks', () => {
    const r = dropped(trace(lab(BASE), { from: 'web', to: 'api', port: 80, resolve: 'address' }))
    expect(r.droppedAt).toMatchObject({
      kind: 'rule',
      table: 'filter',
      hook: 'FORWARD',
      chain: 'DOCKER-ISOLATION-STAGE-2',
    })
    expect(r.reason).toMatchInlineSnapshot(
      `"web cannot reach api: networks bridge and app are isolated from each other, and Docker drops traffic between two bridge networks (-A DOCKER-ISOLATION-STAGE-2 -o br-a09388a99205 -j DROP)."`,
    )
  })

  test('ICC off: the DROP rule appended to FORWARD', () => {
    const l = lab([
      'docker network create -o com.docker.network.bridge.enable_icc=false quiet',
      'docker run -d --name q1 --network quiet busybox',
      'docker run -d --name q2 --network quiet busybox',
    ])
    expect(dropped(trace(l, { from: 'q1', to: 'q2', port: 80 })).reason).toMatchInlineSnapshot(
      `"q1 cannot reach q2: inter-container communication is off on network quiet (com.docker.network.bridge.enable_icc=false), so Docker drops traffic between its containers (-A FORWARD -i br-a09388a99205 -o br-a09388a99205 -j DROP)."`,
    )
  })

  test('internal network: the isolation rule with the negated subnet', () => {
    const l = lab(['docker network create --internal back', 'docker run -d --name db --network back redis'])
    expect(dropped(trace(l, { from: 'db', to: 'internet', port: 443 })).reason).toMatchInlineSnapshot(
      `"db cannot reach the internet machine: network back is internal, and Docker drops everything leaving it or entering it from elsewhere (-A DOCKER-ISOLATION-STAGE-1 ! -d 172.18.0.0/16 -i br-a09388a99205 -j DROP)."`,
    )
  })

  test('port not published, and published on 127.0.0.1 only', () => {
    const l = lab([...BASE, 'docker run -d --name admin -p 127.0.0.1:9090:90 nginx'])
    expect(dropped(trace(l, { from: 'lan', to: 'host:9999/tcp' })).reason).toMatchInlineSnapshot(
      `"The host does not answer on port 9999/tcp: nothing is published there (no DNAT rule in nat DOCKER matches and no docker-proxy listens)."`,
    )
    expect(dropped(trace(l, { from: 'lan', to: 'host:9090/tcp' })).reason).toMatchInlineSnapshot(
      `"The LAN machine cannot reach the host on port 9090/tcp at this address: admin publishes it on 127.0.0.1 only (-p 127.0.0.1:9090:90), so only 127.0.0.1:9090, from the host itself, reaches it."`,
    )
    // From the host itself, 127.0.0.1 works.
    expect(trace(l, { from: 'host', to: '127.0.0.1:9090/tcp' }).delivered).toBe(true)
  })

  test('none mode, either way', () => {
    const l = lab([...BASE, 'docker run -d --name nn --network none busybox'])
    expect(
      dropped(trace(l, { from: 'nn', to: 'web', port: 80, resolve: 'address' })).reason,
    ).toMatchInlineSnapshot(
      `"nn has no network interface but lo (network mode none): it cannot reach anything outside itself."`,
    )
    expect(dropped(trace(l, { from: 'web', to: 'nn', port: 80 })).reason).toMatchInlineSnapshot(
      `"nn has no network interface but lo (network mode none): nothing outside it can reach it."`,
    )
  })

  test('macvlan: neither the host nor its child can reach the other through the parent; the LAN can', () => {
    const l = lab([
      'docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 -o parent=eth0 lan',
      'docker run -d --name mm --network lan busybox',
    ])
    expect(dropped(trace(l, { from: 'host', to: 'mm', port: 80 })).reason).toMatchInlineSnapshot(
      `"The host cannot reach mm through eth0: a host cannot talk to its own macvlan children through their parent interface."`,
    )
    expect(dropped(trace(l, { from: 'mm', to: 'host:80/tcp' })).reason).toMatchInlineSnapshot(
      `"mm cannot reach the host: a macvlan interface cannot talk to its own parent eth0 (the macvlan driver keeps the parent and its children apart)."`,
    )
    expect(trace(l, { from: 'lan', to: 'mm', port: 80 }).delivered).toBe(true)
  })

  test('no route from outside to a container address', () => {
    expect(dropped(trace(lab(BASE), { from: 'lan', to: 'web', port: 80 })).reason).toMatchInlineSnapshot(
      `"No route: container addresses are private to the host (the bridge is not reachable from outside, as the seed article says); the address of web is on network bridge (172.17.0.0/16) and the LAN's router has no route to it."`,
    )
  })

  test('nothing listening: known from the image, or from `listening`', () => {
    const l = lab(BASE)
    expect(dropped(trace(l, { from: 'host', to: 'web:81/tcp' })).reason).toMatchInlineSnapshot(
      `"web refuses port 81/tcp: nothing listens there (listening: tcp/80), so its kernel answers the SYN with a TCP RST (connection refused)."`,
    )
    const r = dropped(trace(l, { from: 'api2', to: 'api', port: 80, listening: ['api:8000/tcp'] }))
    expect(r.reasonParams).toMatchObject({ code: 'nothing-listening', known: ['tcp/8000'] })
    const assumed = delivered(trace(l, { from: 'api2', to: 'api', port: 80 }))
    expect(assumed.hops.at(-1)).toMatchObject({ listener: 'assumed' })
  })

  test('names: the default bridge does not resolve them, a user-defined network does', () => {
    const l = lab([...BASE, 'docker run -d --name web2 nginx'])
    const r = dropped(trace(l, { from: 'web', to: 'web2', port: 80 }))
    expect(r.droppedAt).toMatchObject({ kind: 'resolve', method: 'not-resolved' })
    expect(r.reason).toMatchInlineSnapshot(
      `"web cannot resolve "web2": on the default bridge network containers do not resolve each other by name (only --link adds /etc/hosts entries); a user-defined network would."`,
    )
    expect(
      delivered(trace(l, { from: 'web', to: 'web2', port: 80, resolve: 'address' })).hops[0],
    ).toMatchObject({
      method: 'inspect',
    })
  })

  test('a DOCKER-USER rule the user added drops as "filtered", naming the rule', () => {
    const l = lab(BASE)
    // What `iptables -I DOCKER-USER -s 172.18.0.2 -j DROP` does (runDocker has no iptables command).
    applyNetfilterOp(l.netfilter, {
      op: 'insert',
      table: 'filter',
      chain: 'DOCKER-USER',
      rule: { src: '172.18.0.2', jump: 'DROP' },
    })
    const r = dropped(trace(l, { from: 'api', to: 'internet', port: 443 }))
    expect(r.reasonCode).toBe('filtered')
    expect(r.reason).toMatchInlineSnapshot(
      `"api cannot reach the internet machine: filter DOCKER-USER drops it (-A DOCKER-USER -s 172.18.0.2/32 -j DROP)."`,
    )
  })

  test('a stopped container has no namespace to send from or to', () => {
    const l = lab([...BASE, 'docker stop api'])
    expect(dropped(trace(l, { from: 'api', to: 'web', port: 80 })).reason).toMatchInlineSnapshot(
      `"api is not running (exited), so it has no network namespace."`,
    )
  })

  test('overlay: an address no local endpoint holds would go out through vxlan0', () => {
    const l = lab([
      'docker swarm init --advertise-addr 10.0.2.15',
      'docker network create -d overlay --attachable ov',
      'docker run -d --name o1 --network ov busybox',
    ])
    const r = dropped(trace(l, { from: 'o1', to: '10.0.1.50:80/tcp' }))
    expect(r.hops.find((h) => h.kind === 'vxlan')).toMatchObject({ iface: 'vxlan0', vni: 4097, port: 4789 })
    expect(r.reason).toMatchInlineSnapshot(
      `"10.0.1.50 is not on this node: vxlan0 would carry it to the node that holds it (VXLAN id 4097, UDP 4789), but no other node is known."`,
    )
  })
})

describe('requests', () => {
  test('bad requests throw, naming the value', () => {
    const l = lab(BASE)
    expect(() => trace(l, { from: 'web', to: 'api' })).toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: destination "api": tcp needs a port (e.g. api:80/tcp)]`,
    )
    expect(() => trace(l, { from: 'nosuch', to: 'api', port: 80 })).toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: No such container: nosuch]`,
    )
    expect(() => trace(l, { from: 'web:80/tcp', to: 'api', port: 80 })).toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: source "web" cannot have a port: the port is the destination's]`,
    )
  })

  test('every hop describes itself in one line', () => {
    const r = delivered(trace(lab(BASE), { from: 'lan', to: 'host:8080/tcp' }))
    expect([...r.hops, ...r.reply.hops].map((h) => describeHop(h))).toMatchSnapshot()
  })
})
