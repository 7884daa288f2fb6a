import { expect, test } from 'vitest'
import { maskListAges } from './mask-list-ages.js'

const same = (s: string) => s

test('ages are masked and the table compared cell by cell, whatever widths the ages gave', () => {
  const engine = 'NAMES     CREATED                  STATUS\nweb       Less than a second ago   Up 1 second\n'
  const simulated = 'NAMES     CREATED        STATUS\nweb       1 second ago   Up 3 seconds\n'
  expect(maskListAges(engine, same)).toBe('NAMES | CREATED | STATUS\nweb | <age> ago | Up <age>\n')
  expect(maskListAges(simulated, same)).toBe(maskListAges(engine, same))
})

test('everything but the ages still counts: another cell differs', () => {
  const a = 'NAMES     STATUS\nweb       Up 1 second\n'
  const b = 'NAMES     STATUS\nweb       Exited (0) 1 second ago\n'
  expect(maskListAges(a, same)).not.toBe(maskListAges(b, same))
})

test('text without ages or times is kept as it is, ids renamed', () => {
  const text = 'NETWORK ID     NAME\n0123456789ab   app\n'
  expect(maskListAges(text, (s) => s.replace('0123456789ab', '<net12:app>'))).toBe(
    'NETWORK ID     NAME\n<net12:app>   app\n',
  )
  expect(maskListAges('app 2026-12-02 07:38:13.174328672 +0000 UTC\n', same)).toBe('app <time>\n')
})
