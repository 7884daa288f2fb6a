import { expect, test } from 'vitest'
import { createLab } from '../engine/lab.js'
import type { Link } from '../model/namespace.js'
import { Tx } from '../model/tx.js'
import { hasLinkNamed, insertLink, removeLink, renameIndexedLink } from './link-names.js'
import { findLink } from './netlink.js'

const veth = (ifindex: number, ifname: string): Link => ({
  ifindex,
  ifname,
  kind: 'veth',
  flags: [],
  mtu: 1500,
  address: '00:00:00:00:00:00',
  operstate: 'DOWN',
  addrs: [],
})

test('the name counts follow inserts, renames and removals, and their rollback', () => {
  const lab = createLab()
  const host = lab.namespaces.host!
  expect(hasLinkNamed(host, 'vethA')).toBe(false) // counts the namespace
  const tx = new Tx(lab)
  const a = veth(100, 'vethA')
  insertLink(tx, host, a)
  expect(findLink(host, 'vethA')).toBe(a)
  renameIndexedLink(tx, host, a, 'eth9')
  expect(hasLinkNamed(host, 'vethA')).toBe(false)
  expect(findLink(host, 'eth9')).toBe(a)
  removeLink(tx, host, a)
  expect(hasLinkNamed(host, 'eth9')).toBe(false)
  insertLink(tx, host, veth(101, 'vethB'))
  tx.rollback()
  expect(hasLinkNamed(host, 'vethA')).toBe(false)
  expect(hasLinkNamed(host, 'eth9')).toBe(false)
  expect(hasLinkNamed(host, 'vethB')).toBe(false)
  expect(a.ifname).toBe('vethA')
})

test('a links array edited behind the cache is counted afresh', () => {
  const lab = createLab()
  const host = lab.namespaces.host!
  expect(hasLinkNamed(host, 'vethC')).toBe(false)
  host.links.push(veth(102, 'vethC'))
  expect(findLink(host, 'vethC')?.ifindex).toBe(102)
  host.links = [veth(103, 'vethD')]
  expect(hasLinkNamed(host, 'vethC')).toBe(false)
  expect(hasLinkNamed(host, 'vethD')).toBe(true)
})
