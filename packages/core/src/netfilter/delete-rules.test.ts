import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import type { Rule } from '../model/netfilter.js'
import type { NetfilterDeleteOp } from './tables.js'
import { applyNetfilterOp, createNetfilter, deleteNetfilterRules } from './tables.js'

// A few distinct rules, so chains repeat them and deletions hit, miss and hit twice.
const rule = fc.record({ dport: fc.integer({ min: 1, max: 4 }), jump: fc.constantFrom('ACCEPT', 'RETURN') })
const chain = fc.constantFrom('INPUT', 'FORWARD')

function netfilterWith(rules: { chain: string; rule: Rule }[]) {
  const nf = createNetfilter()
  for (const r of rules) applyNetfilterOp(nf, { op: 'append', table: 'filter', chain: r.chain, rule: r.rule })
  return nf
}

describe('deleteNetfilterRules', () => {
  test.prop(
    [
      fc.array(fc.record({ chain, rule }), { maxLength: 30 }),
      fc.array(fc.record({ chain, rule }), { maxLength: 30 }),
    ],
    { seed: 65535 },
  )('does what consecutive iptables -D calls do, and undoes it', (present, deletions) => {
    const ops: NetfilterDeleteOp[] = deletions.map((d) => ({ op: 'delete', table: 'filter', ...d }))
    const sequential = netfilterWith(present)
    const expectedMatched = ops.map((op) => applyNetfilterOp(sequential, op) !== undefined)

    const batched = netfilterWith(present)
    const { matched, undo } = deleteNetfilterRules(batched, ops)
    expect(matched).toEqual(expectedMatched)
    expect(batched).toEqual(sequential)
    undo()
    expect(batched).toEqual(netfilterWith(present))
  })
})
