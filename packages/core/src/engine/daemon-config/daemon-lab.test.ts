import { describe, expect, test } from 'vitest'
import { renderIptablesSave } from '../../netfilter/iptables-save.js'
import { runDocker } from '../execute.js'
import { createLab } from '../lab.js'
import { runScenario } from '../run-scenario.js'
import { fromJSON, toJSON } from '../serialize.js'

const inspect = (lab: ReturnType<typeof createLab>, what: string) =>
  JSON.parse(runDocker(lab, `docker ${what}`).output)[0]

describe.each(['20.10', '28'] as const)('a daemon started with settings (engine %s)', (engine) => {
  test('--bip, --fixed-cidr and --mtu shape docker0 only (daemon-bip.sh)', () => {
    const lab = createLab({
      engine,
      daemon: { bip: '10.99.0.1/24', 'fixed-cidr': '10.99.0.128/25', mtu: 1400 },
    })
    for (const line of [
      'docker run -d --name b1 busybox sleep 1d',
      'docker network create app',
      'docker run -d --name u1 --network app busybox sleep 1d',
    ])
      expect(runDocker(lab, line).exitCode, line).toBe(0)
    const bridge = inspect(lab, 'network inspect bridge')
    expect(bridge.IPAM.Config).toEqual([
      { Subnet: '10.99.0.0/24', IPRange: '10.99.0.128/25', Gateway: '10.99.0.1' },
    ])
    expect(bridge.Options['com.docker.network.driver.mtu']).toBe('1400')
    expect(inspect(lab, 'inspect b1').NetworkSettings.Networks.bridge.IPAddress).toBe('10.99.0.128')
    // app takes the first default pool, and its veths the kernel's MTU
    expect(inspect(lab, 'network inspect app').IPAM.Config[0].Subnet).toBe('172.17.0.0/16')
    const host = lab.namespaces.host
    const mtu = (name: string) => host?.links.find((l) => l.ifname === name)?.mtu
    expect(mtu('docker0')).toBe(1400)
    expect(mtu(`br-${bridgeIdOf(lab, 'app')}`)).toBe(1500)
    // a lab file keeps its daemon
    expect(fromJSON(toJSON(lab)).daemon).toEqual(lab.daemon)
  })

  test('default-address-pools replace Docker pools, for docker0 too (daemon-pools.sh)', () => {
    const lab = createLab({
      engine,
      daemon: { 'default-address-pools': [{ base: '10.123.0.0/16', size: 24 }] },
    })
    expect(inspect(lab, 'network inspect bridge').IPAM.Config[0].Subnet).toBe('10.123.0.0/24')
    runDocker(lab, 'docker network create one')
    expect(inspect(lab, 'network inspect one').IPAM.Config[0].Subnet).toBe('10.123.1.0/24')
  })

  test('--icc=false and --ip-masq=false turn the default bridge’s rules, not a user network’s', () => {
    const lab = createLab({ engine, daemon: { icc: false, 'ip-masq': false } })
    runDocker(lab, 'docker network create --subnet 10.95.0.0/24 app')
    const filter = renderIptablesSave(lab.netfilter, 'filter')
    const nat = renderIptablesSave(lab.netfilter, 'nat')
    expect(filter).toMatch(/-i docker0 -o docker0 -j DROP/)
    expect(nat).not.toMatch(/-s 172\.17\.0\.0\/16 ! -o docker0 -j MASQUERADE/)
    expect(nat).toMatch(/-s 10\.95\.0\.0\/24 ! -o br-[0-9a-f]{12} -j MASQUERADE/)
  })

  test('--iptables=false writes no rule at all and turns masquerading off; ports still get docker-proxy', () => {
    const lab = createLab({ engine, daemon: { iptables: false } })
    const run = runDocker(lab, 'docker run -d --name web -p 8080:80 busybox sleep 1d')
    expect(run.exitCode).toBe(0)
    expect(run.operations.some((op) => op.tool.endsWith('docker-proxy') && op.background)).toBe(true)
    for (const table of ['nat', 'filter'] as const)
      expect(renderIptablesSave(lab.netfilter, table)).not.toMatch(/DOCKER|^-A /m)
    expect(
      inspect(lab, 'network inspect bridge').Options['com.docker.network.bridge.enable_ip_masquerade'],
    ).toBe('false')
  })

  test('--userland-proxy=false publishes on 0.0.0.0 only: [::] was the proxy’s', () => {
    const lab = createLab({ engine, daemon: { 'userland-proxy': false } })
    runDocker(lab, 'docker run -d --name web -p 8080:80 busybox sleep 1d')
    expect(inspect(lab, 'inspect web').NetworkSettings.Ports['80/tcp']).toEqual([
      { HostIp: '0.0.0.0', HostPort: '8080' },
    ])
  })
})

function bridgeIdOf(lab: ReturnType<typeof createLab>, name: string): string {
  return (lab.networks.find((n) => n.name === name)?.id ?? '').slice(0, 12)
}

test('default-network-opts are Docker 28’s: a network of that driver gets them unless it sets its own', () => {
  const daemon = { 'default-network-opts': { bridge: { 'com.docker.network.driver.mtu': '1450' } } }
  const lab = createLab({ engine: '28', daemon })
  runDocker(lab, 'docker network create a')
  runDocker(lab, 'docker network create -o com.docker.network.driver.mtu=1300 b')
  expect(inspect(lab, 'network inspect a').Options).toEqual({ 'com.docker.network.driver.mtu': '1450' })
  expect(inspect(lab, 'network inspect b').Options).toEqual({ 'com.docker.network.driver.mtu': '1300' })
  expect(() => createLab({ engine: '20.10', daemon })).toThrow('has no "default-network-opts" setting')
})

describe('a scenario’s dockerd statement', () => {
  test('starts the lab’s daemon with its flags', () => {
    const { lab } = runScenario('# lab\ndockerd --icc=false\ndocker network ls')
    expect(lab.daemon).toEqual({ icc: false })
  })

  test('is refused after the first statement, with a bad flag, or on a lab that already runs', () => {
    expect(() => runScenario('docker network ls\ndockerd --icc=false')).toThrow(
      'line 2: a "dockerd ..." statement sets the daemon\'s flags before it starts: it must be the first statement',
    )
    expect(() => runScenario('dockerd --ipmasq=false')).toThrow('line 1: dockerd: unknown flag: --ipmasq')
    expect(() => runScenario('dockerd --bip=10.1.0.1/24 --fixed-cidr=10.2.0.0/24')).toThrow(
      "line 1: fixed-cidr 10.2.0.0/24 is not within bip's subnet 10.1.0.1/24",
    )
    expect(() => runScenario('dockerd --mtu=1400', { lab: createLab() })).toThrow(
      'line 1: a "dockerd ..." statement',
    )
  })

  test('joins a daemon.json given beside it, and refuses a setting given both ways', () => {
    expect(runScenario('dockerd --icc=false', { daemon: { mtu: 1400 } }).lab.daemon).toEqual({
      mtu: 1400,
      icc: false,
    })
    expect(() => runScenario('dockerd --mtu=1300', { daemon: { mtu: 1400 } })).toThrow(
      'line 1: the following directives are specified both as a flag and in the configuration file: mtu: (from flag: 1300, from file: 1400)',
    )
  })
})
