/**
 * Docker 28's iptables, compared line for line with what a real 28.5.2
 * engine printed (conformance/ENGINE-28.md section 1): the scenario lines
 * are the conformance scenarios', the expected texts the engine's
 * `iptables-save`, with bridge names written br-<network name>.
 */
import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import type { LabState } from '../model/state.js'
import { renderIptablesSave } from '../netfilter/iptables-save.js'

const IMAGE = 'netmodes/busybox:test sleep 3600'

function lab28(lines: string[]): LabState {
  const lab = createLab({ profile: { version: '28' } })
  for (const line of lines) runDocker(lab, line)
  return lab
}

/** One table as `iptables-save -t TABLE` prints it, user bridges renamed br-<network name>. */
function save(lab: LabState, table: 'nat' | 'filter' | 'raw'): string {
  let text = renderIptablesSave(lab.netfilter, table)
  for (const n of lab.networks) {
    if (n.device?.startsWith('br-')) text = text.replaceAll(n.device, `br-<${n.name}>`)
  }
  return text
}

/** The `-A` lines of a table (what ENGINE-28.md quotes when it leaves the declarations out). */
function rules(lab: LabState, table: 'nat' | 'filter' | 'raw', chain?: string): string[] {
  return save(lab, table)
    .split('\n')
    .filter((l) => l.startsWith(chain ? `-A ${chain} ` : '-A '))
}

describe('Docker 28 at daemon start (ENGINE-28.md 1.1)', () => {
  const lab = lab28([])
  test('filter: DOCKER-FORWARD, DOCKER-CT, DOCKER-BRIDGE; no RETURN; a per-bridge DROP', () => {
    expect(save(lab, 'filter')).toBe(
      [
        '*filter',
        ':INPUT ACCEPT [0:0]',
        ':FORWARD DROP [0:0]',
        ':OUTPUT ACCEPT [0:0]',
        ':DOCKER - [0:0]',
        ':DOCKER-BRIDGE - [0:0]',
        ':DOCKER-CT - [0:0]',
        ':DOCKER-FORWARD - [0:0]',
        ':DOCKER-ISOLATION-STAGE-1 - [0:0]',
        ':DOCKER-ISOLATION-STAGE-2 - [0:0]',
        ':DOCKER-USER - [0:0]',
        '-A FORWARD -j DOCKER-USER',
        '-A FORWARD -j DOCKER-FORWARD',
        '-A DOCKER ! -i docker0 -o docker0 -j DROP',
        '-A DOCKER-BRIDGE -o docker0 -j DOCKER',
        '-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
        '-A DOCKER-FORWARD -j DOCKER-CT',
        '-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1',
        '-A DOCKER-FORWARD -j DOCKER-BRIDGE',
        '-A DOCKER-FORWARD -i docker0 -j ACCEPT',
        '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2',
        '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP',
        'COMMIT',
        '',
      ].join('\n'),
    )
  })
  test('nat is the same as 20.10', () => {
    expect(save(lab, 'nat')).toBe(
      [
        '*nat',
        ':PREROUTING ACCEPT [0:0]',
        ':INPUT ACCEPT [0:0]',
        ':OUTPUT ACCEPT [0:0]',
        ':POSTROUTING ACCEPT [0:0]',
        ':DOCKER - [0:0]',
        '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
        '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
        '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
        '-A DOCKER -i docker0 -j RETURN',
        'COMMIT',
        '',
      ].join('\n'),
    )
  })
  test('no raw table before the first endpoint', () => {
    expect(lab.netfilter.raw).toBeUndefined()
  })
})

