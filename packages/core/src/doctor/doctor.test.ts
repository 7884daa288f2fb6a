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
  expect(doctor(createLab())).toEqual([])
})

test('doctor counts the default pools left', () => {
  const lab = createLab()
  for (let i = 0; i < 27; i++) runDocker(lab, `docker network create n${i}`)
  const finding = doctor(lab).find((f) => f.code === 'pools-nearly-exhausted')
  expect(finding?.message).toMatch(/^28 of Docker's 31 default subnets are in use, 3 left/)
})
