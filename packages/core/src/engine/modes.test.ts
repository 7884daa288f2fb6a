import { describe, expect, test } from 'vitest'
import { findContainer, findNetwork } from '../model/lookup.js'
import { renderIpAddr } from '../views/ip-addr.js'
import { renderIpRoute } from '../views/ip-route.js'
import { namespaceOfContainer } from '../views/lab-report.js'
import { operationText } from '../views/operation-text.js'
import { runDocker } from './execute.js'
import { createLab } from './lab.js'

function lab(...lines: string[]) {
  const l = createLab({ engine: '20.10' })
  const results = lines.map((line) => runDocker(l, line))
  return { lab: l, results, last: results[results.length - 1]! }
}

function nsOf(l: ReturnType<typeof createLab>, name: string) {
  return l.namespaces[namespaceOfContainer(l, name) ?? '']!
}

describe('bridge mode', () => {
  test('docker run performs the steps the seed article describes: veth pair, one end on docker0, the other renamed eth0', () => {
    const { last } = lab('docker run -d --name web -p 8080:80 nginx')
    const ops = last.operations.map(operationText).join('\n')
    expect(ops).toMatch(/ip link add (veth[0-9a-f]{7}) type veth peer name (veth[0-9a-f]{7})/)
    const [, hostEnd, peer] = ops.match(/ip link add (veth\w+) type veth peer name (veth\w+)/)!
    expect(ops).toContain(`ip link set ${hostEnd} master docker0`)
    expect(ops).toContain(`link set ${peer} netns`)
    expect(ops).toMatch(new RegExp(`ip -n \\w+ link set ${peer} name eth0`))
    expect(ops).toContain('addr add 172.17.0.2/16 brd 172.17.255.255 dev eth0')
    expect(ops).toContain('route add default via 172.17.0.1 dev eth0')
    expect(ops).toContain(
      'iptables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    )
    expect(ops).toContain(
      '/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80',
    )
  })

  test('the container sees eth0 with a MAC derived from its address, and two routes', () => {
    const { lab: l } = lab('docker run -d --name web nginx')
    const ns = nsOf(l, 'web')
    expect(renderIpAddr(ns)).toContain('link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0')
    expect(renderIpRoute(ns)).toBe(
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 \n',
    )
  })

  test('a user-defined network gets br-<id12>, the next default pool, and its gateway .1', () => {
    const { lab: l, last } = lab('docker network create app')
    const app = findNetwork(l, 'app')!
    expect(last.output).toBe(`${app.id}\n`)
    expect(app.device).toBe(`br-${app.id.slice(0, 12)}`)
    expect(app.ipam.config).toEqual([{ subnet: '172.18.0.0/16', gateway: '172.18.0.1' }])
  })
})

describe('host, none and container modes', () => {
  test('host: no endpoint address, the host namespace, ports discarded with a warning', () => {
    const { lab: l, last } = lab('docker run -d --name hh --network host -p 80:80 nginx')
    expect(last.error).toBe('WARNING: Published ports are discarded when using host network mode\n')
    expect(namespaceOfContainer(l, 'hh')).toBe('host')
    expect(l.hostPorts).toEqual({})
  })

  test('none: only lo', () => {
    const { lab: l } = lab('docker run -d --name nn --network none busybox')
    expect(nsOf(l, 'nn').links.map((x) => x.ifname)).toEqual(['lo'])
  })

  test('container: shares the target namespace; stopping the target leaves only lo', () => {
    const { lab: l } = lab(
      'docker run -d --name web nginx',
      'docker run -d --name side --network container:web busybox',
    )
    expect(namespaceOfContainer(l, 'side')).toBe(namespaceOfContainer(l, 'web'))
    runDocker(l, 'docker stop web')
    expect(nsOf(l, 'side').links.map((x) => x.ifname)).toEqual(['lo'])
  })

  test('container: refuses a missing or stopped target at start, leaving it created', () => {
    const { lab: l, results } = lab(
      'docker run -d --name aa --network container:nosuch busybox',
      'docker create --name idle busybox',
      'docker run -d --name bb --network container:idle busybox',
    )
    expect(results[0]!.error).toBe('docker: Error response from daemon: No such container: nosuch.\n')
    expect(results[2]!.error).toBe(
      `docker: Error response from daemon: cannot join network of a non running container: ${findContainer(l, 'idle')!.id}.\n`,
    )
    expect(findContainer(l, 'bb')!.state).toBe('created')
  })
})

describe('macvlan and ipvlan', () => {
  const parent = 'docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 -o parent=eth0 lan'
  test('macvlan: its own MAC on the parent, eth0@if<parent>, the network gateway as default route', () => {
    const { lab: l } = lab(parent, 'docker run -d --name pp --network lan busybox')
    const ns = nsOf(l, 'pp')
    const text = renderIpAddr(ns)
    expect(text).toMatch(/eth0@if2: /)
    // With --gateway .2, the lowest free address is .1, and Docker hands it out.
    expect(text).toContain('link/ether 02:42:0a:00:02:01')
    expect(renderIpRoute(ns)).toContain('default via 10.0.2.2 dev eth0')
    expect(l.netfilter.nat.chains.DOCKER?.rules.some((r) => r.jump === 'DNAT')).toBe(false)
  })
  test('macvlan: one network per parent', () => {
    const { last } = lab(
      parent,
      parent
        .replace(' lan', ' lan2')
        .replace('10.0.2.0/24', '10.0.3.0/24')
        .replace('--gateway 10.0.2.2 ', ''),
    )
    expect(last.error).toMatch(
      /^Error response from daemon: network dm-[0-9a-f]{12} is already using parent interface eth0\n$/,
    )
  })
  test('ipvlan: endpoints share the parent MAC (the kernel here lacks ipvlan; moby code followed)', () => {
    const { lab: l } = lab(
      'docker network create -d ipvlan --subnet 10.0.2.0/24 -o parent=eth0 iv',
      'docker run -d --name ii --network iv busybox',
    )
    const eth0 = nsOf(l, 'ii').links.find((x) => x.ifname === 'eth0')!
    expect(eth0.address).toBe('52:54:00:12:34:56')
  })
})

describe('overlay', () => {
  test('needs swarm; then VXLAN id 4097, 10.0.1.0/24 and MTU 1450, with docker_gwbridge as the way out', () => {
    const { lab: l, results } = lab(
      'docker network create -d overlay ov',
      'docker swarm init --advertise-addr 10.0.2.15',
      'docker network create -d overlay --attachable ov',
      'docker run -d --name oo --network ov busybox',
    )
    expect(results[0]!.error).toBe(
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
    )
    const ov = findNetwork(l, 'ov')!
    expect(ov.vni).toBe(4097)
    expect(ov.ipam.config[0]?.subnet).toBe('10.0.1.0/24')
    const ns = nsOf(l, 'oo')
    expect(ns.links.map((x) => `${x.ifname} ${x.mtu}`)).toEqual(['lo 65536', 'eth0 1450', 'eth1 1500'])
    expect(renderIpRoute(ns).split('\n')[0]).toBe('default via 172.18.0.1 dev eth1 ')
  })
})
