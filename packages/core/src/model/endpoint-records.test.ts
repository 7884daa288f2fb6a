import { expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import type { Endpoint } from './docker.js'
import { dropEndpoint, hasEndpointNamed, putEndpoint } from './endpoint-records.js'
import { Tx } from './tx.js'

const endpoint = (id: string, name: string): Endpoint => ({
  id,
  name,
  networkId: 'n',
  containerId: id,
  ipv4: '',
  prefixlen: 0,
  mac: '',
  ifname: '',
  aliases: [],
  gateway: '',
})

test('the name index follows puts, drops and their rollback', () => {
  const lab = createLab()
  const network = lab.networks[0]!
  const tx = new Tx(lab)
  putEndpoint(tx, network, endpoint('a', 'web'))
  putEndpoint(tx, network, endpoint('b', 'web'))
  expect(hasEndpointNamed(network, 'web')).toBe(true)
  dropEndpoint(tx, network, 'a')
  expect(hasEndpointNamed(network, 'web')).toBe(true)
  dropEndpoint(tx, network, 'b')
  expect(hasEndpointNamed(network, 'web')).toBe(false)
  tx.rollback()
  expect(hasEndpointNamed(network, 'web')).toBe(false)
  expect(network.endpoints).toEqual({})
})

test('a record the index has not seen (a lab from a file) is counted when first asked', () => {
  const lab = createLab()
  runDocker(lab, 'docker network create app')
  runDocker(lab, 'docker run -d --name web --network app busybox')
  const copy = structuredClone(lab)
  const app = copy.networks.find((n) => n.name === 'app')!
  expect(hasEndpointNamed(app, 'web')).toBe(true)
  expect(runDocker(copy, 'docker network connect app web').error).toContain('already exists')
})
