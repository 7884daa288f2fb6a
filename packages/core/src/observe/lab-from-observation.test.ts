import { expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { labFromObservation } from './lab-from-observation.js'
import { normalizeObservation } from './normalize-observation.js'
import { observeLab } from './observe-lab.js'

test('a lab read back from its own observation shows the same facts', () => {
  const lab = createLab()
  for (const line of [
    'docker network create --subnet 10.88.0.0/24 --gateway 10.88.0.254 app',
    'docker network create --internal secret',
    'docker run -d --name web --network app -p 8080:80 --network-alias www nginx',
    'docker run -d --name db --network secret postgres',
    'docker run -d --name side --network container:web busybox',
    'docker run -d --name lone --network none busybox',
    'docker run -d --name legacy -p 127.0.0.1:9090:90/udp busybox',
    'docker create --name idle busybox',
  ]) {
    expect(runDocker(lab, line).exitCode, line).toBe(0)
  }
  const before = normalizeObservation(observeLab(lab))
  const read = labFromObservation(observeLab(lab))
  expect(normalizeObservation(observeLab(read))).toEqual(before)
})

test('the lab read back keeps working: Docker picks the next address and subnet as on the original', () => {
  const lab = createLab()
  runDocker(lab, 'docker network create app')
  runDocker(lab, 'docker run -d --name web --network app nginx')
  const read = labFromObservation(observeLab(lab))
  expect(runDocker(read, 'docker run -d --name api --network app nginx').exitCode).toBe(0)
  expect(runDocker(lab, 'docker run -d --name api --network app nginx').exitCode).toBe(0)
  const ip = (l: typeof lab) =>
    Object.values(l.networks.find((n) => n.name === 'app')!.endpoints)
      .map((e) => e.ipv4)
      .sort()
  expect(ip(read)).toEqual(ip(lab))
  expect(runDocker(read, 'docker network create more').exitCode).toBe(0)
  expect(read.networks.find((n) => n.name === 'more')?.ipam.config[0]?.subnet).toBe('172.19.0.0/16')
})
