import { expect, test } from 'vitest'
import { renderTabwriter } from './tabwriter.js'

test('columns are at least 10 wide and 3 wider than their widest cell; the last cell is not padded', () => {
  expect(renderTabwriter('NETWORK ID\tNAME\tDRIVER\tSCOPE\nd919b625c7a5\tapp\tbridge\tlocal\n')).toBe(
    'NETWORK ID     NAME      DRIVER    SCOPE\nd919b625c7a5   app       bridge    local\n',
  )
})

test('an empty cell is padded like any other', () => {
  expect(renderTabwriter('A\tPORTS\tNAMES\nx\t\tdb\ny\t0.0.0.0:80->80/tcp\tweb\n')).toBe(
    'A         PORTS                NAMES\nx                              db\ny         0.0.0.0:80->80/tcp   web\n',
  )
})
