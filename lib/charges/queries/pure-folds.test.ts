import { describe, expect, it } from 'vitest'
import { attentionReasons, OVERDUE_GRACE_MS } from './attention-reasons'
import { chartRange, fillDays, MAX_CHART_DAYS } from './daily'
import { foldTotals } from './totals'

describe('foldTotals', () => {
  it('adds up per status and per pay way, paid apart', () => {
    const t = foldTotals([
      { status: 'paid', payWay: 'SCAN_WEIXIN', count: 2, sumFen: 300 },
      { status: 'paid', payWay: 'SCAN_ALIPAY', count: 1, sumFen: 50 },
      { status: 'failed', payWay: 'SCAN_WEIXIN', count: 1, sumFen: 999 },
    ])
    expect(t.all).toEqual({ count: 4, sumFen: 1349 })
    expect(t.paid).toEqual({ count: 3, sumFen: 350 })
    expect(t.byStatus.find((s) => s.status === 'failed')).toMatchObject({ count: 1, sumFen: 999 })
    expect(t.byStatus.find((s) => s.status === 'unknown')).toMatchObject({ count: 0, sumFen: 0 })
    expect(t.byPayWay[0]).toEqual({
      payWay: 'SCAN_WEIXIN',
      all: { count: 3, sumFen: 1299 },
      paid: { count: 2, sumFen: 300 },
    })
  })
})

describe('fillDays', () => {
  it('puts a zero on every day without payments', () => {
    expect(fillDays([{ day: '2025-11-02', fen: 5 }], '2025-11-01', '2025-11-03')).toEqual([
      { day: '2025-11-01', fen: 0 },
      { day: '2025-11-02', fen: 5 },
      { day: '2025-11-03', fen: 0 },
    ])
  })

  it('caps long ranges to their latest days', () => {
    const r = chartRange('2020-01-01', '2025-11-26')
    expect(r.to).toBe('2025-11-26')
    expect(fillDays([], r.from, r.to)).toHaveLength(MAX_CHART_DAYS)
  })
})

describe('attentionReasons', () => {
  const now = 1_000_000_000
  const base = {
    status: 'pending' as const,
    expiresAt: now,
    paidAfterCancel: false,
    reviewed: false,
    checkFailures: 0,
  }

  it('flags each case', () => {
    expect(attentionReasons(base, now)).toEqual([])
    expect(attentionReasons({ ...base, status: 'unknown', checkFailures: 2 }, now)).toEqual([
      'unknown',
      'check-failing',
    ])
    expect(attentionReasons({ ...base, expiresAt: now - OVERDUE_GRACE_MS - 1 }, now)).toEqual([
      'overdue',
    ])
    expect(attentionReasons({ ...base, status: 'paid', paidAfterCancel: true }, now)).toEqual([
      'paid-after-cancel',
    ])
  })

  it('ignores settled charges, except an unreviewed payment after a cancel', () => {
    const old = { ...base, expiresAt: 0, checkFailures: 5 }
    expect(attentionReasons({ ...old, status: 'closed' }, now)).toEqual([])
    expect(
      attentionReasons({ ...old, status: 'paid', paidAfterCancel: true, reviewed: true }, now),
    ).toEqual([])
  })
})