const OPTIONS = [
  'docker network create --internal internalnet',
  `docker run -d --name c-internal --network internalnet -p 8081:80 ${IMAGE}`,
  'docker network create -o com.docker.network.bridge.enable_icc=false noicc',
  `docker run -d --name c-noicc --network noicc -p 8082:80 ${IMAGE}`,
  'docker network create -o com.docker.network.bridge.enable_ip_masquerade=false nomasq',
  `docker run -d --name c-nomasq --network nomasq -p 8083:80 ${IMAGE}`,
  'docker network create -o com.docker.network.bridge.host_binding_ipv4=127.0.0.1 localbind',
  `docker run -d --name c-localbind --network localbind -p 8084:80 ${IMAGE}`,
  'docker network create -o com.docker.network.bridge.name=mybr0 named',
  `docker run -d --name c-named --network named ${IMAGE}`,
  'docker network create -o com.docker.network.driver.mtu=1400 mtu1400',
  `docker run -d --name c-mtu --network mtu1400 ${IMAGE}`,
  'docker network create --label a=b --label team=net labeled',
  `docker run -d --name c-labeled --network labeled ${IMAGE}`,
  'docker network create --attachable attach',
  `docker run -d --name c-attach --network attach ${IMAGE}`,
  'docker network create -o foo=bar --label x=y -o com.docker.network.bridge.enable_icc=true iccon',
  'docker network create --internal -o com.docker.network.bridge.enable_icc=false internalnoicc',
  `docker run -d --name c-internalnoicc --network internalnoicc ${IMAGE}`,
  'docker network create -o com.docker.network.bridge.name=mybr0 dupname',
  'docker network create -o com.docker.network.driver.mtu=abc badmtu',
  'docker network create -o com.docker.network.bridge.enable_icc=maybe badicc',
]

