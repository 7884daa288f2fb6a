/**
 * Docker 28's behaviours, one block per section of conformance/ENGINE-28.md,
 * each checked on a lab of 28 and, where 20.10 differs, against 20.10 too.
 */
import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { fromJSON, toJSON } from '../engine/serialize.js'
import { containerFiles } from '../etc/container-files.js'
import type { EngineVersion, LabState } from '../model/state.js'
import { renderIpRoute } from '../views/ip-route.js'
import { namespaceOfContainer } from '../views/lab-report.js'
import { operationText } from '../views/operation-text.js'
import { behaviourOf } from './behaviour-of.js'

function labOf(engine: EngineVersion, ...lines: string[]) {
  const lab = createLab({ engine })
  const results = lines.map((line) => runDocker(lab, line))
  for (const [i, r] of results.entries()) {
    if (r.exitCode !== 0) throw new Error(`${lines[i]}: exit ${r.exitCode}: ${r.error}`)
  }
  return lab
}

// biome-ignore lint/suspicious/noExplicitAny: inspect documents are read here as raw JSON
type Json = any

function inspect(lab: LabState, what: string): Record<string, Json> {
  const r = runDocker(lab, `docker ${what}`)
  expect(r.exitCode).toBe(0)
  return JSON.parse(r.output)[0]
}

const subnetOf = (lab: LabState, name: string) =>
  inspect(lab, `network inspect ${name}`).IPAM.Config[0].Subnet
const endpointOf = (lab: LabState, c: string, n: string) =>
  inspect(lab, `inspect ${c}`).NetworkSettings.Networks[n]
const routesOf = (lab: LabState, c: string) =>
  renderIpRoute(lab.namespaces[namespaceOfContainer(lab, c) ?? '']!)
// Locally administered (bit 1 of the first octet) and unicast (bit 0 clear).
const isLocalUnicast = (mac: string) => (Number.parseInt(mac.slice(0, 2), 16) & 3) === 2

describe('the seam', () => {
  test('createLab({ engine }) sets profile.version; the default is 28, the engine most users run', () => {
    expect(createLab().profile.version).toBe('28')
    expect(createLab({ engine: '20.10' }).profile.version).toBe('20.10')
    expect(createLab({ engine: '28' }).profile.version).toBe('28')
    expect(behaviourOf(createLab({ engine: '28' })).apiVersion).toBe('1.51')
    expect(behaviourOf(createLab({ engine: '20.10' })).apiVersion).toBe('1.41')
  })

  test('a lab of 28 is saved and loaded again as 28 (the lab file records its engine)', () => {
    const lab = labOf('28', 'docker network create app', 'docker run -d --name web --network app nginx')
    const again = fromJSON(toJSON(lab))
    expect(again.profile.version).toBe('28')
    expect(toJSON(again)).toBe(toJSON(lab))
  })

  test('an explicit engine 28 lab is the default lab, byte for byte', () => {
    const lines = ['docker network create a', 'docker run -d --name web --network a -p 80:80 nginx']
    const lab = createLab()
    for (const l of lines) runDocker(lab, l)
    expect(toJSON(labOf('28', ...lines))).toBe(toJSON(lab))
    expect(toJSON(labOf('20.10', ...lines))).not.toBe(toJSON(lab))
  })
})

