import { describe, expect, test } from 'vitest'
import { renderIptablesSave } from './iptables-save.js'
import { applyNetfilterOp, createNetfilter } from './tables.js'

describe('raw and mangle tables', () => {
  test('a fresh host has only nat and filter; raw renders its empty built-ins', () => {
    const nf = createNetfilter()
    expect(Object.keys(nf)).toEqual(['nat', 'filter'])
    expect(renderIptablesSave(nf, 'raw')).toBe(
      '*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n',
    )
    expect(renderIptablesSave(nf, 'mangle')).toMatch(/^\*mangle\n:PREROUTING ACCEPT \[0:0\]\n:INPUT/)
  })

  test('the first rule written to raw brings the table in; undoing it takes it out again', () => {
    const nf = createNetfilter()
    // Docker 28's direct-access protection of a container address.
    const undo = applyNetfilterOp(nf, {
      op: 'append',
      table: 'raw',
      chain: 'PREROUTING',
      rule: { dst: '172.18.0.2', inIface: 'br-x', notIn: true, jump: 'DROP' },
    })
    expect(renderIptablesSave(nf, 'raw')).toBe(
      '*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A PREROUTING -d 172.18.0.2/32 ! -i br-x -j DROP\nCOMMIT\n',
    )
    undo?.()
    expect(nf.raw).toBeUndefined()
  })

  test('deleting from a table nobody wrote to changes nothing', () => {
    const nf = createNetfilter()
    expect(
      applyNetfilterOp(nf, { op: 'delete', table: 'mangle', chain: 'FORWARD', rule: { jump: 'ACCEPT' } }),
    ).toBeUndefined()
    expect(nf.mangle).toBeUndefined()
  })
})
