import { beforeEach, describe, expect, it } from 'vitest'
import { emptyState, type SandboxState } from './model'
import {
  attemptsForBill,
  closeAttempt,
  createAttempt,
  expireDue,
  findAttempt,
  replaceAttempt,
  resetState,
  type CreateContext,
} from './state'
import type { PaymentParams } from './validate'

// 10:00 China time on 2026-11-25.
const T0 = Date.UTC(2026, 10, 25, 2, 0, 0)
const HOUR = 3_600_000

let n = 0
function ctx(now = T0): CreateContext {
  return {
    now,
    orderNo: () => String(1285453080879468544n + BigInt(++n)),
    payInfo: (w) =>
      w === 'SCAN_WEIXIN' ? 'weixin://wxpay/bizpayurl?pr=AbC1234' : 'https://qr.alipay.com/bax1',
    seqStart: () => 257,
  }
}

const pay = (over: Partial<PaymentParams> = {}): PaymentParams => ({
  bzOrder: 'BILL-1',
  amount: 12850,
  payWay: 'SCAN_WEIXIN',
  payerId: 'testtlzf',
  recieverId: 'RCV-0001',
  ...over,
})

function create(state: SandboxState, over: Partial<PaymentParams> = {}, now = T0) {
  const r = createAttempt(state, pay(over), ctx(now))
  if (!r.ok) throw new Error(`create refused: ${r.errCode} ${r.errMsg}`)
  return r.value
}

function refusal(state: SandboxState, over: Partial<PaymentParams>, now = T0) {
  const r = createAttempt(state, pay(over), ctx(now))
  return r.ok ? null : r.errCode
}

function setStatus(state: SandboxState, bizOrderNo: string, status: 1 | 99 | 4 | 3 | 5 | 6) {
  const a = findAttempt(state, bizOrderNo)
  if (a) replaceAttempt(state, { ...a, status })
}

let state: SandboxState
beforeEach(() => {
  state = emptyState()
})

describe('createAttempt', () => {
  it('creates an unpaid attempt with a date-based bizOrderNo and a 2 h expiry', () => {
    const a = create(state)
    expect(a).toMatchObject({ bizOrderNo: '2026112500000257', status: 1, expireAt: T0 + 2 * HOUR })
    expect(create(state).bizOrderNo).toBe('2026112500000258')
  })

  it('makes a new attempt on every create, even for the same bill and amount', () => {
    create(state)
    create(state)
    expect(attemptsForBill(state, 'BILL-1')).toHaveLength(2)
  })

  it('starts a new sequence on a new China day', () => {
    create(state)
    const next = create(state, { bzOrder: 'BILL-2' }, T0 + 14 * HOUR)
    expect(next.bizOrderNo).toBe('2026112600000257')
  })

  it('skips numbers already in use', () => {
    create(state)
    state.bizSeq.next = 257
    expect(create(state).bizOrderNo).toBe('2026112500000258')
  })

  it.each([
    [{ payerId: 'nobody' }, 2001],
    [{ recieverId: 'RCV-9999' }, 2002],
    [{ recieverId: 'RCV-0003' }, 2005],
    [{ recieverId: 'RCV-0002', payWay: 'SCAN_ALIPAY' as const }, 2006],
  ])('refuses %o with %i', (over, code) => {
    expect(refusal(state, over)).toBe(code)
  })

  it('refuses a bill that is already paid (2003), but not one merely refunded', () => {
    const a = create(state)
    setStatus(state, a.bizOrderNo, 4)
    expect(refusal(state, {})).toBe(2003)
    setStatus(state, a.bizOrderNo, 5)
    expect(refusal(state, {})).toBeNull()
  })

  it('refuses a different amount while an attempt is open (2004), allows it once closed', () => {
    const a = create(state)
    expect(refusal(state, { amount: 100 })).toBe(2004)
    setStatus(state, a.bizOrderNo, 99)
    expect(refusal(state, { amount: 100 })).toBe(2004)
    setStatus(state, a.bizOrderNo, 6)
    expect(refusal(state, { amount: 100 })).toBeNull()
  })

  it('checks the payer before the receiver, and the bill before the receiver status', () => {
    expect(refusal(state, { payerId: 'x', recieverId: 'y' })).toBe(2001)
    const a = create(state)
    setStatus(state, a.bizOrderNo, 4)
    expect(refusal(state, { recieverId: 'RCV-0003' })).toBe(2003)
  })

  it('limits a payer to payerDailyLimit attempts per China day (2007)', () => {
    state.settings.payerDailyLimit = 3
    for (let i = 0; i < 3; i++) create(state, { bzOrder: `B${i}` })
    const r = createAttempt(state, pay({ bzOrder: 'B9' }), ctx())
    expect(!r.ok && r.errCode).toBe(2007)
    expect(!r.ok && r.errMsg).toContain('3 笔')
    // 00:00 in China is 16:00 UTC: the count starts again.
    expect(refusal(state, { bzOrder: 'B9' }, Date.UTC(2026, 10, 25, 16, 0, 0))).toBeNull()
    expect(state.daily).toEqual({ day: '20261126', counts: { testtlzf: 1 } })
  })

  it('does not count refused creates against the limit', () => {
    state.settings.payerDailyLimit = 1
    expect(refusal(state, { recieverId: 'RCV-0003' })).toBe(2005)
    expect(refusal(state, {})).toBeNull()
  })
})