describe('ENGINE-28.md section 2: MAC addresses', () => {
  test('bridge endpoints get a random locally administered unicast MAC, not 02:42 + IP', () => {
    const lab = labOf('28', 'docker network create app', 'docker run -d --name web --network app nginx')
    const ep = endpointOf(lab, 'web', 'app')
    expect(ep.IPAddress).toBe('172.18.0.2')
    expect(ep.MacAddress).not.toBe('02:42:ac:12:00:02')
    expect(isLocalUnicast(ep.MacAddress)).toBe(true)
    // The same MAC in the link, network inspect and the container document.
    expect(
      lab.namespaces[namespaceOfContainer(lab, 'web')!]!.links.find((l) => l.ifname === 'eth0')?.address,
    ).toBe(ep.MacAddress)
    const net = inspect(lab, 'network inspect app')
    expect(Object.values<Json>(net.Containers)[0].MacAddress).toBe(ep.MacAddress)
    // 20.10 derives it from the address.
    const old = labOf('20.10', 'docker network create app', 'docker run -d --name web --network app nginx')
    expect(endpointOf(old, 'web', 'app').MacAddress).toBe('02:42:ac:12:00:02')
  })

  test('the same seed gives the same MACs; a new join gives a new MAC with the same IP', () => {
    const lines = ['docker run -d --name web nginx']
    const a = labOf('28', ...lines)
    const b = labOf('28', ...lines)
    const first = endpointOf(a, 'web', 'bridge')
    expect(endpointOf(b, 'web', 'bridge').MacAddress).toBe(first.MacAddress)
    runDocker(a, 'docker network disconnect bridge web')
    runDocker(a, 'docker network connect bridge web')
    const again = endpointOf(a, 'web', 'bridge')
    expect(again.IPAddress).toBe(first.IPAddress)
    expect(again.MacAddress).not.toBe(first.MacAddress)
    runDocker(a, 'docker restart web')
    expect(endpointOf(a, 'web', 'bridge').MacAddress).not.toBe(again.MacAddress)
  })

  test('--mac-address is kept; macvlan endpoints are random too', () => {
    const lab = labOf(
      '28',
      'docker network create --subnet 10.88.0.0/24 app',
      'docker run -d --name mac2 --network app --mac-address 02:00:00:00:00:bb nginx',
      'docker network create -d macvlan --subnet 10.99.6.0/24 -o parent=eth0 mv',
      'docker run -d --name m1 --network mv nginx',
    )
    expect(endpointOf(lab, 'mac2', 'app').MacAddress).toBe('02:00:00:00:00:bb')
    const mv = endpointOf(lab, 'm1', 'mv').MacAddress
    expect(mv).not.toBe('02:42:0a:63:06:02')
    expect(isLocalUnicast(mv)).toBe(true)
  })

  test('overlay endpoints keep 02:42 + IP', () => {
    const lab = labOf(
      '28',
      'docker swarm init',
      'docker network create -d overlay --attachable --subnet 10.0.1.0/24 ov',
      'docker run -d --name o1 --network ov nginx',
    )
    const ep = endpointOf(lab, 'o1', 'ov')
    expect(ep.MacAddress).toBe(`02:42:0a:00:01:${ep.IPAddress.split('.')[3].padStart(2, '0')}`)
  })

  test("the bridge devices' own MACs are random, not 02:42", () => {
    const lab = labOf('28', 'docker network create app')
    const host = lab.namespaces.host!
    for (const name of ['docker0', lab.networks.find((n) => n.name === 'app')!.device!]) {
      const mac = host.links.find((l) => l.ifname === name)!.address
      expect(mac.startsWith('02:42:')).toBe(false)
      expect(isLocalUnicast(mac)).toBe(true)
    }
  })
})

