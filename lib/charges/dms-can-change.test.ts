import { describe, expect, it } from 'vitest'
import { dmsCanStillChange, type DmsCheckFacts } from './dms-can-change'
import { CHARGE_STATUSES, isOpen } from './status'

const attempt = { bizOrderNo: 'BIZ-1', settledOutcome: null } as const
const noAttempt = { bizOrderNo: null, settledOutcome: null } as const

describe('whether asking DMS can still change a charge', () => {
  it('always for an open charge, with or without an attempt id', () => {
    for (const status of CHARGE_STATUSES.filter(isOpen)) {
      expect(dmsCanStillChange({ status, ...attempt })).toBe(true)
      expect(dmsCanStillChange({ status, ...noAttempt })).toBe(true)
    }
  })

  it('never for a refunded one: nothing follows a refund', () => {
    expect(dmsCanStillChange({ status: 'refunded', ...attempt })).toBe(false)
    expect(
      dmsCanStillChange({ status: 'refunded', bizOrderNo: null, settledOutcome: 'paid' }),
    ).toBe(false)
  })

  it.each(['paid', 'failed', 'closed', 'refused'] as const)(
    'an ended %s one: only while DMS holds an attempt or a hand settlement to ask about',
    (status) => {
      expect(dmsCanStillChange({ status, ...attempt })).toBe(true)
      expect(dmsCanStillChange({ status, ...noAttempt })).toBe(false)
    },
  )

  it('a charge a manager settled by hand, with no attempt id, is asked about by its bill', () => {
    const settled: DmsCheckFacts[] = [
      { status: 'paid', bizOrderNo: null, settledOutcome: 'paid' },
      { status: 'closed', bizOrderNo: null, settledOutcome: 'not-charged' },
    ]
    for (const c of settled) expect(dmsCanStillChange(c)).toBe(true)
  })
})
