/**
 * Docker 28 against moby v28.5.2's iptabler golden files
 * (libnetwork/drivers/bridge/internal/iptabler/testdata/TestIptabler_*__iptables.golden):
 * one bridge `br-dummy` on 192.168.0.0/24, a container 192.168.0.2 with
 * `-p 8080:80`. The golden files know nothing of docker0 and DOCKER-USER
 * (the daemon adds those) and run with FORWARD's policy ACCEPT, so those are
 * left out of the lab's tables before comparing.
 */
import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import type { LabState } from '../model/state.js'
import { renderIptablesSave } from '../netfilter/iptables-save.js'

function goldenLab(o: { hairpin: boolean; icc: boolean; masq: boolean; bindlh: boolean }): LabState {
  const lab = createLab({ profile: { version: '28', userlandProxy: !o.hairpin } })
  const lines = [
    [
      'docker network create --subnet 192.168.0.0/24 -o com.docker.network.bridge.name=br-dummy',
      o.icc ? '' : '-o com.docker.network.bridge.enable_icc=false',
      o.masq ? '' : '-o com.docker.network.bridge.enable_ip_masquerade=false',
      'dummy',
    ]
      .filter(Boolean)
      .join(' '),
    `docker run -d --name cc --network dummy -p ${o.bindlh ? '127.0.0.1:' : ''}8080:80 busybox`,
  ]
  for (const line of lines) expect(runDocker(lab, line).ok, line).toBe(true)
  return lab
}

/** raw, filter and nat as the golden files list them, without docker0's and DOCKER-USER's lines. */
function asGolden(lab: LabState): string {
  return (['raw', 'filter', 'nat'] as const)
    .map((t) => renderIptablesSave(lab.netfilter, t))
    .join('')
    .split('\n')
    .filter((l) => !l.includes('docker0') && !l.includes('172.17.0.0/16') && !l.includes('DOCKER-USER'))
    .map((l) => (l === ':FORWARD DROP [0:0]' ? ':FORWARD ACCEPT [0:0]' : l))
    .join('\n')
}

const FILTER_HEAD = [
  '*filter',
  ':INPUT ACCEPT [0:0]',
  ':FORWARD ACCEPT [0:0]',
  ':OUTPUT ACCEPT [0:0]',
  ':DOCKER - [0:0]',
  ':DOCKER-BRIDGE - [0:0]',
  ':DOCKER-CT - [0:0]',
  ':DOCKER-FORWARD - [0:0]',
  ':DOCKER-ISOLATION-STAGE-1 - [0:0]',
  ':DOCKER-ISOLATION-STAGE-2 - [0:0]',
  '-A FORWARD -j DOCKER-FORWARD',
  '-A DOCKER -d 192.168.0.2/32 ! -i br-dummy -o br-dummy -p tcp -m tcp --dport 80 -j ACCEPT',
  '-A DOCKER ! -i br-dummy -o br-dummy -j DROP',
  '-A DOCKER-BRIDGE -o br-dummy -j DOCKER',
  '-A DOCKER-CT -o br-dummy -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
  '-A DOCKER-FORWARD -j DOCKER-CT',
  '-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1',
  '-A DOCKER-FORWARD -j DOCKER-BRIDGE',
]
const FILTER_TAIL = [
  '-A DOCKER-ISOLATION-STAGE-1 -i br-dummy ! -o br-dummy -j DOCKER-ISOLATION-STAGE-2',
  '-A DOCKER-ISOLATION-STAGE-2 -o br-dummy -j DROP',
  'COMMIT',
]
const NAT_HEAD = [
  '*nat',
  ':PREROUTING ACCEPT [0:0]',
  ':INPUT ACCEPT [0:0]',
  ':OUTPUT ACCEPT [0:0]',
  ':POSTROUTING ACCEPT [0:0]',
  ':DOCKER - [0:0]',
  '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
]
const RAW = (extra: string[]) => [
  '*raw',
  ':PREROUTING ACCEPT [0:0]',
  ':OUTPUT ACCEPT [0:0]',
  '-A PREROUTING -d 192.168.0.2/32 ! -i br-dummy -j DROP',
  ...extra,
  'COMMIT',
]
const LOOPBACK_DROP = '-A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 8080 -j DROP'

describe('Docker 28 equals the v28.5.2 golden files', () => {
  test('hairpin=true,internal=false,icc=true,masq=true,snat=false,gwm=nat,bindlh=false', () => {
    expect(asGolden(goldenLab({ hairpin: true, icc: true, masq: true, bindlh: false }))).toBe(
      [
        ...RAW([]),
        ...FILTER_HEAD,
        '-A DOCKER-FORWARD -i br-dummy -j ACCEPT',
        ...FILTER_TAIL,
        ...NAT_HEAD,
        '-A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER',
        '-A POSTROUTING -o br-dummy -m addrtype --src-type LOCAL -j MASQUERADE',
        '-A POSTROUTING -s 192.168.0.0/24 ! -o br-dummy -j MASQUERADE',
        '-A POSTROUTING -s 192.168.0.2/32 -d 192.168.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE',
        '-A DOCKER -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.168.0.2:80',
        'COMMIT',
        '',
      ].join('\n'),
    )
  })
  test('hairpin=false,internal=false,icc=true,masq=true,snat=false,gwm=nat,bindlh=true', () => {
    expect(asGolden(goldenLab({ hairpin: false, icc: true, masq: true, bindlh: true }))).toBe(
      [
        ...RAW([LOOPBACK_DROP]),
        ...FILTER_HEAD,
        '-A DOCKER-FORWARD -i br-dummy -j ACCEPT',
        ...FILTER_TAIL,
        ...NAT_HEAD,
        '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
        '-A POSTROUTING -s 192.168.0.0/24 ! -o br-dummy -j MASQUERADE',
        '-A DOCKER -i br-dummy -j RETURN',
        '-A DOCKER -d 127.0.0.1/32 ! -i br-dummy -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.168.0.2:80',
        'COMMIT',
        '',
      ].join('\n'),
    )
  })
  test('hairpin=false,internal=false,icc=false,masq=false,snat=false,gwm=nat,bindlh=true', () => {
    expect(asGolden(goldenLab({ hairpin: false, icc: false, masq: false, bindlh: true }))).toBe(
      [
        ...RAW([LOOPBACK_DROP]),
        ...FILTER_HEAD,
        '-A DOCKER-FORWARD -i br-dummy -o br-dummy -j DROP',
        '-A DOCKER-FORWARD -i br-dummy ! -o br-dummy -j ACCEPT',
        ...FILTER_TAIL,
        ...NAT_HEAD,
        '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
        '-A DOCKER -d 127.0.0.1/32 ! -i br-dummy -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.168.0.2:80',
        'COMMIT',
        '',
      ].join('\n'),
    )
  })
  test('cleaned,hairpin=false: what the container and the network leave behind', () => {
    const lab = goldenLab({ hairpin: false, icc: true, masq: true, bindlh: false })
    for (const line of ['docker rm -f cc', 'docker network rm dummy'])
      expect(runDocker(lab, line).ok).toBe(true)
    expect(asGolden(lab)).toBe(
      [
        '*raw',
        ':PREROUTING ACCEPT [0:0]',
        ':OUTPUT ACCEPT [0:0]',
        'COMMIT',
        ...FILTER_HEAD.filter((l) => !l.includes('dummy')),
        'COMMIT',
        ...NAT_HEAD,
        '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
        'COMMIT',
        '',
      ].join('\n'),
    )
  })
})
