import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { explainContainer, explainIptables } from './explain.js'

function richLab() {
  const lab = createLab({ engine: '20.10' })
  for (const line of [
    'docker network create --subnet 10.88.0.0/24 app',
    'docker network create --internal secret',
    'docker network create -o com.docker.network.bridge.enable_icc=false noicc',
    'docker run -d --name web --network app -p 8080:80 nginx',
    'docker run -d --name db --network secret postgres',
    'docker run -d --name side --network container:web busybox',
    'docker run -d --name mon --network host busybox',
    'docker run -d --name vault --network none busybox',
    'docker run -d --name legacy -p 127.0.0.1:9090:90/udp busybox',
    'docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 -o parent=eth0 lan',
    'docker run -d --name printer --network lan busybox',
  ]) {
    expect(runDocker(lab, line).exitCode, line).toBe(0)
  }
  return lab
}

describe.each(['en', 'zh-CN'] as const)('explanations in %s', (lang) => {
  const lab = richLab()
  test('every rule Docker wrote gets a sentence of its own (none is "not Docker\'s")', () => {
    for (const table of ['nat', 'filter'] as const) {
      const rules = explainIptables(lab, table, lang)
      expect(rules.length).toBeGreaterThan(10)
      for (const r of rules) {
        expect(r.why, r.text).not.toMatch(/not write|不是 Docker 写入/)
        expect(r.why.length).toBeGreaterThan(10)
      }
    }
  })
  test('each mode is explained about the lab itself', () => {
    const web = lab.containers[lab.containerNames.web ?? '']!
    const ep = Object.values(lab.networks.find((n) => n.name === 'app')!.endpoints)[0]!
    const text = explainContainer(lab, 'web', lang).join(' ')
    expect(text).toContain(ep.hostVeth!)
    expect(text).toContain(lab.networks.find((n) => n.name === 'app')!.device!)
    expect(text).toContain('10.88.0.2/24')
    expect(web.state).toBe('running')
    expect(explainContainer(lab, 'side', lang).join(' ')).toContain('web')
    expect(explainContainer(lab, 'mon', lang)[0]).toMatch(/host/)
    expect(explainContainer(lab, 'vault', lang)[0]).toMatch(/none/)
    expect(explainContainer(lab, 'printer', lang)[0]).toMatch(/macvlan.*eth0/)
  })
})

test("the Chinese explanation uses the seed article's terms", () => {
  const text = explainContainer(richLab(), 'web', 'zh-CN').join('')
  for (const term of ['veth pair', '网桥', 'Network namespace', '宿主机']) expect(text).toContain(term)
})

describe('explanations are true of the lab they are about', () => {
  const lab = createLab({ engine: '20.10', profile: { userlandProxy: false } })
  for (const line of [
    'docker network create --subnet 10.88.0.0/24 app',
    'docker network create -o com.docker.network.bridge.enable_ip_masquerade=false nomasq',
    'docker run -d --name web --network app nginx',
    'docker network connect bridge web',
    'docker run -d --name nm --network nomasq busybox',
    'docker run -d --name vault --network none busybox',
    'docker run -d --name side --network container:vault busybox',
    'docker create --name fresh busybox',
    'docker swarm init',
    'docker network create -d overlay --attachable ov',
    'docker run -d --name svc --network ov busybox',
  ])
    expect(runDocker(lab, line).exitCode, line).toBe(0)
  const en = (name: string) => explainContainer(lab, name, 'en').join(' ')
  const zh = (name: string) => explainContainer(lab, name, 'zh-CN').join(' ')
  test('a second network is not said to lack a default route: it goes through the other interface', () => {
    expect(en('web')).toContain('on bridge: its eth1 is')
    expect(en('web')).toContain('its default route goes out through its eth0, not through this network')
    expect(en('web')).not.toContain('it has no default route')
    expect(zh('web')).toContain('默认路由经它的 eth0 出去，不经过这个网络')
  })
  test('no MASQUERADE where masquerading is off', () => {
    expect(en('nm')).toContain('without NAT: IP masquerading is off on this network')
    expect(en('nm')).not.toContain('MASQUERADE)')
    expect(zh('nm')).toContain('关闭了 IP 伪装')
  })
  test('sharing a none-mode namespace shares no IP and no MAC', () => {
    expect(en('side')).toMatch(
      /^side shares the network namespace of vault \(container mode\), and vault has nothing but the loopback/,
    )
    expect(en('side')).not.toContain('same IP')
    expect(zh('side')).not.toContain('同样的网卡、IP、MAC')
  })
  test('a created container never had addresses to give back', () => {
    expect(en('fresh')).toBe(
      'fresh is created but has never been started: it has no network namespace and no address yet; Docker builds them when it starts.',
    )
    expect(zh('fresh')).toContain('从未启动')
  })
  test('an overlay container: its own gwbridge interface, and no "bridge mode" line for docker_gwbridge', () => {
    expect(en('svc')).toContain('Its way out to the world is its eth1 on docker_gwbridge')
    expect(en('svc')).not.toContain('bridge mode on docker_gwbridge')
    expect(zh('svc')).toContain('接入 docker_gwbridge 的 eth1')
  })
  test('without the userland proxy, OUTPUT sends 127.0.0.1 to DOCKER too, and says so', () => {
    const output = explainIptables(lab, 'nat', 'en').find((r) => r.chain === 'OUTPUT')
    expect(output?.text).toBe('-A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER')
    expect(output?.why).not.toContain('but not to 127.0.0.0/8')
    expect(explainIptables(lab, 'nat', 'zh-CN').find((r) => r.chain === 'OUTPUT')?.why).toContain(
      '包括 127.0.0.1',
    )
  })
  test('FORWARD -o BRIDGE -j DOCKER governs traffic from other interfaces only; outgoing traffic is not "anything"', () => {
    const rules = explainIptables(lab, 'filter', 'en')
    const toDocker = rules.find((r) => /^-A FORWARD -o docker0 -j DOCKER$/.test(r.text))
    expect(toDocker?.why).toBe(
      'New traffic into docker0 from other interfaces is only allowed by the DOCKER chain, i.e. to published ports.',
    )
    const out = rules.find((r) => r.text === '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT')
    expect(out?.why).toContain('already dropped by the isolation chains')
  })
})