describe('Docker 28 bridge networks, options.sh (ENGINE-28.md 1.2, 1.3)', () => {
  const lab = lab28(OPTIONS)
  test('the filter table, exactly', () => {
    expect(rules(lab, 'filter')).toEqual([
      '-A FORWARD -j DOCKER-USER',
      '-A FORWARD -j DOCKER-FORWARD',
      '-A DOCKER -d 172.21.0.2/32 ! -i br-<localbind> -o br-<localbind> -p tcp -m tcp --dport 80 -j ACCEPT',
      '-A DOCKER -d 172.20.0.2/32 ! -i br-<nomasq> -o br-<nomasq> -p tcp -m tcp --dport 80 -j ACCEPT',
      '-A DOCKER -d 172.19.0.2/32 ! -i br-<noicc> -o br-<noicc> -p tcp -m tcp --dport 80 -j ACCEPT',
      '-A DOCKER ! -i docker0 -o docker0 -j DROP',
      '-A DOCKER ! -i br-<noicc> -o br-<noicc> -j DROP',
      '-A DOCKER ! -i br-<nomasq> -o br-<nomasq> -j DROP',
      '-A DOCKER ! -i br-<localbind> -o br-<localbind> -j DROP',
      '-A DOCKER ! -i mybr0 -o mybr0 -j DROP',
      '-A DOCKER ! -i br-<mtu1400> -o br-<mtu1400> -j DROP',
      '-A DOCKER ! -i br-<labeled> -o br-<labeled> -j DROP',
      '-A DOCKER ! -i br-<attach> -o br-<attach> -j DROP',
      '-A DOCKER ! -i br-<iccon> -o br-<iccon> -j DROP',
      '-A DOCKER-BRIDGE -o docker0 -j DOCKER',
      '-A DOCKER-BRIDGE -o br-<noicc> -j DOCKER',
      '-A DOCKER-BRIDGE -o br-<nomasq> -j DOCKER',
      '-A DOCKER-BRIDGE -o br-<localbind> -j DOCKER',
      '-A DOCKER-BRIDGE -o mybr0 -j DOCKER',
      '-A DOCKER-BRIDGE -o br-<mtu1400> -j DOCKER',
      '-A DOCKER-BRIDGE -o br-<labeled> -j DOCKER',
      '-A DOCKER-BRIDGE -o br-<attach> -j DOCKER',
      '-A DOCKER-BRIDGE -o br-<iccon> -j DOCKER',
      '-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-CT -o br-<noicc> -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-CT -o br-<nomasq> -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-CT -o br-<localbind> -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-CT -o mybr0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-CT -o br-<mtu1400> -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-CT -o br-<labeled> -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-CT -o br-<attach> -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-CT -o br-<iccon> -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-FORWARD -j DOCKER-CT',
      '-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1',
      '-A DOCKER-FORWARD -j DOCKER-BRIDGE',
      '-A DOCKER-FORWARD -i docker0 -j ACCEPT',
      '-A DOCKER-FORWARD -i br-<internalnet> -o br-<internalnet> -j ACCEPT',
      '-A DOCKER-FORWARD -i br-<noicc> -o br-<noicc> -j DROP',
      '-A DOCKER-FORWARD -i br-<noicc> ! -o br-<noicc> -j ACCEPT',
      '-A DOCKER-FORWARD -i br-<nomasq> -j ACCEPT',
      '-A DOCKER-FORWARD -i br-<localbind> -j ACCEPT',
      '-A DOCKER-FORWARD -i mybr0 -j ACCEPT',
      '-A DOCKER-FORWARD -i br-<mtu1400> -j ACCEPT',
      '-A DOCKER-FORWARD -i br-<labeled> -j ACCEPT',
      '-A DOCKER-FORWARD -i br-<attach> -j ACCEPT',
      '-A DOCKER-FORWARD -i br-<iccon> -j ACCEPT',
      '-A DOCKER-FORWARD -i br-<internalnoicc> -o br-<internalnoicc> -j DROP',
      '-A DOCKER-ISOLATION-STAGE-1 ! -s 172.27.0.0/16 -o br-<internalnoicc> -j DROP',
      '-A DOCKER-ISOLATION-STAGE-1 ! -d 172.27.0.0/16 -i br-<internalnoicc> -j DROP',
      '-A DOCKER-ISOLATION-STAGE-1 ! -s 172.18.0.0/16 -o br-<internalnet> -j DROP',
      '-A DOCKER-ISOLATION-STAGE-1 ! -d 172.18.0.0/16 -i br-<internalnet> -j DROP',
      '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -i br-<noicc> ! -o br-<noicc> -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -i br-<nomasq> ! -o br-<nomasq> -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -i br-<localbind> ! -o br-<localbind> -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -i mybr0 ! -o mybr0 -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -i br-<mtu1400> ! -o br-<mtu1400> -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -i br-<labeled> ! -o br-<labeled> -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -i br-<attach> ! -o br-<attach> -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -i br-<iccon> ! -o br-<iccon> -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-2 -o br-<iccon> -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -o br-<attach> -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -o br-<labeled> -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -o br-<mtu1400> -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -o mybr0 -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -o br-<localbind> -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -o br-<nomasq> -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -o br-<noicc> -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP',
    ])
  })
  test('nomasq has no MASQUERADE and no nat RETURN; localbind DNATs from 127.0.0.1 only', () => {
    const nat = rules(lab, 'nat')
    expect(nat.filter((l) => l.includes('br-<nomasq>'))).toEqual([
      '-A DOCKER ! -i br-<nomasq> -p tcp -m tcp --dport 8083 -j DNAT --to-destination 172.20.0.2:80',
    ])
    expect(nat).toContain(
      '-A DOCKER -d 127.0.0.1/32 ! -i br-<localbind> -p tcp -m tcp --dport 8084 -j DNAT --to-destination 172.21.0.2:80',
    )
    // No hairpin MASQUERADE with the userland proxy on (1.5).
    expect(nat.filter((l) => l.includes('/32 -d '))).toEqual([])
  })
  test('raw: one DROP per endpoint on a non-internal bridge, one per port on 127.0.0.1', () => {
    expect(rules(lab, 'raw')).toEqual([
      '-A PREROUTING -d 172.19.0.2/32 ! -i br-<noicc> -j DROP',
      '-A PREROUTING -d 172.20.0.2/32 ! -i br-<nomasq> -j DROP',
      '-A PREROUTING -d 172.21.0.2/32 ! -i br-<localbind> -j DROP',
      '-A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 8084 -j DROP',
      '-A PREROUTING -d 172.22.0.2/32 ! -i mybr0 -j DROP',
      '-A PREROUTING -d 172.23.0.2/32 ! -i br-<mtu1400> -j DROP',
      '-A PREROUTING -d 172.24.0.2/32 ! -i br-<labeled> -j DROP',
      '-A PREROUTING -d 172.25.0.2/32 ! -i br-<attach> -j DROP',
    ])
  })
})

const PORTS = [
  `docker run -d --name p1 -p 8080:80 ${IMAGE}`,
  `docker run -d --name p2 -p 127.0.0.1:9090:90/udp ${IMAGE}`,
  `docker run -d --name p3 -p 80 ${IMAGE}`,
  `docker run -d --name p4 -p 8000-8002:8000-8002 ${IMAGE}`,
  `docker run -d --name p5 -p 9000-9001:80 ${IMAGE}`,
  `docker run -d --name p6 -p 7000:70/tcp -p 7000:70/udp ${IMAGE}`,
  `docker run -d --name p7 -p 127.0.0.1::81 ${IMAGE}`,
  `docker run -d --name p8 -P --expose 82 ${IMAGE}`,
  `docker run -d --name p9 -p 9100-9101:90-92 ${IMAGE}`,
  `docker run -d --name p10 -p 70000:80 ${IMAGE}`,
  `docker run -d --name p11 -p 8081:80/sctp ${IMAGE}`,
  `docker run -d --name conflict -p 8080:80 ${IMAGE}`,
  `docker run -d --name hostp --network host -p 80:80 ${IMAGE}`,
  'docker network create --subnet 10.66.0.0/24 pubnet',
  `docker run -d --name upub --network pubnet -p 8443:443 ${IMAGE}`,
]

