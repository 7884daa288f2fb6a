import { expect, test } from 'vitest'
import { runDocker } from './execute.js'
import { createLab } from './lab.js'
import { toJSON } from './serialize.js'

// A lab of one host has no manager to join: the daemon waits out its join
// timeout (daemon/cluster/swarm.go) and says so; the lab is left as it was.
test('docker swarm join on a lab of one host times out and changes nothing', () => {
  const lab = createLab({ engine: '20.10' })
  const before = toJSON(lab)
  const step = runDocker(lab, 'docker swarm join --token SWMTKN-1-a-b 192.0.2.50:2377')
  expect([step.exitCode, step.error]).toEqual([
    1,
    'Error response from daemon: Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.\n',
  ])
  expect(toJSON(lab)).toBe(before)
})

test('docker swarm join on a node already in a swarm says so first', () => {
  const lab = createLab({ engine: '28' })
  expect(runDocker(lab, 'docker swarm init --advertise-addr 127.0.0.1').exitCode).toBe(0)
  const step = runDocker(lab, 'docker swarm join --token SWMTKN-1-a-b 192.0.2.50:2377')
  expect(step.error).toContain('This node is already part of a swarm.')
})
