import { expect, test } from 'vitest'
import { runDocker } from './execute.js'
import { createLab } from './lab.js'
import { fromJSON, toJSON } from './serialize.js'

// `--scope swarm` with the bridge driver keeps only a record on the manager;
// seen on a real 20.10.24: `docker network rm` prints its name and `docker
// network prune -f` lists it under "Deleted Networks:" (fuzz seed 784187249,
// where prune threw "network swbridge has no IPv4 gateway").
function swarmLab() {
  const lab = createLab()
  expect(runDocker(lab, 'docker swarm init --advertise-addr 10.0.2.15').exitCode).toBe(0)
  expect(runDocker(lab, 'docker network create --scope swarm swbridge').exitCode).toBe(0)
  return lab
}

test('docker network rm of a swarm-scoped bridge network removes its record', () => {
  const lab = swarmLab()
  const step = runDocker(lab, 'docker network rm swbridge')
  expect([step.exitCode, step.output]).toEqual([0, 'swbridge\n'])
  expect(lab.networks.some((n) => n.name === 'swbridge')).toBe(false)
  expect(toJSON(fromJSON(toJSON(lab)))).toBe(toJSON(lab))
})

test('docker network prune -f removes a swarm-scoped bridge network', () => {
  const lab = swarmLab()
  const step = runDocker(lab, 'docker network prune -f')
  expect(step.exitCode).toBe(0)
  expect(step.output).toContain('swbridge')
  expect(lab.networks.some((n) => n.name === 'swbridge')).toBe(false)
})