describe('Docker 28 published ports, ports.sh (ENGINE-28.md 1.4, 1.5)', () => {
  const lab = lab28(PORTS)
  test('the raw table, exactly', () => {
    expect(save(lab, 'raw')).toBe(
      [
        '*raw',
        ':PREROUTING ACCEPT [0:0]',
        ':OUTPUT ACCEPT [0:0]',
        '-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP',
        '-A PREROUTING -d 172.17.0.3/32 ! -i docker0 -j DROP',
        '-A PREROUTING -d 127.0.0.1/32 ! -i lo -p udp -m udp --dport 9090 -j DROP',
        '-A PREROUTING -d 172.17.0.4/32 ! -i docker0 -j DROP',
        '-A PREROUTING -d 172.17.0.5/32 ! -i docker0 -j DROP',
        '-A PREROUTING -d 172.17.0.6/32 ! -i docker0 -j DROP',
        '-A PREROUTING -d 172.17.0.7/32 ! -i docker0 -j DROP',
        '-A PREROUTING -d 172.17.0.8/32 ! -i docker0 -j DROP',
        '-A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 32769 -j DROP',
        '-A PREROUTING -d 172.17.0.9/32 ! -i docker0 -j DROP',
        '-A PREROUTING -d 10.66.0.2/32 ! -i br-<pubnet> -j DROP',
        'COMMIT',
        '',
      ].join('\n'),
    )
  })
  test('filter DOCKER: every ACCEPT inserted at the top, above the per-bridge DROPs', () => {
    expect(rules(lab, 'filter', 'DOCKER')).toEqual([
      '-A DOCKER -d 10.66.0.2/32 ! -i br-<pubnet> -o br-<pubnet> -p tcp -m tcp --dport 443 -j ACCEPT',
      '-A DOCKER -d 172.17.0.9/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 82 -j ACCEPT',
      '-A DOCKER -d 172.17.0.8/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 81 -j ACCEPT',
      '-A DOCKER -d 172.17.0.7/32 ! -i docker0 -o docker0 -p udp -m udp --dport 70 -j ACCEPT',
      '-A DOCKER -d 172.17.0.7/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 70 -j ACCEPT',
      '-A DOCKER -d 172.17.0.6/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
      '-A DOCKER -d 172.17.0.5/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 8002 -j ACCEPT',
      '-A DOCKER -d 172.17.0.5/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 8001 -j ACCEPT',
      '-A DOCKER -d 172.17.0.5/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 8000 -j ACCEPT',
      '-A DOCKER -d 172.17.0.4/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
      '-A DOCKER -d 172.17.0.3/32 ! -i docker0 -o docker0 -p udp -m udp --dport 90 -j ACCEPT',
      '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
      '-A DOCKER ! -i docker0 -o docker0 -j DROP',
      '-A DOCKER ! -i br-<pubnet> -o br-<pubnet> -j DROP',
    ])
  })
  test('nat DOCKER: DNATs appended, ascending within a container, and no hairpin MASQUERADE', () => {
    const dnat = rules(lab, 'nat', 'DOCKER').filter((l) => l.includes('DNAT'))
    expect(dnat.filter((l) => l.includes('172.17.0.5:'))).toEqual([
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8000 -j DNAT --to-destination 172.17.0.5:8000',
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8001 -j DNAT --to-destination 172.17.0.5:8001',
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8002 -j DNAT --to-destination 172.17.0.5:8002',
    ])
    expect(dnat.filter((l) => l.includes('172.17.0.7:'))).toEqual([
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 7000 -j DNAT --to-destination 172.17.0.7:70',
      '-A DOCKER ! -i docker0 -p udp -m udp --dport 7000 -j DNAT --to-destination 172.17.0.7:70',
    ])
    expect(rules(lab, 'nat', 'POSTROUTING')).toEqual([
      '-A POSTROUTING -s 10.66.0.0/24 ! -o br-<pubnet> -j MASQUERADE',
      '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
    ])
  })
})