describe('ENGINE-28.md section 3: IPAM and subnet choice', () => {
  test('default pools: the lowest free one, so a freed pool is reused at once (sequences.sh)', () => {
    const lab = labOf(
      '28',
      'docker network create n1',
      'docker network create n2',
      'docker network create n3',
      'docker network rm n2',
      'docker network create n4',
    )
    expect(subnetOf(lab, 'n4')).toBe('172.19.0.0/16')
    for (const l of ['docker network rm n1 n3 n4', 'docker network create n5', 'docker network create n6'])
      runDocker(lab, l)
    expect([subnetOf(lab, 'n5'), subnetOf(lab, 'n6')]).toEqual(['172.18.0.0/16', '172.19.0.0/16'])
    // The 20.10 cursor is not 28's state: it stays where createLab left it.
    expect(lab.ipam).toEqual({ localCursor: 0, globalCursor: 0 })
  })

  test('20.10 keeps its round-robin cursor (sequences.sh on 20.10: n4 = 172.21)', () => {
    const lab = labOf(
      '20.10',
      'docker network create n1',
      'docker network create n2',
      'docker network create n3',
      'docker network rm n2',
      'docker network create n4',
    )
    expect(subnetOf(lab, 'n4')).toBe('172.21.0.0/16')
  })

  test('a --subnet with host bits set is refused (errors.sh nonaligned); 20.10 keeps it as given', () => {
    const lab = createLab({ engine: '28' })
    const r = runDocker(lab, 'docker network create --subnet 10.56.0.5/24 nonaligned')
    expect(r.exitCode).toBe(1)
    expect(r.error).toBe(
      'Error response from daemon: invalid network config:\ninvalid subnet 10.56.0.5/24: it should be 10.56.0.0/24\n',
    )
    expect(lab.networks.map((n) => n.name)).toEqual(['bridge', 'host', 'none'])
    const old = labOf('20.10', 'docker network create --subnet 10.56.0.5/24 nonaligned')
    expect(subnetOf(old, 'nonaligned')).toBe('10.56.0.5/24')
  })

  test('--ipv6 without a subnet: 28 takes 172.x from the pools and a random ULA /64 (errors.sh v6nosubnet)', () => {
    const lab = createLab({ engine: '28' })
    const r = runDocker(lab, 'docker network create -d bridge --ipv6 v6nosubnet')
    expect(r.exitCode).toBe(0)
    const network = lab.networks.find((n) => n.name === 'v6nosubnet')
    expect(network?.enableIPv6).toBe(true)
    const [v4, v6] = network?.ipam.config ?? []
    expect(v4).toEqual({ subnet: '172.18.0.0/16', gateway: '172.18.0.1' })
    expect(v6?.subnet).toMatch(/^fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}::\/64$/)
    expect(v6?.gateway).toBe(v6?.subnet.replace('/64', '1'))
    // The same seed draws the same prefix; another network draws another.
    const again = createLab({ engine: '28' })
    runDocker(again, 'docker network create -d bridge --ipv6 v6nosubnet')
    expect(again.networks.find((n) => n.name === 'v6nosubnet')?.ipam.config[1]?.subnet).toBe(v6?.subnet)
    runDocker(lab, 'docker network create --ipv6 other')
    expect(lab.networks.find((n) => n.name === 'other')?.ipam.config[1]?.subnet).not.toBe(v6?.subnet)
    const old = runDocker(createLab({ engine: '20.10' }), 'docker network create -d bridge --ipv6 v6nosubnet')
    expect(old.error).toContain('could not find an available, non-overlapping IPv6 address pool')
  })
})

describe('ENGINE-28.md section 4: interface naming and order', () => {
  test('the lowest free ethN is reused after a disconnect (default-bridge.sh db)', () => {
    const lines = [
      'docker run -d --name db nginx',
      'docker network disconnect bridge db',
      'docker network connect bridge db',
    ]
    expect(endpointOf(labOf('28', ...lines), 'db', 'bridge')).toBeDefined()
    const lab = labOf('28', ...lines)
    expect(routesOf(lab, 'db')).toContain('default via 172.17.0.1 dev eth0')
    expect(routesOf(labOf('20.10', ...lines), 'db')).toContain('default via 172.17.0.1 dev eth1')
  })

  test('multi-network.sh mn: neta, +netb, +netc, -netb, +netd puts netd on eth1 (20.10: eth3)', () => {
    const lines = [
      'docker network create --subnet 10.81.0.0/24 neta',
      'docker network create --subnet 10.82.0.0/24 netb',
      'docker network create --subnet 10.83.0.0/24 netc',
      'docker network create --subnet 10.84.0.0/24 netd',
      'docker run -d --name mn --network neta nginx',
      'docker network connect netb mn',
      'docker network connect netc mn',
      'docker network disconnect netb mn',
      'docker network connect netd mn',
    ]
    expect(routesOf(labOf('28', ...lines), 'mn')).toContain('10.84.0.0/24 dev eth1 ')
    expect(routesOf(labOf('20.10', ...lines), 'mn')).toContain('10.84.0.0/24 dev eth3 ')
  })

  test('at start the networks are joined in name order, one of the observed rotations (the bridge is not first)', () => {
    const lines = [
      'docker network create --subnet 10.31.0.0/24 app',
      'docker create --name mc --network app nginx',
      'docker network connect bridge mc',
      'docker start mc',
    ]
    const routes = routesOf(labOf('28', ...lines), 'mc')
    expect(routes).toContain('10.31.0.0/24 dev eth0 ')
    expect(routes).toContain('172.17.0.0/16 dev eth1 ')
    // The default route belongs to the network that sorts first by name (moby's Endpoint.Less): app.
    expect(routes).toContain('default via 10.31.0.1 dev eth0')
    expect(routesOf(labOf('20.10', ...lines), 'mc')).toContain('172.17.0.0/16 dev eth0 ')
    // With e28a (after "bridge"), the default route is the bridge's (Nondeterminism: always via 172.17.0.1).
    const e28a = labOf('28', ...lines.map((l) => l.replace(/\bapp\b/, 'e28a')))
    expect(routesOf(e28a, 'mc')).toContain('default via 172.17.0.1 dev eth0')
  })
})

