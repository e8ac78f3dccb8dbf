import { describe, expect, it } from 'vitest'
import { getDb } from '@/lib/db/connection'
import { openCharge } from '@/tests/support/db/fixtures'
import { dmsCall, paymentParams } from '@/tests/support/sandbox-http'
import { refreshCharge } from './refresh'
import { listEvents } from './repo-events'
import { DMS_TOKEN, TIMEOUT_MS, describeChargeService } from '@/tests/support/charges/harness'
import { calls, create, eventTypes, newBill, PATHS, row } from '@/tests/support/charges/helpers'
import { sleep } from '@/tests/support/wait'

const refresh = async (id: string) => (await refreshCharge(id, { force: true }))!

describeChargeService('charge service: unanswered creates', (h) => {
  /** Creates with a fault on the create call; the charge comes back `unknown`. */
  async function unanswered(bill: string, mode: 'hang' | 'hang-after-record' | 'html500') {
    await h.control.addFault({ endpoint: 'payment', mode, times: 1 })
    const res = await create(h, bill)
    if (res.kind !== 'created') throw new Error(`expected created, got ${res.kind}`)
    expect(res.charge).toMatchObject({ status: 'unknown', bizOrderNo: null, payInfo: null })
    return res.charge
  }

  const creates = (bzOrder: string) => calls(h, PATHS.create, { bzOrder })

  describe('the create reached DMS but its answer was lost', () => {
    it('is paid if the customer paid meanwhile', async () => {
      const bill = newBill()
      const charge = await unanswered(bill, 'hang-after-record')
      const [order] = await h.control.ordersForBill(bill)
      const paid = await h.control.pay(order!.bizOrderNo)
      const settled = await refresh(charge.id)
      expect(settled).toMatchObject({
        status: 'paid',
        bizOrderNo: order!.bizOrderNo,
        orderNo: order!.orderNo,
        paidAt: Math.floor(Date.parse(paid.payAt!) / 1000) * 1000,
      })
      expect(await eventTypes(charge.id)).toEqual(['created', 'create-unanswered', 'paid'])
      expect(await creates(bill)).toHaveLength(1)
      expect(await calls(h, PATHS.query, { bzOrder: bill })).toHaveLength(1)
    })

    it('is closed at DMS if unpaid: its QR never reached the cashier', async () => {
      const bill = newBill()
      const charge = await unanswered(bill, 'hang-after-record')
      const closed = await refresh(charge.id)
      expect(closed.status).toBe('closed')
      const [order] = await h.control.ordersForBill(bill)
      expect(order!.orderStatus).toBe(6)
      const events = await listEvents(charge.id)
      expect(events.map((e) => e.type)).toEqual([
        'created',
        'create-unanswered',
        'qr-issued',
        'cancel-requested',
        'closed',
      ])
      expect(events[3]).toMatchObject({
        actorType: 'system',
        detail: { reason: 'qr-never-received' },
      })
      expect(await row(charge.id)).toMatchObject({
        biz_order_no: order!.bizOrderNo,
        open_bill: null,
      })
      expect(await creates(bill)).toHaveLength(1)
    })
  })

  describe('the create never made an attempt at DMS', () => {
    it('an HTML 500 page: unknown, then failed ("not created") at the first refresh', async () => {
      const bill = newBill()
      const charge = await unanswered(bill, 'html500')
      expect((await row(charge.id)).error_message).toMatch(/HTTP 500/)
      const failed = await refresh(charge.id)
      expect(failed.status).toBe('failed')
      expect((await listEvents(charge.id)).at(-1)).toMatchObject({
        type: 'not-created',
        dmsCode: 2008,
      })
      expect(await h.control.ordersForBill(bill)).toHaveLength(0)
      expect(await creates(bill)).toHaveLength(1)
    })

    it('no answer at all: not-found is final only after twice the DMS timeout', async () => {
      const bill = newBill()
      const charge = await unanswered(bill, 'hang')
      // DMS may still be working on the request: "not found" now proves nothing.
      expect((await refresh(charge.id)).status).toBe('unknown')
      expect(await calls(h, PATHS.query, { bzOrder: bill })).toHaveLength(1)

      await sleep(Math.max(0, charge.createdAt + 2 * TIMEOUT_MS - Date.now()) + 20)
      expect((await refresh(charge.id)).status).toBe('failed')
      expect(await eventTypes(charge.id)).toEqual(['created', 'create-unanswered', 'not-created'])
      expect(await creates(bill)).toHaveLength(1)
    })
  })

  describe('the process died mid-create', () => {
    async function interrupted(bill: string, ageMs: number) {
      const values = openCharge({ stationId: h.stationId, cashierId: h.cashier.id }, bill, {
        payer_id: 'testtlzf',
        reciever_id: 'RCV-0001',
        created_at: Date.now() - ageMs,
      })
      await getDb().insertInto('charges').values(values).execute()
      return values.id
    }

    it('a fresh creating charge is left to the request creating it', async () => {
      const bill = newBill()
      const id = await interrupted(bill, 0)
      expect((await refresh(id)).status).toBe('creating')
      expect(await calls(h, PATHS.query)).toHaveLength(0)
    })

    it('an old one becomes unknown and is settled by the bill: failed when DMS has nothing', async () => {
      const bill = newBill()
      const id = await interrupted(bill, 10 * 60_000)
      expect((await refresh(id)).status).toBe('failed')
      const events = await listEvents(id)
      expect(events.map((e) => e.type)).toEqual(['create-unanswered', 'not-created'])
      expect(events[0]).toMatchObject({
        actorType: 'system',
        detail: { reason: 'create-interrupted' },
      })
      expect(await calls(h, PATHS.query, { bzOrder: bill })).toHaveLength(1)
      expect(await creates(bill)).toHaveLength(0)
    })

    it('an old one whose create reached DMS follows that attempt (paid)', async () => {
      const bill = newBill()
      const id = await interrupted(bill, 10 * 60_000)
      // What the dead process sent before it died.
      const sent = await dmsCall(h.url, PATHS.create, paymentParams({ bz_order: bill }), {
        token: DMS_TOKEN,
      })
      expect(sent.body?.errCode).toBe(1000)
      const [order] = await h.control.ordersForBill(bill)
      await h.control.pay(order!.bizOrderNo)
      expect(await refresh(id)).toMatchObject({ status: 'paid', bizOrderNo: order!.bizOrderNo })
      expect(await eventTypes(id)).toEqual(['create-unanswered', 'paid'])
      expect(await creates(bill)).toHaveLength(1)
    })
  })
})
