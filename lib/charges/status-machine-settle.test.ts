import { describe, expect, it } from 'vitest'
import { CHARGE_STATUSES, type ChargeStatus } from './status'
import { nextState, type ChargeInput, type ChargeSnapshot } from './status-machine'

/* A manager's settlement by hand, and what a later DMS answer does to it (pure). */

const snap = (status: ChargeStatus, more: Partial<ChargeSnapshot> = {}): ChargeSnapshot => ({
  status,
  cancelRequested: false,
  paidAfterCancel: false,
  ...more,
})
const settle = (outcome: 'not-charged' | 'paid'): ChargeInput => ({
  kind: 'manager-settled',
  outcome,
})
const dms = (status: 'unpaid' | 'paying' | 'paid' | 'failed' | 'refunded' | 'closed') =>
  ({ kind: 'dms-status', status }) as const

describe('manager-settled', () => {
  it('moves only an unknown charge: not charged → closed, paid → paid', () => {
    expect(nextState(snap('unknown'), settle('not-charged'))).toMatchObject({
      status: 'closed',
      settledOutcome: 'not-charged',
      changed: true,
      event: { type: 'manager-settled', from: 'unknown', to: 'closed' },
    })
    expect(nextState(snap('unknown', { cancelRequested: true }), settle('paid'))).toMatchObject({
      status: 'paid',
      settledOutcome: 'paid',
      paidAfterCancel: false,
      event: { type: 'manager-settled', to: 'paid' },
    })
    for (const s of CHARGE_STATUSES.filter((x) => x !== 'unknown')) {
      expect(nextState(snap(s), settle('paid')), s).toMatchObject({ status: s, changed: false })
    }
  })
})

describe('a later DMS answer', () => {
  const notCharged = snap('closed', { settledOutcome: 'not-charged' })
  const paid = snap('paid', { settledOutcome: 'paid' })

  it('agreeing with the manager changes nothing', () => {
    for (const s of ['failed', 'closed'] as const) {
      const t = nextState(notCharged, dms(s))
      expect([t.changed, Boolean(t.settleDisputed)]).toEqual([false, false])
    }
    expect(nextState(paid, dms('paid'))).toMatchObject({ changed: false })
    const refunded = nextState(paid, dms('refunded'))
    expect(refunded).toMatchObject({ status: 'refunded', event: { type: 'refunded' } })
    expect(refunded.settleDisputed).toBeFalsy()
  })

  it('"not charged" but DMS says money moved: DMS wins, flagged', () => {
    expect(nextState(notCharged, dms('paid'))).toMatchObject({
      status: 'paid',
      settleDisputed: true,
      event: { type: 'paid-after-failure' },
    })
    expect(nextState(notCharged, dms('unpaid'))).toMatchObject({
      status: 'closed',
      settleDisputed: true,
      event: { type: 'settle-disputed', from: 'closed', to: 'closed' },
    })
  })

  it('"paid" but DMS says closed, failed or never made: stays paid, flagged', () => {
    for (const input of [dms('closed'), dms('failed'), { kind: 'not-found-at-dms' } as const]) {
      expect(nextState(paid, input)).toMatchObject({
        status: 'paid',
        settleDisputed: true,
        event: { type: 'settle-disputed' },
      })
    }
  })

  it('flags once: a disputed charge is not flagged again', () => {
    const disputed = { ...paid, settleDisputed: true }
    expect(nextState(disputed, dms('closed'))).toMatchObject({ changed: false, event: null })
  })
})