describe('ENGINE-28.md section 5: routes', () => {
  test('an --internal bridge network gives no default route and an empty Gateway', () => {
    const lines = [
      'docker network create --internal --subnet 172.18.0.0/16 internalnet',
      'docker run -d --name c-internal --network internalnet nginx',
    ]
    const lab = labOf('28', ...lines)
    expect(routesOf(lab, 'c-internal')).toBe(
      '172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.2 \n',
    )
    expect(endpointOf(lab, 'c-internal', 'internalnet').Gateway).toBe('')
    // The bridge keeps its address (the network's gateway).
    expect(
      lab.namespaces.host!.routes.some((r) => r.dst === '172.18.0.0/16' && r.prefsrc === '172.18.0.1'),
    ).toBe(true)
    const old = labOf('20.10', ...lines)
    expect(routesOf(old, 'c-internal')).toContain('default via 172.18.0.1 dev eth0')
    expect(endpointOf(old, 'c-internal', 'internalnet').Gateway).toBe('172.18.0.1')
  })

  test('with an internal and a normal network, the default route goes through the normal one', () => {
    const lab = labOf(
      '28',
      'docker network create --internal --subnet 10.93.0.0/24 aaa',
      'docker network create --subnet 10.94.0.0/24 zzz',
      'docker run -d --name both --network aaa nginx',
      'docker network connect zzz both',
    )
    expect(routesOf(lab, 'both')).toContain('default via 10.94.0.1 dev eth1')
  })
})