describe('lookups', () => {
  it('finds the latest attempt of a bill first', () => {
    const a = create(state)
    const b = create(state)
    create(state, { bzOrder: 'OTHER' })
    expect(attemptsForBill(state, 'BILL-1').map((x) => x.bizOrderNo)).toEqual([
      b.bizOrderNo,
      a.bizOrderNo,
    ])
  })
})

describe('expireDue', () => {
  it('closes unpaid attempts past their expiry, once', () => {
    const a = create(state)
    const b = create(state, { bzOrder: 'B2' })
    setStatus(state, b.bizOrderNo, 99)
    expect(expireDue(state, T0 + HOUR)).toEqual([])
    const changed = expireDue(state, T0 + 3 * HOUR)
    expect(changed.map((x) => x.bizOrderNo)).toEqual([a.bizOrderNo])
    expect(findAttempt(state, a.bizOrderNo)).toMatchObject({ status: 6, expireAt: T0 + 2 * HOUR })
    expect(expireDue(state, T0 + 4 * HOUR)).toEqual([])
  })
})

describe('closeAttempt', () => {
  it('closes unpaid and paying attempts, and succeeds again on a closed one', () => {
    const a = create(state)
    expect(closeAttempt(state, a.bizOrderNo, T0 + 1)).toMatchObject({
      kind: 'closed',
      changed: true,
    })
    expect(closeAttempt(state, a.bizOrderNo, T0 + 2)).toMatchObject({
      kind: 'closed',
      changed: false,
    })
    const b = create(state)
    setStatus(state, b.bizOrderNo, 99)
    expect(closeAttempt(state, b.bizOrderNo, T0 + 3)).toMatchObject({
      kind: 'closed',
      changed: true,
    })
  })

  it('reports paid, refunded, failed and unknown attempts', () => {
    const a = create(state)
    setStatus(state, a.bizOrderNo, 4)
    expect(closeAttempt(state, a.bizOrderNo, T0).kind).toBe('paid')
    setStatus(state, a.bizOrderNo, 5)
    expect(closeAttempt(state, a.bizOrderNo, T0).kind).toBe('paid')
    setStatus(state, a.bizOrderNo, 3)
    expect(closeAttempt(state, a.bizOrderNo, T0).kind).toBe('failed')
    expect(closeAttempt(state, 'nope', T0).kind).toBe('not-found')
  })
})

describe('resetState', () => {
  it('forgets orders, counts and settings but never reuses a bizOrderNo', () => {
    const a = create(state)
    state.settings.payerDailyLimit = 1
    resetState(state, { payerDailyLimit: 10 })
    expect(state.orders).toEqual([])
    expect(state.settings.payerDailyLimit).toBe(10)
    expect(create(state).bizOrderNo).not.toBe(a.bizOrderNo)
  })
})
