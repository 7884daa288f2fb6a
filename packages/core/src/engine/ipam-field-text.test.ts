import { expect, test } from 'vitest'
import { runDocker } from './execute.js'
import { createLab } from './lab.js'
import { fromJSON, toJSON } from './serialize.js'

// Seen on a real 20.10.24: the daemon parses a configuration network's
// subnets as it does every network's (daemon/network.go getIpamConfig), so a
// malformed one is refused, and the lab file never holds it (fuzz seed 784187249).
test.each(['1#0.203.5.0/24', '10.203.5.0/33'])(
  'docker network create --config-only --subnet %s is refused as the daemon refuses it',
  (subnet) => {
    const lab = createLab({ engine: '20.10' })
    const before = toJSON(lab)
    const step = runDocker(lab, `docker network create --config-only --subnet ${subnet} x`)
    expect(step.exitCode).toBe(1)
    expect(step.error).toBe(
      `Error response from daemon: Invalid subnet ${subnet} : invalid CIDR address: ${subnet}\n`,
    )
    expect(toJSON(lab)).toBe(before)
  },
)

test('a configuration network with a well-formed subnet is kept and the lab file loads again', () => {
  const lab = createLab({ engine: '20.10' })
  const step = runDocker(lab, 'docker network create --config-only --subnet 10.203.5.0/24 x')
  expect(step.exitCode).toBe(0)
  const reloaded = fromJSON(toJSON(lab))
  expect(reloaded.networks.find((n) => n.name === 'x')?.ipam.config).toEqual([{ subnet: '10.203.5.0/24' }])
})

// The docker CLI checks that a gateway or an aux address lies in its subnet
// and accepts either an address or a CIDR for that (cli/command/network
// create.go subnetMatches); the daemon then wants an address. Texts seen on a
// real 20.10.24, through the Engine API.
test.each([
  [
    'docker network create --subnet 10.207.0.0/24 --gateway 10.207.0.128/25 y',
    'Error response from daemon: invalid gateway address 10.207.0.128/25 in Ipam configuration\n',
  ],
  [
    'docker network create --subnet 10.209.0.0/24 --aux-address a=10.209.0.5/24 w',
    'Error response from daemon: non parsable secondary ip address (a:10.209.0.5/24) passed for network w\n',
  ],
])('%s is refused with the daemon text and changes nothing', (line, error) => {
  const lab = createLab({ engine: '20.10' })
  const before = toJSON(lab)
  const step = runDocker(lab, line)
  expect(step.error).toBe(error)
  expect(step.exitCode).toBe(1)
  expect(toJSON(lab)).toBe(before)
})

test('a configuration network keeps a gateway written as a CIDR, as the daemon does; a network made from it is refused', () => {
  const lab = createLab({ engine: '20.10' })
  const created = runDocker(
    lab,
    'docker network create --config-only --subnet 10.204.0.0/24 --gateway 10.204.0.128/25 cf',
  )
  expect(created.exitCode).toBe(0)
  const reloaded = fromJSON(toJSON(lab))
  expect(reloaded.networks.find((n) => n.name === 'cf')?.ipam.config).toEqual([
    { subnet: '10.204.0.0/24', gateway: '10.204.0.128/25' },
  ])
  const before = toJSON(lab)
  const from = runDocker(lab, 'docker network create --config-from cf x')
  expect(from.error).toBe(
    'Error response from daemon: invalid gateway address 10.204.0.128/25 in Ipam configuration\n',
  )
  expect(toJSON(lab)).toBe(before)
})

test('the lab file still holds an ordinary network to well-formed addresses', () => {
  const lab = createLab({ engine: '20.10' })
  runDocker(lab, 'docker network create --subnet 10.210.0.0/24 n')
  const json = JSON.parse(toJSON(lab))
  json.networks[3].ipam.config[0].gateway = '10.210.0.1/24'
  expect(() => fromJSON(JSON.stringify(json))).toThrow(
    /networks\[3\]\.ipam\.config\[0\]\.gateway: must be an IPv4 address/,
  )
})