describe('ENGINE-28.md section 6: inspect documents', () => {
  test('network inspect: EnableIPv4 after Driver, the default bridge shows its Gateway, host and none have null Config', () => {
    const lab = createLab({ engine: '28' })
    const bridge = inspect(lab, 'network inspect bridge')
    expect(Object.keys(bridge)).toEqual([
      'Name',
      'Id',
      'Created',
      'Scope',
      'Driver',
      'EnableIPv4',
      'EnableIPv6',
      'IPAM',
      'Internal',
      'Attachable',
      'Ingress',
      'ConfigFrom',
      'ConfigOnly',
      'Containers',
      'Options',
      'Labels',
    ])
    expect(bridge.EnableIPv4).toBe(true)
    expect(bridge.IPAM.Config).toEqual([{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }])
    expect(inspect(lab, 'network inspect host').IPAM.Config).toBeNull()
    expect(inspect(lab, 'network inspect none').IPAM.Config).toBeNull()
    const old = createLab({ engine: '20.10' })
    expect(inspect(old, 'network inspect bridge').IPAM.Config).toEqual([{ Subnet: '172.17.0.0/16' }])
    expect(inspect(old, 'network inspect host').IPAM.Config).toEqual([])
    expect(Object.keys(inspect(old, 'network inspect bridge'))).not.toContain('EnableIPv4')
  })

  test('a --config-only network without --subnet has a null Config on 28, [] on 20.10 (config-only cf-empty)', () => {
    const lines = [
      'docker network create --config-only cf-empty',
      'docker network create --config-only --subnet 10.204.0.0/24 cf-cfg',
    ]
    const lab = labOf('28', ...lines)
    expect(inspect(lab, 'network inspect cf-empty').IPAM.Config).toBeNull()
    expect(inspect(lab, 'network inspect cf-cfg').IPAM.Config).toEqual([{ Subnet: '10.204.0.0/24' }])
    const old = labOf('20.10', ...lines)
    expect(inspect(old, 'network inspect cf-empty').IPAM.Config).toEqual([])
    expect(inspect(old, 'network inspect cf-cfg').IPAM.Config).toEqual([{ Subnet: '10.204.0.0/24' }])
  })

  test('container inspect: NetworkMode "bridge" for no --network, and 28 key order of NetworkSettings', () => {
    const lab = labOf('28', 'docker run -d --name web nginx')
    const doc = inspect(lab, 'inspect web')
    expect(doc.HostConfig.NetworkMode).toBe('bridge')
    expect(Object.keys(doc.NetworkSettings)).toEqual(
      'Bridge SandboxID SandboxKey Ports HairpinMode LinkLocalIPv6Address LinkLocalIPv6PrefixLen SecondaryIPAddresses SecondaryIPv6Addresses EndpointID Gateway GlobalIPv6Address GlobalIPv6PrefixLen IPAddress IPPrefixLen IPv6Gateway MacAddress Networks'.split(
        ' ',
      ),
    )
    const ep = doc.NetworkSettings.Networks.bridge
    expect(Object.keys(ep)).toEqual(
      'IPAMConfig Links Aliases MacAddress DriverOpts GwPriority NetworkID EndpointID Gateway IPAddress IPPrefixLen IPv6Gateway GlobalIPv6Address GlobalIPv6PrefixLen DNSNames'.split(
        ' ',
      ),
    )
    expect(ep.GwPriority).toBe(0)
    expect(ep.DNSNames).toBeNull()
    expect(
      inspect(labOf('20.10', 'docker run -d --name web nginx'), 'inspect web').HostConfig.NetworkMode,
    ).toBe('default')
  })

  test("user networks: DNSNames is [name, aliases, short id, hostname] from the first start; Aliases only the user's", () => {
    const lab = labOf(
      '28',
      'docker network create --subnet 10.77.0.0/24 seamnet',
      'docker create --name seamc --network seamnet --network-alias al1 --hostname hh nginx',
    )
    expect(endpointOf(lab, 'seamc', 'seamnet').DNSNames).toBeNull()
    runDocker(lab, 'docker start seamc')
    const id = inspect(lab, 'inspect seamc').Id.slice(0, 12)
    const ep = endpointOf(lab, 'seamc', 'seamnet')
    expect(ep.Aliases).toEqual(['al1'])
    expect(ep.DNSNames).toEqual(['seamc', 'al1', id, 'hh'])
    runDocker(lab, 'docker stop seamc')
    expect(endpointOf(lab, 'seamc', 'seamnet').DNSNames).toEqual(['seamc', 'al1', id, 'hh'])
    // A container whose hostname is its short id lists it once (e28api: ["e28api","2ca05fa860bb"]).
    const api = labOf('28', 'docker network create e28', 'docker run -d --name e28api --network e28 nginx')
    const apiId = inspect(api, 'inspect e28api').Id.slice(0, 12)
    expect(endpointOf(api, 'e28api', 'e28').DNSNames).toEqual(['e28api', apiId])
    expect(endpointOf(api, 'e28api', 'e28').Aliases).toBeNull()
    // 20.10 keeps the short id (and hostname) in Aliases.
    const old = labOf(
      '20.10',
      'docker network create --subnet 10.77.0.0/24 seamnet',
      'docker run -d --name seamc --network seamnet --network-alias al1 --hostname hh nginx',
    )
    const oldId = inspect(old, 'inspect seamc').Id.slice(0, 12)
    expect(endpointOf(old, 'seamc', 'seamnet').Aliases).toEqual(['al1', oldId, 'hh'])
  })
})

