import { describe, expect, it } from 'vitest'
import type { Attempt } from './model'
import {
  applyAction,
  CONTROL_ACTIONS,
  DEFAULT_FAIL_MESSAGE,
  isExpired,
  type ControlAction,
} from './transitions'
import type { OrderStatus } from './types'

const T0 = Date.UTC(2026, 10, 25, 2, 0, 0)

function attempt(status: OrderStatus): Attempt {
  return {
    bizOrderNo: '2026112500000257',
    orderNo: '2125651259855011840',
    bzOrder: 'BILL-1',
    amount: 100,
    payWay: 'SCAN_WEIXIN',
    payerId: 'testtlzf',
    recieverId: 'RCV-0001',
    payInfo: 'weixin://wxpay/bizpayurl?pr=AbC1234',
    status,
    errorMessage: '',
    createdAt: T0,
    updatedAt: T0,
    expireAt: T0 + 7_200_000,
    payAt: null,
    autoScanAt: T0 + 1000,
    autoPayAt: T0 + 2000,
    lastNotify: null,
  }
}

// Every (status, action) pair: the expected next status, or null when the move is refused.
const TABLE: Record<OrderStatus, Record<ControlAction, OrderStatus | null>> = {
  1: { scan: 99, pay: 4, fail: 3, close: 6, expire: 6, refund: null },
  99: { scan: null, pay: 4, fail: 3, close: 6, expire: 6, refund: null },
  4: { scan: null, pay: null, fail: null, close: null, expire: null, refund: 5 },
  3: { scan: null, pay: null, fail: null, close: null, expire: null, refund: null },
  5: { scan: null, pay: null, fail: null, close: null, expire: null, refund: null },
  6: { scan: null, pay: null, fail: null, close: null, expire: null, refund: null },
}

describe('applyAction', () => {
  const cases = (Object.keys(TABLE) as unknown as string[]).flatMap((from) =>
    CONTROL_ACTIONS.map((action) => {
      const status = Number(from) as OrderStatus
      return [status, action, TABLE[status][action]] as const
    }),
  )

  it.each(cases)('from %s, %s → %s', (from, action, to) => {
    const result = applyAction(attempt(from), action, T0 + 5000)
    if (to === null) {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.reason).toContain(`status is ${from}`)
    } else {
      expect(result.ok).toBe(true)
      if (result.ok) expect(result.attempt.status).toBe(to)
    }
  })

  it('pay stamps payAt and clears the auto-pay plan', () => {
    const r = applyAction(attempt(99), 'pay', T0 + 5000)
    expect(r.ok && r.attempt).toMatchObject({ payAt: T0 + 5000, autoPayAt: null, autoScanAt: null })
  })

  it('scan keeps the auto-pay plan (the pay step is still ahead)', () => {
    const r = applyAction(attempt(1), 'scan', T0 + 1000)
    expect(r.ok && r.attempt.autoPayAt).toBe(T0 + 2000)
  })

  it('fail records the message, or a default one', () => {
    const a = applyAction(attempt(1), 'fail', T0, '余额不足')
    expect(a.ok && a.attempt.errorMessage).toBe('余额不足')
    const b = applyAction(attempt(1), 'fail', T0, '  ')
    expect(b.ok && b.attempt.errorMessage).toBe(DEFAULT_FAIL_MESSAGE)
  })

  it('expire brings the expiry forward to now', () => {
    const r = applyAction(attempt(1), 'expire', T0 + 60_000)
    expect(r.ok && r.attempt.expireAt).toBe(T0 + 60_000)
  })

  it('does not mutate its input', () => {
    const a = attempt(1)
    applyAction(a, 'pay', T0 + 1)
    expect(a.status).toBe(1)
  })
})

describe('isExpired', () => {
  it('is true only for an unpaid attempt at or past its expiry', () => {
    expect(isExpired(attempt(1), T0 + 7_199_999)).toBe(false)
    expect(isExpired(attempt(1), T0 + 7_200_000)).toBe(true)
    expect(isExpired(attempt(99), T0 + 9_000_000)).toBe(false)
    expect(isExpired(attempt(4), T0 + 9_000_000)).toBe(false)
  })
})
