import { expect, test } from 'vitest'
import { runDocker } from './execute.js'
import { createLab } from './lab.js'
import { fromJSON, toJSON } from './serialize.js'

// Fuzz seed 1564607499: a lab file whose macvlan network lost its gateway
// made `docker start` write a default route "via " (no address), a lab the
// loader then refused. With no gateway there is no default route to write.
test('a container started on a network without a gateway address gets no default route, and the lab loads back', () => {
  const lab = createLab()
  for (const line of [
    'docker network create -d macvlan --subnet 10.0.9.0/24 --gateway 10.0.9.1 -o parent=eth0 lan',
    'docker create --name printer --network lan busybox sleep 3600',
  ])
    expect(runDocker(lab, line).exitCode, line).toBe(0)
  const json = JSON.parse(toJSON(lab))
  delete json.networks.find((n: { name: string }) => n.name === 'lan').gateway
  const damaged = fromJSON(JSON.stringify(json))
  expect(runDocker(damaged, 'docker start printer').exitCode).toBe(0)
  const printer = Object.values(damaged.containers).find((c) => c.name === 'printer')
  const routes = damaged.namespaces[printer?.sandbox ?? '']?.routes ?? []
  expect(routes.some((r) => r.dst === 'default')).toBe(false)
  expect(toJSON(fromJSON(toJSON(damaged)))).toBe(toJSON(damaged))
})
