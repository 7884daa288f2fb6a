import { expect, test } from 'vitest'
import { createLab } from '../engine/lab.js'
import { iptables } from '../kernel/iptables.js'
import { Tx } from './tx.js'

test('a rolled-back transaction leaves the lab deep-equal to before, whatever it changed', () => {
  const lab = createLab()
  const before = structuredClone(lab)
  const tx = new Tx(lab)
  tx.set(lab.ipam, 'localCursor', 7)
  tx.push(lab.networks, lab.networks[0]!)
  tx.remove(lab.namespaces, 'host')
  iptables(tx, { op: 'insert', table: 'filter', chain: 'FORWARD', rule: { jump: 'DROP' } })
  lab.rng.counter += 5
  expect(lab).not.toEqual(before)
  tx.rollback()
  expect(lab).toEqual(before)
  expect(Object.keys(lab.namespaces)).toEqual(Object.keys(before.namespaces))
})

test('many removals and sets on one object roll back to its exact entries and key order', () => {
  const lab = createLab()
  const record: Record<string, number> = { a: 1, b: 2, c: 3, d: 4 }
  const tx = new Tx(lab)
  tx.remove(record, 'b')
  tx.set(record, 'e', 5)
  tx.remove(record, 'a')
  tx.set(record, 'c', 30)
  tx.remove(record, 'd')
  expect(record).toEqual({ c: 30, e: 5 })
  tx.rollback()
  expect(Object.entries(record)).toEqual([
    ['a', 1],
    ['b', 2],
    ['c', 3],
    ['d', 4],
  ])
})

test('set and remove treat __proto__ as an ordinary key', () => {
  const tx = new Tx(createLab())
  const names: Record<string, string> = {}
  tx.set(names, '__proto__', 'id1')
  expect(Object.keys(names)).toEqual(['__proto__'])
  expect(Object.getPrototypeOf(names)).toBe(Object.prototype)
  tx.remove(names, '__proto__')
  expect(Object.keys(names)).toEqual([])
  tx.rollback()
  expect(Object.keys(names)).toEqual([])
})
