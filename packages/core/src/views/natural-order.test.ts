import { expect, test } from 'vitest'
import { naturalCompare } from './natural-order.js'

test('docker network ls order: numbers by value, digits before letters', () => {
  const names = ['p10', 'p2', 'again1', 'bridge', 'p1', 'none', 'host', 'p30', 'p02']
  expect(names.sort(naturalCompare)).toEqual([
    'again1',
    'bridge',
    'host',
    'none',
    'p1',
    'p2',
    'p02',
    'p10',
    'p30',
  ])
})