describe.each(['en', 'zh-CN'] as const)('Docker 28 rules explained in %s', (lang) => {
  const lab = createLab({ profile: { version: '28' } })
  for (const line of [
    'docker network create app',
    'docker network create --internal secret',
    'docker network create -o com.docker.network.bridge.enable_icc=false noicc',
    'docker run -d --name web --network app -p 8080:80 -p 127.0.0.1:9090:90 nginx',
    'docker run -d --name db --network secret postgres',
  ]) {
    expect(runDocker(lab, line).exitCode, line).toBe(0)
  }
  test('every rule Docker 28 wrote, raw included, gets a sentence of its own', () => {
    for (const table of ['nat', 'filter', 'raw'] as const) {
      const rules = explainIptables(lab, table, lang)
      expect(rules.length, table).toBeGreaterThan(table === 'raw' ? 1 : 8)
      for (const r of rules) {
        expect(r.why, r.text).not.toMatch(/not write|不是 Docker 写入/)
        expect(r.why.length).toBeGreaterThan(10)
      }
    }
  })
  test('a rule is explained by what it does, not by its chain: the ICC DROP in DOCKER-FORWARD', () => {
    const noicc = lab.networks.find((n) => n.name === 'noicc')?.device ?? ''
    const why = (text: string) => explainIptables(lab, 'filter', lang).find((r) => r.text === text)?.why
    expect(why(`-A DOCKER-FORWARD -i ${noicc} -o ${noicc} -j DROP`)).toMatch(/ICC|enable_icc/)
  })
  test('the raw DROPs say which address or port they protect', () => {
    const raw = explainIptables(lab, 'raw', lang)
    expect(raw.map((r) => r.text)).toEqual([
      `-A PREROUTING -d 172.18.0.2/32 ! -i ${lab.networks.find((n) => n.name === 'app')?.device} -j DROP`,
      '-A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 9090 -j DROP',
    ])
    expect(raw[0]?.why).toContain('172.18.0.2')
    expect(raw[1]?.why).toContain('9090/tcp')
  })
})

describe.each(['20.10', '28'] as const)('IPv6 in explanations (%s)', (engine) => {
  const lab = createLab({ engine })
  runDocker(lab, 'docker network create --ipv6 --subnet 10.81.0.0/24 --subnet fd00:81::/64 dual')
  runDocker(lab, 'docker run -d --name web --network dual -p 18080:80 nginx')
  const firewalled = engine === '28'

  test('the IPv6 address, and whether Docker filters it', () => {
    const lines = explainContainer(lab, 'web', 'en')
    const v6 = lines.find((l) => l.includes('IPv6 address fd00:81::2/64'))
    expect(v6).toContain('IPv6 default route to fd00:81::1')
    expect(v6).toContain(
      firewalled ? 'IPv6 is filtered as IPv4 is' : 'Docker writes no ip6tables rule for it',
    )
    expect(explainContainer(lab, 'web', 'zh-CN').join('\n')).toContain('IPv6 地址 fd00:81::2/64')
  })

  test('a port published on 0.0.0.0 is reachable on [::] too, and why', () => {
    const line = explainContainer(lab, 'web', 'en').find((l) => l.startsWith('Port 18080/tcp'))
    expect(line).toContain('also reachable on [::]:18080')
    expect(line).toContain('connects to [fd00:81::2]:80')
    expect(line).toContain(firewalled ? 'DNAT of that port in ip6tables' : 'through the proxy alone')
    expect(explainContainer(lab, 'web', 'zh-CN').join('\n')).toContain('[::]:18080')
  })
})
