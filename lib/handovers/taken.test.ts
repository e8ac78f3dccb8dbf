import { describe, expect, it } from 'vitest'
import type { LateChange } from '@/lib/charges/queries/late-fold'
import { shiftTaken } from './taken'

/** A late change of `deltaFen` (+ paid after its 交班, − a counted payment refunded). */
function change(id: string, deltaFen: number): LateChange {
  return {
    id,
    bzOrder: `B-${id}`,
    amountFen: Math.abs(deltaFen),
    payWay: 'SCAN_WEIXIN',
    createdAt: 0,
    cashierName: '小王',
    from: deltaFen > 0 ? 'closed' : 'paid',
    to: deltaFen > 0 ? 'paid' : 'refunded',
    at: 1,
    deltaFen,
  }
}

describe('shiftTaken', () => {
  it('is the paid sum alone, with no late net, when nothing of an earlier shift moved', () => {
    expect(shiftTaken(12950, [])).toEqual({ paidFen: 12950, lateNetFen: null, takenFen: 12950 })
  })

  it('adds the late net: payments in, refunds out, even below zero', () => {
    expect(shiftTaken(0, [change('a', 880)])).toEqual({
      paidFen: 0,
      lateNetFen: 880,
      takenFen: 880,
    })
    expect(shiftTaken(500, [change('a', 880), change('b', -1234)])).toEqual({
      paidFen: 500,
      lateNetFen: -354,
      takenFen: 146,
    })
  })

  it('keeps a late net of zero as one (money moved both ways), apart from none at all', () => {
    expect(shiftTaken(100, [change('a', 300), change('b', -300)])).toEqual({
      paidFen: 100,
      lateNetFen: 0,
      takenFen: 100,
    })
  })
})
