import { expect, test } from 'vitest'
import { createLab } from '../engine/lab.js'
import { Tx } from './tx.js'

test('a rolled-back transaction leaves the lab deep-equal to before, whatever it changed', () => {
  const lab = createLab()
  const before = structuredClone(lab)
  const tx = new Tx(lab)
  tx.set(lab.ipam, 'localCursor', 7)
  tx.push(lab.networks, lab.networks[0]!)
  tx.remove(lab.namespaces, 'host')
  tx.iptables({ op: 'insert', table: 'filter', chain: 'FORWARD', rule: { jump: 'DROP' } })
  lab.rng.counter += 5
  expect(lab).not.toEqual(before)
  tx.rollback()
  expect(lab).toEqual(before)
  expect(Object.keys(lab.namespaces)).toEqual(Object.keys(before.namespaces))
})
