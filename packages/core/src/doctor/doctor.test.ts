import { expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { doctor } from './doctor.js'

test('doctor finds what users hit', () => {
  const lab = createLab({
    host: {
      addr: [
        { ifindex: 1, ifname: 'lo', link_type: 'loopback' },
        { ifindex: 2, ifname: 'eth0', link_type: 'ether' },
        { ifindex: 3, ifname: 'tun0', link_type: 'none' },
      ],
      route: [
        { dst: 'default', gateway: '10.0.2.2', dev: 'eth0' },
        { dst: '172.18.0.0/16', gateway: '10.8.0.1', dev: 'tun0' },
      ],
    },
  })
  for (const line of [
    'docker network create app',
    'docker run -d --name web --network app -p 8080:80 nginx',
    'docker create --name web2 -p 8080:80 nginx',
    'docker run -d --name vault --network none busybox',
  ]) {
    runDocker(lab, line)
  }
  const codes = doctor(lab).map((f) => f.code)
  expect(codes).toContain('subnet-overlaps-route')
  expect(codes).toContain('published-bypasses-firewall')
  expect(codes).toContain('port-taken')
  expect(codes).toContain('none-mode')
  expect(doctor(lab).find((f) => f.code === 'subnet-overlaps-route')?.message).toMatch(
    /network app \(172\.18\.0\.0\/16\) overlaps the host's route 172\.18\.0\.0\/16 via 10\.8\.0\.1 dev tun0/,
  )
  // It says what to put in daemon.json, clear of the host's routes.
  expect(doctor(lab).find((f) => f.code === 'subnet-overlaps-route')?.message).toContain(
    'move its pools with "default-address-pools" in daemon.json and re-create the network, for example {"bip": "10.200.0.1/24", "default-address-pools": [{"base": "10.201.0.0/16", "size": 24}]} (dockerd flags: dockerd --bip=10.200.0.1/24 --default-address-pool base=10.201.0.0/16,size=24), then restart dockerd.',
  )
  expect(doctor(createLab())).toEqual([])
})

test('doctor counts the default pools left', () => {
  const lab = createLab()
  for (let i = 0; i < 27; i++) runDocker(lab, `docker network create n${i}`)
  const finding = doctor(lab).find((f) => f.code === 'pools-nearly-exhausted')
  expect(finding?.message).toMatch(/^28 of the daemon's 31 default subnets are in use, 3 left/)
})

test('doctor advises a bip and pools clear of an office range that takes 10.200.0.0/16 too', () => {
  const lab = createLab({
    host: {
      addr: [
        { ifindex: 1, ifname: 'lo', link_type: 'loopback' },
        { ifindex: 2, ifname: 'eth0', link_type: 'ether' },
      ],
      route: [
        { dst: 'default', gateway: '192.168.1.1', dev: 'eth0' },
        { dst: '172.16.0.0/12', gateway: '192.168.1.254', dev: 'eth0' },
        { dst: '10.200.0.0/15', gateway: '192.168.1.254', dev: 'eth0' },
      ],
    },
  })
  const message = doctor(lab).find((f) => f.code === 'subnet-overlaps-route')?.message ?? ''
  expect(message).toMatch(/^network bridge \(172\.17\.0\.0\/16\) overlaps the host's route 172\.16\.0\.0\/12/)
  expect(message).toContain('give it another with "bip" in daemon.json, for example {"bip": "10.202.0.1/24"')
  // A lab started with that advice has nothing left to report about routes.
  const advised = createLab({
    host: { addr: [], route: [{ dst: '172.16.0.0/12', gateway: '192.168.1.254', dev: 'eth0' }] },
    daemon: { bip: '10.202.0.1/24', 'default-address-pools': [{ base: '10.203.0.0/16', size: 24 }] },
  })
  runDocker(advised, 'docker network create app')
  expect(doctor(advised).filter((f) => f.code === 'subnet-overlaps-route')).toEqual([])
})

test.each([
  ['20.10', true, '{"experimental": true, "ip6tables": true}'],
  ['28', false, 'remove "ip6tables": false'],
] as const)('doctor warns of IPv6 networks Docker does not firewall (%s)', (engine, byDefault, fix) => {
  const lab = createLab({ engine, ...(byDefault ? {} : { daemon: { ip6tables: false } }) })
  runDocker(lab, 'docker network create --ipv6 --subnet fd00:81::/64 v6net')
  const finding = doctor(lab).find((f) => f.code === 'ipv6-unfirewalled')
  expect(finding?.severity).toBe('warning')
  expect(finding?.message).toContain(
    "the host has IPv6 but Docker's IPv6 firewall is off: v6net (fd00:81::/64)",
  )
  expect(finding?.message).toContain(fix)
})

test('no IPv6 warning where Docker writes ip6tables (28) or no network has IPv6', () => {
  const now = createLab({ engine: '28' })
  runDocker(now, 'docker network create --ipv6 --subnet fd00:81::/64 v6net')
  expect(doctor(now).map((f) => f.code)).not.toContain('ipv6-unfirewalled')
  const old = createLab({ engine: '20.10' })
  runDocker(old, 'docker network create v4net')
  expect(doctor(old).map((f) => f.code)).not.toContain('ipv6-unfirewalled')
})