describe('Docker 28 binding order (moby cmpPortBinding), seen on 28.5.2', () => {
  test('exact host ports before ranges, container port ascending; one ACCEPT per container port', () => {
    const lab = lab28([
      `docker run -d --name fw4 -p 18080:80 -p 127.0.0.1:19090:80 -p 127.0.0.1::81 -p 7100:71 ${IMAGE}`,
    ])
    expect(rules(lab, 'raw')).toEqual([
      '-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP',
      '-A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 19090 -j DROP',
      '-A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 32768 -j DROP',
    ])
    expect(rules(lab, 'filter', 'DOCKER').filter((l) => l.includes(' -d '))).toEqual([
      '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 81 -j ACCEPT',
      '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
      '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 71 -j ACCEPT',
    ])
    expect(rules(lab, 'nat', 'DOCKER').filter((l) => l.includes('DNAT'))).toEqual([
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 7100 -j DNAT --to-destination 172.17.0.2:71',
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 18080 -j DNAT --to-destination 172.17.0.2:80',
      '-A DOCKER -d 127.0.0.1/32 ! -i docker0 -p tcp -m tcp --dport 19090 -j DNAT --to-destination 172.17.0.2:80',
      '-A DOCKER -d 127.0.0.1/32 ! -i docker0 -p tcp -m tcp --dport 32768 -j DNAT --to-destination 172.17.0.2:81',
    ])
    runDocker(lab, 'docker rm -f fw4')
    expect(save(lab, 'raw')).not.toContain('-A ')
    expect(save(lab, 'nat') + save(lab, 'filter')).not.toContain('172.17.0.2')
  })
})

describe('the binding order shows in NetworkSettings.Ports (ENGINE-28.md 1.5, probes.sh line 10)', () => {
  test.each([
    ['28', '0.0.0.0:18080 :::18080 127.0.0.1:19090'],
    ['20.10', '127.0.0.1:19090 0.0.0.0:18080 :::18080'],
  ] as const)('%s', (version, order) => {
    const lab = createLab({ profile: { version } })
    expect(runDocker(lab, `docker run -d --name pp -p 18080:80 -p 127.0.0.1:19090:80 ${IMAGE}`).ok).toBe(true)
    const ports = runDocker(lab, "docker inspect -f '{{json .NetworkSettings.Ports}}' pp").output ?? ''
    const bound =
      (JSON.parse(ports) as Record<string, { HostIp: string; HostPort: string }[]>)['80/tcp'] ?? []
    expect(bound.map((b) => `${b.HostIp}:${b.HostPort}`).join(' ')).toBe(order)
  })
})

describe('Docker 28 docker_gwbridge (ENGINE-28.md 1.3), as a real 28.5.2 engine wrote it', () => {
  const lab = lab28([
    'docker swarm init --advertise-addr 127.0.0.1',
    'docker network create -d overlay --attachable fwov',
    `docker run -d --name fwo1 --network fwov ${IMAGE}`,
    `docker run -d --name fwo4 --network fwov -p 8085:80 ${IMAGE}`,
  ])
  const gw = (table: 'nat' | 'filter' | 'raw') =>
    rules(lab, table).filter((l) => l.includes('docker_gwbridge') || l.includes('DNAT'))
  test('raw: ingress-sbox and each gateway endpoint', () => {
    expect(rules(lab, 'raw')).toEqual([
      '-A PREROUTING -d 172.18.0.2/32 ! -i docker_gwbridge -j DROP',
      '-A PREROUTING -d 172.18.0.3/32 ! -i docker_gwbridge -j DROP',
      '-A PREROUTING -d 172.18.0.4/32 ! -i docker_gwbridge -j DROP',
    ])
  })
  test('filter and nat: icc=false rules of docker_gwbridge and the published port', () => {
    expect(gw('filter')).toEqual([
      '-A DOCKER -d 172.18.0.4/32 ! -i docker_gwbridge -o docker_gwbridge -p tcp -m tcp --dport 80 -j ACCEPT',
      '-A DOCKER ! -i docker_gwbridge -o docker_gwbridge -j DROP',
      '-A DOCKER-BRIDGE -o docker_gwbridge -j DOCKER',
      '-A DOCKER-CT -o docker_gwbridge -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-FORWARD -i docker_gwbridge -o docker_gwbridge -j DROP',
      '-A DOCKER-FORWARD -i docker_gwbridge ! -o docker_gwbridge -j ACCEPT',
      '-A DOCKER-ISOLATION-STAGE-1 -i docker_gwbridge ! -o docker_gwbridge -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-2 -o docker_gwbridge -j DROP',
    ])
    expect(gw('nat')).toEqual([
      '-A POSTROUTING -s 172.18.0.0/16 ! -o docker_gwbridge -j MASQUERADE',
      '-A DOCKER -i docker_gwbridge -j RETURN',
      '-A DOCKER ! -i docker_gwbridge -p tcp -m tcp --dport 8085 -j DNAT --to-destination 172.18.0.4:80',
    ])
  })
})

