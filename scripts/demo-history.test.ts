import { afterEach, beforeAll, expect, it } from 'vitest'
import { listNeedsAttention } from '@/lib/charges/queries/attention'
import { EMPTY_FILTER, toChargeQuery } from '@/lib/charges/queries/filters'
import { chargeTotals } from '@/lib/charges/queries/totals'
import { ledgerHasCharges } from '@/lib/charges/repo'
import { listEvents } from '@/lib/charges/repo-events'
import { overrideEnv } from '@/lib/env'
import { addUser } from '@/lib/users'
import { describeDialects } from '@/tests/support/db/targets'
import { useHarness } from '@/tests/support/charges/harness'
import { addDemoHistory } from './demo-history'

/* The demo's first charges, made through the charge service and a real sandbox over HTTP. */

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

  it('adds a day of charges the ledger, the timelines and the sandbox agree on, once', async () => {
    restoreEnv = overrideEnv({ DMS_SANDBOX: '1' })
    const result = await run()
    if (result.kind !== 'added') throw new Error(`expected added, got ${result.kind}`)
    expect(result.charges).toHaveLength(9)
    expect(result.cashierName).toBe('收银员小王')

    // What the manager's 收款记录 shows for today, read from the ledger.
    const totals = await chargeTotals(
      toChargeQuery({ ...EMPTY_FILTER, preset: 'today' }, Date.now()),
    )
    const byStatus = Object.fromEntries(
      totals.byStatus.filter((s) => s.count > 0).map((s) => [s.status, [s.count, s.sumFen]]),
    )
    expect(byStatus).toEqual({
      paid: [7, 38_600 + 12_850 + 4_500 + 128_000 + 8_800 + 56_000 + 19_900],
      failed: [1, 4_500],
      closed: [1, 26_000],
    })
    const paidByWay = Object.fromEntries(totals.byPayWay.map((w) => [w.payWay, w.paid.count]))
    expect(paidByWay).toEqual({ SCAN_WEIXIN: 3, SCAN_ALIPAY: 4 })
    expect(new Set(result.charges.map((c) => c.bzOrder)).size).toBe(8)
    for (const c of result.charges) expect(c.bzOrder).toMatch(/^WX\d{8}-000[1-8]$/)
    expect(result.charges.every((c) => c.cashierId === result.charges[0]!.cashierId)).toBe(true)

    // 待处理: the one paid after the cashier cancelled, and nothing else.
    const attention = await listNeedsAttention()
    expect(attention.map((a) => [a.amountFen, a.reasons])).toEqual([
      [56_000, ['paid-after-cancel']],
    ])
    const late = result.charges.find((c) => c.paidAfterCancel)!
    const timeline = (await listEvents(late.id)).map((e) => [e.type, e.actorName, e.toStatus])
    expect(timeline).toEqual([
      ['created', '收银员小王', 'creating'],
      ['qr-issued', 'DMS', 'pending'],
      ['scanned', 'DMS', 'paying'],
      ['cancel-requested', '收银员小王', 'paying'],
      ['paid-after-cancel', 'DMS', 'paid'],
    ])
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
