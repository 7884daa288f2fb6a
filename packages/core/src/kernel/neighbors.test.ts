import { expect, test } from 'vitest'
import { createLab } from '../engine/lab.js'
import { Tx } from '../model/tx.js'
import { operationText } from '../views/operation-text.js'
import { addFdbEntry, addNeighbor, deleteFdbEntry, deleteNeighbor } from './neighbors.js'
import { createNamespace } from './netlink.js'

test('neighbour and forwarding entries are logged as the commands a person would type, and undone with their transaction', () => {
  const lab = createLab()
  const setup = new Tx(lab)
  const ns = createNamespace(setup, '/var/run/docker/netns/1-abcdef0123')
  const tx = new Tx(lab)
  addNeighbor(tx, ns, { ip: '10.210.0.4', lladdr: '02:42:0a:d2:00:04', dev: 'vxlan0' })
  addFdbEntry(tx, ns, { mac: '02:42:0a:d2:00:04', dev: 'vxlan0', dst: '203.0.113.12' })
  expect(tx.operations.map(operationText)).toEqual([
    'ip -n 1-abcdef0123 neigh add 10.210.0.4 lladdr 02:42:0a:d2:00:04 dev vxlan0 nud permanent',
    'ip netns exec 1-abcdef0123 bridge fdb add 02:42:0a:d2:00:04 dev vxlan0 dst 203.0.113.12 self permanent',
  ])
  expect(ns.fdb).toEqual([{ mac: '02:42:0a:d2:00:04', dev: 'vxlan0', dst: '203.0.113.12' }])
  tx.rollback()
  expect(ns.neighbors).toBeUndefined()
  expect(ns.fdb).toBeUndefined()
})

test('an entry added again replaces the old one (a peer that moved to another VTEP); deleting an absent one does nothing', () => {
  const lab = createLab()
  const tx = new Tx(lab)
  const ns = createNamespace(tx, '/var/run/docker/netns/1-abcdef0123')
  addFdbEntry(tx, ns, { mac: '02:42:0a:d2:00:04', dev: 'vxlan0', dst: '203.0.113.12' })
  addFdbEntry(tx, ns, { mac: '02:42:0a:d2:00:04', dev: 'vxlan0', dst: '203.0.113.13' })
  expect(ns.fdb).toEqual([{ mac: '02:42:0a:d2:00:04', dev: 'vxlan0', dst: '203.0.113.13' }])
  const logged = tx.operations.length
  deleteNeighbor(tx, ns, '10.210.0.9', 'vxlan0')
  expect(tx.operations.length).toBe(logged)
  deleteFdbEntry(tx, ns, '02:42:0a:d2:00:04', 'vxlan0')
  expect(ns.fdb).toEqual([])
  expect(operationText(tx.operations[tx.operations.length - 1]!)).toBe(
    'ip netns exec 1-abcdef0123 bridge fdb del 02:42:0a:d2:00:04 dev vxlan0 self',
  )
})