describe('ENGINE-28.md 7.2: endpoint settings are validated before create', () => {
  test('a bad --ip leaves no container and prints no ID', () => {
    const lab = labOf('28', 'docker network create --subnet 10.50.0.0/24 base')
    for (const line of [
      'docker run -d --name bad1 --network base --ip 10.51.0.5 nginx',
      'docker run -d --name bad2 --network bridge --ip 172.17.0.51 nginx',
      'docker run -d --name bad3 --network host --ip 10.1.1.1 nginx',
    ]) {
      const r = runDocker(lab, line)
      expect(r.exitCode).toBe(125)
      expect(r.output).toBe('')
    }
    expect(Object.keys(lab.containers)).toEqual([])
    // 20.10 creates the container, then its start fails.
    const old = labOf('20.10', 'docker network create --subnet 10.50.0.0/24 base')
    const r = runDocker(old, 'docker run -d --name bad1 --network base --ip 10.51.0.5 nginx')
    expect(r.exitCode).toBe(125)
    expect(r.output).toMatch(/^[0-9a-f]{64}\n$/)
  })

  test('container:web --ip, accepted by 20.10, is refused', () => {
    const lines = ['docker run -d --name web nginx']
    const lab = labOf('28', ...lines)
    expect(
      runDocker(lab, 'docker run -d --name side --network container:web --ip 172.17.0.99 nginx').exitCode,
    ).toBe(125)
    const old = labOf('20.10', ...lines)
    expect(
      runDocker(old, 'docker run -d --name side --network container:web --ip 172.17.0.99 nginx').exitCode,
    ).toBe(0)
  })
})

describe('ENGINE-28.md 1.5 and 8: docker-proxy', () => {
  test('gets -use-listen-fd', () => {
    const lab = createLab({ engine: '28' })
    const ops = runDocker(lab, 'docker run -d --name p1 -p 8080:80 nginx')
      .operations.map(operationText)
      .join('\n')
    expect(ops).toContain(
      '/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80 -use-listen-fd',
    )
    const old = runDocker(createLab({ engine: '20.10' }), 'docker run -d --name p1 -p 8080:80 nginx')
      .operations.map(operationText)
      .join('\n')
    expect(old).not.toContain('-use-listen-fd')
  })
})

describe('ENGINE-28.md 1.5: -P takes one ephemeral port for both families', () => {
  test('ports.sh p3, p7, p8: p8 gets 32770 on 0.0.0.0 and on [::] (20.10: 32770 and 32769)', () => {
    const lines = [
      'docker run -d --name p3 -p 80 nginx',
      'docker run -d --name p7 -p 127.0.0.1::81 nginx',
      'docker run -d --name p8 -P --expose 82 nginx',
    ]
    const ports = (lab: LabState) => inspect(lab, 'inspect p8').NetworkSettings.Ports['82/tcp']
    expect(ports(labOf('28', ...lines))).toEqual([
      { HostIp: '0.0.0.0', HostPort: '32770' },
      { HostIp: '::', HostPort: '32770' },
    ])
    expect(ports(labOf('20.10', ...lines))).toEqual([
      { HostIp: '0.0.0.0', HostPort: '32770' },
      { HostIp: '::', HostPort: '32769' },
    ])
  })
})