describe('Docker 28 endpoint and network lifecycle', () => {
  test('an endpoint DROP goes with disconnect, stop and rm; port DROPs with the ports', () => {
    const lab = lab28([
      'docker network create fwa',
      `docker run -d --name fw1 -p 127.0.0.1:95:95 -p 90:90 ${IMAGE}`,
      `docker run -d --name fw2 --network fwa ${IMAGE}`,
      'docker network connect bridge fw2',
    ])
    expect(rules(lab, 'raw')).toEqual([
      '-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP',
      '-A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 95 -j DROP',
      '-A PREROUTING -d 172.18.0.2/32 ! -i br-<fwa> -j DROP',
      '-A PREROUTING -d 172.17.0.3/32 ! -i docker0 -j DROP',
    ])
    runDocker(lab, 'docker network disconnect bridge fw2')
    runDocker(lab, 'docker stop fw1')
    expect(rules(lab, 'raw')).toEqual(['-A PREROUTING -d 172.18.0.2/32 ! -i br-<fwa> -j DROP'])
    runDocker(lab, 'docker rm -f fw2')
    // The table stays once written, empty (iptables-save still prints *raw).
    expect(save(lab, 'raw')).toBe('*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n')
  })
  test('removing a network leaves what the daemon had before it (the golden "cleaned" state)', () => {
    const before = lab28([])
    const lab = lab28([
      'docker network create -o com.docker.network.bridge.enable_icc=false gone',
      'docker network create --internal gone2',
      'docker network rm gone gone2',
    ])
    expect(save(lab, 'filter')).toBe(save(before, 'filter'))
    expect(save(lab, 'nat')).toBe(save(before, 'nat'))
  })
  test('creating a network does not move FORWARD -j DOCKER-USER back to the top (seen on 28.5.2)', () => {
    const lab = lab28([])
    lab.netfilter.filter.chains.FORWARD?.rules.unshift({ src: '10.250.0.0/16', jump: 'ACCEPT' })
    runDocker(lab, 'docker network create fwb')
    expect(rules(lab, 'filter', 'FORWARD')).toEqual([
      '-A FORWARD -s 10.250.0.0/16 -j ACCEPT',
      '-A FORWARD -j DOCKER-USER',
      '-A FORWARD -j DOCKER-FORWARD',
    ])
  })
  test('internal networks, --network host and none write no raw rule', () => {
    const lab = lab28([
      'docker network create --internal back',
      `docker run -d --name db --network back ${IMAGE}`,
      `docker run -d --name h --network host ${IMAGE}`,
      `docker run -d --name n --network none ${IMAGE}`,
    ])
    expect(lab.netfilter.raw).toBeUndefined()
  })
})

describe('Docker 28 with userland-proxy=false (v28.5.2 golden files, hairpin=true)', () => {
  const lab = createLab({ profile: { version: '28', userlandProxy: false } })
  for (const line of [
    'docker network create --subnet 192.168.0.0/24 dummy',
    `docker run -d --name cc --network dummy -p 8080:80 ${IMAGE}`,
  ])
    expect(runDocker(lab, line).ok, line).toBe(true)
  test('nat: OUTPUT for every local address, LOCAL-source MASQUERADE, DNAT from anywhere, hairpin MASQUERADE', () => {
    expect(rules(lab, 'nat').filter((l) => !l.includes('docker0'))).toEqual([
      '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
      '-A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER',
      '-A POSTROUTING -o br-<dummy> -m addrtype --src-type LOCAL -j MASQUERADE',
      '-A POSTROUTING -s 192.168.0.0/24 ! -o br-<dummy> -j MASQUERADE',
      '-A POSTROUTING -s 192.168.0.2/32 -d 192.168.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE',
      '-A DOCKER -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.168.0.2:80',
    ])
  })
})
