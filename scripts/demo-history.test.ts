import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { beijingDay, beijingDayStart, DAY_MS } from '@/lib/charges/beijing-day'
import { listNeedsAttention } from '@/lib/charges/queries/attention'
import { EMPTY_FILTER, toChargeQuery } from '@/lib/charges/queries/filters'
import { chargeTotals } from '@/lib/charges/queries/totals'
import { ledgerHasCharges } from '@/lib/charges/repo'
import { listEvents } from '@/lib/charges/repo-events'
import { overrideEnv } from '@/lib/env'
import { addUser } from '@/lib/users'
import { describeDialects } from '@/tests/support/db/targets'
import { useHarness } from '@/tests/support/charges/harness'
import { addDemoHistory, billStarts } from './demo-history'

/*
 * The demo's first charges, made through the charge service and a real sandbox over HTTP, over the
 * last six Beijing days, three of them today.
 */

const HOUR = 3_600_000
const beijingHour = (at: number) => (at - beijingDayStart(at)) / HOUR

const SANDBOX_STATUS = { paid: 4, failed: 3, closed: 6 } as const

describeDialects('demo history', (target) => {
  const h = useHarness(target)
  let restoreEnv = () => {}
  beforeAll(async () => {
    await addUser(
      { username: 'cashier', password: 'demo1234', role: 'cashier', displayName: '收银员小王' },
      { kind: 'seed', id: null, name: 'seed' },
      { bcryptCost: 4 },
    )
  })
  afterEach(() => restoreEnv())
  const run = () => addDemoHistory({ sandboxUrl: h.url, cashierUsername: 'cashier' })

  it('refuses outside demo mode, and with DMS elsewhere than the sandbox: nothing is made', async () => {
    expect(await run()).toEqual({ kind: 'refused', reason: 'DMS_SANDBOX is not 1' })
    restoreEnv = overrideEnv({ DMS_SANDBOX: '1', DMS_BASE_URL: 'https://dms.example.com' })
    expect(await run()).toEqual({
      kind: 'refused',
      reason: 'DMS is https://dms.example.com, not the sandbox',
    })
    expect(await ledgerHasCharges()).toBe(false)
    expect(await h.control.orders()).toEqual([])
  })

  it('adds days of charges the ledger, the timelines and the sandbox agree on, once', async () => {
    restoreEnv = overrideEnv({ DMS_SANDBOX: '1' })
    const before = Date.now()
    const result = await run()
    if (result.kind !== 'added') throw new Error(`expected added, got ${result.kind}`)
    // The process has its real clock back.
    expect(Math.abs(Date.now() - (performance.timeOrigin + performance.now()))).toBeLessThan(1_000)
    expect(result.charges).toHaveLength(9)
    expect(result.cashierName).toBe('收银员小王')

    // Six days, the oldest five days ago, in shop hours; none after now; three today.
    const days = result.charges.map((c) => beijingDay(c.createdAt))
    expect(result.days).toBe(6)
    expect(new Set(days)).toEqual(
      new Set([5, 4, 3, 2, 1, 0].map((n) => beijingDay(before - n * DAY_MS))),
    )
    const today = beijingDay(Date.now())
    expect(days.filter((d) => d === today)).toHaveLength(3)
    for (const c of result.charges) {
      expect(c.createdAt).toBeLessThanOrEqual(Date.now())
      if (beijingDay(c.createdAt) === today) continue
      expect(beijingHour(c.createdAt)).toBeGreaterThanOrEqual(9)
      expect(beijingHour(c.createdAt)).toBeLessThan(21)
    }
    expect(result.charges.map((c) => c.createdAt)).toEqual(
      result.charges.map((c) => c.createdAt).sort((a, b) => a - b),
    )

    // What the manager's 收款记录 shows over all dates, and for today, read from the ledger.
    const totals = await chargeTotals(toChargeQuery({ ...EMPTY_FILTER, preset: 'all' }, Date.now()))
    const byStatus = Object.fromEntries(
      totals.byStatus.filter((s) => s.count > 0).map((s) => [s.status, [s.count, s.sumFen]]),
    )
    expect(byStatus).toEqual({
      paid: [7, 38_600 + 12_850 + 4_500 + 128_000 + 8_800 + 56_000 + 19_900],
      failed: [1, 4_500],
      closed: [1, 26_000],
    })
    const todays = await chargeTotals(
      toChargeQuery({ ...EMPTY_FILTER, preset: 'today' }, Date.now()),
    )
    expect(todays.all.count).toBe(3)
    expect(todays.paid.sumFen).toBe(56_000 + 19_900)
    const paidByWay = Object.fromEntries(totals.byPayWay.map((w) => [w.payWay, w.paid.count]))
    expect(paidByWay).toEqual({ SCAN_WEIXIN: 3, SCAN_ALIPAY: 4 })
    expect(new Set(result.charges.map((c) => c.bzOrder)).size).toBe(8)
    // Each bill numbered on its own day: WX<day>-0001, and -0002, -0003 today.
    for (const c of result.charges) {
      expect(c.bzOrder).toMatch(/^WX\d{8}-000[1-3]$/)
      expect(c.bzOrder.slice(2, 10)).toBe(beijingDay(c.createdAt).replaceAll('-', ''))
    }
    expect(result.charges.every((c) => c.cashierId === result.charges[0]!.cashierId)).toBe(true)

    // 待处理: the one paid after the cashier cancelled, and nothing else.
    const attention = await listNeedsAttention()
    expect(attention.map((a) => [a.amountFen, a.reasons])).toEqual([
      [56_000, ['paid-after-cancel']],
    ])
    const late = result.charges.find((c) => c.paidAfterCancel)!
    const events = await listEvents(late.id)
    const timeline = events.map((e) => [e.type, e.actorName, e.toStatus])
    expect(timeline).toEqual([
      ['created', '收银员小王', 'creating'],
      ['qr-issued', 'DMS', 'pending'],
      ['scanned', 'DMS', 'paying'],
      ['cancel-requested', '收银员小王', 'paying'],
      ['paid-after-cancel', 'DMS', 'paid'],
    ])
    // At a customer's pace, on the charge's own day: scanned, then paid, tens of seconds later.
    const times = events.map((e) => e.at)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(30_000)
    expect(new Set(times.map(beijingDay))).toEqual(new Set([beijingDay(late.createdAt)]))
    const failed = result.charges.find((c) => c.status === 'failed')!
    expect(failed.errorMessage).toBe('用户余额不足')

    // The sandbox holds the same attempts, in the same states, for the same amounts.
    const orders = await h.control.orders()
    expect(orders).toHaveLength(9)
    for (const c of result.charges) {
      const order = orders.find((o) => o.bizOrderNo === c.bizOrderNo)
      expect(order).toMatchObject({
        bzOrder: c.bzOrder,
        amount: c.amountFen,
        payWay: c.payWay,
        orderStatus: SANDBOX_STATUS[c.status as keyof typeof SANDBOX_STATUS],
      })
      // The sandbox's clock was the service's: the order made, and paid, when the charge says.
      expect(Math.abs(Date.parse(order!.createdAt) - c.createdAt)).toBeLessThan(2_000)
      if (c.paidAt !== null)
        expect(Math.abs(Date.parse(order!.payAt!) - c.paidAt)).toBeLessThan(2_000)
    }
    // The person trying the demo keeps the payer's whole daily allowance (the harness set 100 000).
    expect((await h.control.settings()).payerDailyLimit).toBe(100_009)

    // A second start adds nothing and does not call DMS.
    const requests = (await h.control.requests()).length
    expect(await run()).toEqual({ kind: 'exists' })
    expect(await h.control.orders()).toHaveLength(9)
    expect(await h.control.requests()).toHaveLength(requests)
    const again = await chargeTotals(toChargeQuery({ ...EMPTY_FILTER, preset: 'all' }, Date.now()))
    expect(again.all.count).toBe(9)
  })
})

describe('the demo history’s moments', () => {
  const at = (day: string, time: string) => Date.parse(`${day}T${time}+08:00`)
  it('keeps shop hours, and moves today’s before now when the day has not reached them', () => {
    const afternoon = billStarts(at('2026-12-05', '15:00:00'))
    expect(afternoon.map((t) => new Date(t + 8 * HOUR).toISOString().slice(0, 16))).toEqual([
      '2026-11-30T10:20',
      '2026-12-01T15:05',
      '2026-12-02T11:40',
      '2026-12-03T16:15',
      '2026-12-04T10:45',
      '2026-12-05T09:30',
      '2026-12-05T10:50',
      '2026-12-05T12:20',
    ])
    // Seeded at 07:00, and a minute past midnight: today's still today, in order, before now.
    for (const now of [at('2026-12-05', '07:00:00'), at('2026-12-05', '00:01:00')]) {
      const starts = billStarts(now)
      const todays = starts.slice(5)
      expect(todays.every((t) => beijingDay(t) === '2026-12-05' && t < now)).toBe(true)
      expect(starts).toEqual([...starts].sort((a, b) => a - b))
      expect(starts[4]).toBe(at('2026-12-04', '10:45:00'))
    }
  })
})