describe('ENGINE-28.md 7.3: behaviour changes visible as exit codes', () => {
  test('--mac-address with --network container: or host is accepted (modes-errors e5, e13)', () => {
    const lines = ['docker run -d --name web nginx']
    const e5 = 'docker run -d --name e5 --network container:web --mac-address 02:00:00:00:00:bb nginx'
    const e13 = 'docker run -d --name e13 --network host --mac-address 02:00:00:00:00:cc nginx'
    const lab = labOf('28', ...lines)
    expect(runDocker(lab, e5).exitCode).toBe(0)
    expect(runDocker(lab, e13).exitCode).toBe(0)
    expect(inspect(lab, 'inspect e5').State.Running).toBe(true)
    const old = labOf('20.10', ...lines)
    expect(runDocker(old, e5).error).toContain('conflicting options: mac-address and the network mode')
    expect(runDocker(old, e13).exitCode).toBe(125)
  })

  test('a second macvlan network on the same parent is created (macvlan.sh mv2); ipvlan still refuses', () => {
    const lines = ['docker network create -d macvlan --subnet 10.99.0.0/24 -o parent=eth0 mv']
    const mv2 = 'docker network create -d macvlan --subnet 10.99.6.0/24 -o parent=eth0 mv2'
    expect(runDocker(labOf('28', ...lines), mv2).exitCode).toBe(0)
    expect(runDocker(labOf('20.10', ...lines), mv2).error).toMatch(/is already using parent interface eth0/)
    const iv = labOf('28', 'docker network create -d ipvlan --subnet 10.98.0.0/24 -o parent=eth0 iv')
    const r = runDocker(iv, 'docker network create -d ipvlan --subnet 10.98.6.0/24 -o parent=eth0 iv2')
    expect(r.exitCode).toBe(1)
    expect(r.error).toMatch(/network di-[0-9a-f]{12} is already using parent interface eth0/)
  })
})

describe('ENGINE-28.md section 3: an internal macvlan network reserves no gateway', () => {
  test('macvlan.sh mvinternal: the first container gets .1 (20.10: .2); IPAM Config is the subnet alone', () => {
    const lines = [
      'docker network create -d macvlan --internal --subnet 10.99.9.0/24 -o parent=eth0 mvinternal',
      'docker run -d --name mi --network mvinternal nginx',
    ]
    const lab = labOf('28', ...lines)
    expect(endpointOf(lab, 'mi', 'mvinternal').IPAddress).toBe('10.99.9.1')
    expect(endpointOf(lab, 'mi', 'mvinternal').Gateway).toBe('')
    expect(inspect(lab, 'network inspect mvinternal').IPAM.Config).toEqual([{ Subnet: '10.99.9.0/24' }])
    expect(routesOf(lab, 'mi')).toBe('10.99.9.0/24 dev eth0 proto kernel scope link src 10.99.9.1 \n')
    expect(fromJSON(toJSON(lab)).networks.find((n) => n.name === 'mvinternal')?.gateway).toBeUndefined()
    for (const l of ['docker rm -f mi', 'docker network rm mvinternal'])
      expect(runDocker(lab, l).exitCode).toBe(0)
    const old = labOf('20.10', ...lines)
    expect(endpointOf(old, 'mi', 'mvinternal').IPAddress).toBe('10.99.9.2')
    expect(inspect(old, 'network inspect mvinternal').IPAM.Config).toEqual([{ Subnet: '10.99.9.0/24' }])
  })
})

describe('ENGINE-28.md section 6: --mac-address lives in the endpoint settings', () => {
  test('a created container shows it on its endpoint; after a start and stop the endpoint shows ""', () => {
    const lab = labOf(
      '28',
      'docker network create --subnet 10.88.0.0/24 seamm',
      'docker create --name m1 --network seamm --mac-address 02:00:00:00:00:bb nginx',
    )
    expect(endpointOf(lab, 'm1', 'seamm').MacAddress).toBe('02:00:00:00:00:bb')
    runDocker(lab, 'docker start m1')
    expect(endpointOf(lab, 'm1', 'seamm').MacAddress).toBe('02:00:00:00:00:bb')
    runDocker(lab, 'docker stop m1')
    expect(endpointOf(lab, 'm1', 'seamm').MacAddress).toBe('')
    expect(inspect(lab, 'inspect m1').Config.MacAddress).toBe('02:00:00:00:00:bb')
    const old = labOf(
      '20.10',
      'docker network create --subnet 10.88.0.0/24 seamm',
      'docker create --name m1 --network seamm --mac-address 02:00:00:00:00:bb nginx',
    )
    expect(endpointOf(old, 'm1', 'seamm').MacAddress).toBe('')
  })

  test('host (28 only: 20.10 refuses it) and none endpoints carry the --mac-address (modes-errors e13)', () => {
    const hostMac = (lab: LabState, name: string, network: string) => {
      const doc = inspect(lab, `network inspect ${network}`)
      const ep = Object.values<Json>(doc.Containers).find((c) => c.Name === name)
      return [endpointOf(lab, name, network).MacAddress, ep?.MacAddress]
    }
    const lab = labOf(
      '28',
      'docker run -d --name e13 --network host --mac-address 02:00:00:00:00:cc nginx',
      'docker run -d --name n1 --network none --mac-address 02:00:00:00:00:dd nginx',
    )
    expect(hostMac(lab, 'e13', 'host')).toEqual(['02:00:00:00:00:cc', '02:00:00:00:00:cc'])
    expect(hostMac(lab, 'n1', 'none')).toEqual(['02:00:00:00:00:dd', '02:00:00:00:00:dd'])
    // The legacy top-level field is the default bridge's only.
    expect(inspect(lab, 'inspect e13').NetworkSettings.MacAddress).toBe('')
    const old = labOf('20.10', 'docker run -d --name n1 --network none --mac-address 02:00:00:00:00:dd nginx')
    expect(hostMac(old, 'n1', 'none')).toEqual(['02:00:00:00:00:dd', '02:00:00:00:00:dd'])
  })
})

