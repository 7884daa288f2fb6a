import { expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { labFromObservation } from './lab-from-observation.js'
import { normalizeObservation } from './normalize-observation.js'
import { observeLab } from './observe-lab.js'

test('a lab read back from its own observation shows the same facts', () => {
  const lab = createLab({ engine: '20.10' })
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
  const lab = createLab({ engine: '20.10' })
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

test('a Docker 28 observation carries the raw table, one fact per chain, and reads back', () => {
  const lab = createLab({ profile: { version: '28' } })
  // `iptables-save -t raw` prints the built-in chains of a table nothing wrote to yet.
  expect(observeLab(lab).iptables.raw).toBe('*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n')
  expect(lab.netfilter.raw).toBeUndefined()
  for (const line of ['docker run -d --name web -p 127.0.0.1:8080:80 nginx']) {
    expect(runDocker(lab, line).exitCode, line).toBe(0)
  }
  const observed = observeLab(lab)
  const facts = normalizeObservation(observed)
  expect(facts['iptables/raw/PREROUTING']).toBe(
    [
      'policy ACCEPT',
      '-d 172.17.0.2/32 ! -i docker0 -j DROP',
      '-d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 8080 -j DROP',
    ].join('\n'),
  )
  // The observation names its engine: the lab read back from it is a 28 lab without being told.
  const read = labFromObservation(observed)
  expect(read.profile.version).toBe('28')
  expect(read.netfilter.raw).toEqual(lab.netfilter.raw)
  expect(labFromObservation({ ...observed, engine: '20.10.24' }).profile.version).toBe('20.10')
  // An engine netmodes does not model gets the default profile: 28, the nearest to 27.
  expect(labFromObservation({ ...observed, engine: '27.3.1' }).profile.version).toBe('28')
  // A 20.10 lab's observation has no raw facts at all.
  expect(
    Object.keys(normalizeObservation(observeLab(createLab({ engine: '20.10' })))).some((k) =>
      k.startsWith('iptables/raw'),
    ),
  ).toBe(false)
})
