import { expect, it } from 'vitest'
import { cancelCharge } from './cancel'
import { findOpenByBill, getCharge } from './repo'
import { switchPayWay } from './switch-pay-way'
import { describeChargeService } from '@/tests/support/charges/harness'
import { calls, created, eventTypes, newBill, PATHS } from '@/tests/support/charges/helpers'

describeChargeService('charge service: switch pay way', (h) => {
  it('closes the WeChat attempt at DMS, then creates an Alipay one for the same bill', async () => {
    const bill = newBill()
    const wechat = await created(h, bill)
    const res = await switchPayWay(wechat.id, 'SCAN_ALIPAY', h.cashier)
    if (res.kind !== 'switched' || res.result.kind !== 'created') {
      throw new Error(`expected a new charge, got ${JSON.stringify(res)}`)
    }
    const alipay = res.result.charge
    expect(alipay).toMatchObject({
      status: 'pending',
      payWay: 'SCAN_ALIPAY',
      bzOrder: bill,
      amountFen: wechat.amountFen,
    })
    expect(alipay.payInfo).toMatch(/^https:\/\/qr\.alipay\.com\//)
    expect((await getCharge(wechat.id))?.status).toBe('closed')
    expect((await findOpenByBill(bill))?.id).toBe(alipay.id)

    const orders = await h.control.ordersForBill(bill) // newest first
    expect(orders.map((o) => [o.payWay, o.orderStatus])).toEqual([
      ['SCAN_ALIPAY', 1],
      ['SCAN_WEIXIN', 6],
    ])
    // The close was confirmed before the second create was sent: never two live QRs for one bill.
    const log = await h.control.requests()
    const closeAt = log.findIndex((e) => e.path === PATHS.close)
    const creates = log.flatMap((e, i) => (e.path === PATHS.create ? [i] : []))
    expect(creates).toHaveLength(2)
    expect(creates[0]! < closeAt && closeAt < creates[1]!).toBe(true)
    expect(log[creates[1]!]!.params).toMatchObject({ pay_way: 'SCAN_ALIPAY', bz_order: bill })
  })

  it('if the customer paid the first one meanwhile: paid, and no new attempt', async () => {
    const bill = newBill()
    const wechat = await created(h, bill)
    await h.control.pay(wechat.bizOrderNo!)
    const res = await switchPayWay(wechat.id, 'SCAN_ALIPAY', h.cashier)
    expect(res).toMatchObject({ kind: 'paid', charge: { id: wechat.id, status: 'paid' } })
    expect(await calls(h, PATHS.create, { bzOrder: bill })).toHaveLength(1)
    expect(await h.control.ordersForBill(bill)).toHaveLength(1)
    expect(await findOpenByBill(bill)).toBeNull()
    // The cashier had asked to cancel it, so the manager sees it flagged.
    expect((await eventTypes(wechat.id)).slice(-2)).toEqual([
      'cancel-requested',
      'paid-after-cancel',
    ])
  })

  it('if it was already closed (cancelled in another tab): ended, and no new attempt', async () => {
    const bill = newBill()
    const wechat = await created(h, bill)
    await cancelCharge(wechat.id, h.cashier, 'cancel')
    const res = await switchPayWay(wechat.id, 'SCAN_ALIPAY', h.cashier)
    expect(res).toMatchObject({ kind: 'ended', charge: { id: wechat.id, status: 'closed' } })
    expect(await calls(h, PATHS.create, { bzOrder: bill })).toHaveLength(1)
    expect(await h.control.ordersForBill(bill)).toHaveLength(1)
    expect(await findOpenByBill(bill)).toBeNull()
  })
})