describe('ENGINE-28.md section 6: a start that fails in a join keeps all three file paths', () => {
  test('ports.sh conflict: 28 keeps HostnamePath too; 20.10 keeps HostsPath and ResolvConfPath only', () => {
    const lines = ['docker run -d --name first -p 8080:80 nginx']
    const conflict = 'docker run -d --name conflict -p 8080:80 nginx'
    const paths = (lab: LabState) => {
      const doc = inspect(lab, 'inspect conflict')
      return [doc.State.Status, doc.HostnamePath, doc.HostsPath, doc.ResolvConfPath]
    }
    const lab = labOf('28', ...lines)
    expect(runDocker(lab, conflict).exitCode).toBe(125)
    const [status, hostname, hosts, resolv] = paths(lab)
    expect(status).toBe('created')
    expect(hostname).toMatch(/\/containers\/[0-9a-f]{64}\/hostname$/)
    expect(hosts).toBe(hostname.replace(/hostname$/, 'hosts'))
    expect(resolv).toBe(hostname.replace(/hostname$/, 'resolv.conf'))
    const old = labOf('20.10', ...lines)
    expect(runDocker(old, conflict).exitCode).toBe(125)
    const [, oldHostname, oldHosts] = paths(old)
    expect(oldHostname).toBe('')
    expect(oldHosts).toMatch(/\/hosts$/)
  })
})

describe('sandbox files: what a docker stop leaves in /etc/hosts for the containers sharing the namespace', () => {
  const lines = [
    'docker network create app',
    'docker run -d --name web nginx',
    'docker run -d --name side --network container:web nginx',
    'docker run -d --name api --network app nginx',
    'docker run -d --name apiside --network container:api nginx',
    'docker stop web',
    'docker stop api',
  ]
  const ownLine = (lab: LabState, sharer: string) => {
    const c = Object.values(lab.containers).find((o) => o.name === sharer)!
    return (containerFiles(lab, c)?.hosts ?? '')
      .split('\n')
      .filter((l) => /^\d+\.\d+\.\d+\.\d+\t/.test(l) && !l.startsWith('127.'))
  }

  test('28 deletes each endpoint line at stop (modes side, side2)', () => {
    const lab = labOf('28', ...lines)
    expect(ownLine(lab, 'side')).toEqual([])
    expect(ownLine(lab, 'apiside')).toEqual([])
    expect(runDocker(lab, 'docker start web').exitCode).toBe(0)
    expect(ownLine(lab, 'side')).toEqual([
      `172.17.0.2\t${Object.values(lab.containers).find((o) => o.name === 'web')?.hostname}`,
    ])
  })

  test('20.10 keeps the default bridge line and deletes a user network one', () => {
    const lab = labOf('20.10', ...lines)
    expect(ownLine(lab, 'side')).toHaveLength(1)
    expect(ownLine(lab, 'side')[0]).toMatch(/^172\.17\.0\.2\t[0-9a-f]{12}$/)
    expect(ownLine(lab, 'apiside')).toEqual([])
  })
})
