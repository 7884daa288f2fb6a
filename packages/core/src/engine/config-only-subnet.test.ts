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
    const lab = createLab()
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
  const lab = createLab()
  const step = runDocker(lab, 'docker network create --config-only --subnet 10.203.5.0/24 x')
  expect(step.exitCode).toBe(0)
  const reloaded = fromJSON(toJSON(lab))
  expect(reloaded.networks.find((n) => n.name === 'x')?.ipam.config).toEqual([{ subnet: '10.203.5.0/24' }])
})
