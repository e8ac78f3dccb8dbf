import { describe, expect, it } from 'vitest'
import { cancelCharge } from './cancel'
import { receiveNotification } from './notification'
import { refreshCharge } from './refresh'
import { getCharge } from './repo'
import { listEvents } from './repo-events'
import { describeChargeService } from '@/tests/support/charges/harness'
import {
  calls,
  created,
  eventTypes,
  newBill,
  PATHS,
  row,
  setRow,
  signedNotification,
  waitFor,
} from '@/tests/support/charges/helpers'

/** A forced refresh: skips the polling interval, so each step below asks DMS. */
const refresh = async (id: string) => (await refreshCharge(id, { force: true }))!

describeChargeService('charge service: payment life', (h) => {
  describe('customer side', () => {
    it('scan → paying, pay → paid with paid_at from DMS’s payDatetime', async () => {
      const charge = await created(h, newBill())
      const biz = charge.bizOrderNo!
      await h.control.scan(biz)
      expect((await refresh(charge.id)).status).toBe('paying')
      const paid = await h.control.pay(biz)
      expect((await refresh(charge.id)).status).toBe('paid')

      // payDatetime is China time to the second: paid_at is the sandbox's payAt, seconds only.
      const payAt = Date.parse(paid.payAt!)
      const stored = await row(charge.id)
      expect(Number(stored.paid_at)).toBe(Math.floor(payAt / 1000) * 1000)
      expect(stored).toMatchObject({ status: 'paid', open_bill: null, paid_after_cancel: 0 })
      expect(await eventTypes(charge.id)).toEqual(['created', 'qr-issued', 'scanned', 'paid'])
      expect(await calls(h, PATHS.query, { bizOrderNo: biz })).toHaveLength(2)
    })

    it('a failed payment keeps the network’s message as code 3000', async () => {
      const charge = await created(h, newBill())
      await h.control.fail(charge.bizOrderNo!, '余额不足')
      const failed = await refresh(charge.id)
      expect(failed).toMatchObject({ status: 'failed', errorCode: 3000, errorMessage: '余额不足' })
      expect(await row(charge.id)).toMatchObject({ error_code: 3000, error_message: '余额不足' })
      const last = (await listEvents(charge.id)).at(-1)
      expect(last).toMatchObject({ type: 'failed', actorType: 'dms', dmsMessage: '余额不足' })
    })

    it('a refund after paid makes the charge refunded (learned from DMS’s notification)', async () => {
      const charge = await created(h, newBill())
      await h.control.pay(charge.bizOrderNo!)
      expect((await refresh(charge.id)).status).toBe('paid')
      const refunded = await h.control.refund(charge.bizOrderNo!)
      expect(refunded.orderStatus).toBe(5)
      // A plain poll never asks DMS about a settled charge…
      await h.control.clearRequests()
      expect((await refreshCharge(charge.id))?.status).toBe('paid')
      expect(await calls(h, PATHS.query)).toHaveLength(0)
      // …the notification triggers one query, and the query's answer moves the charge.
      const { raw, sig } = signedNotification(refunded.lastNotify!)
      expect(await receiveNotification(raw, sig)).toBe('accepted')
      await waitFor(async () => (await getCharge(charge.id))?.status === 'refunded')
      expect(await calls(h, PATHS.query)).toHaveLength(1)
      const types = await eventTypes(charge.id)
      expect(types.slice(-2)).toEqual(['paid', 'refunded'])
      expect(types.filter((t) => t === 'refunded')).toHaveLength(1)
      expect((await row(charge.id)).paid_at).not.toBeNull()
    })
  })

  describe('cancel', () => {
    it('closes the attempt at DMS and then the charge', async () => {
      const charge = await created(h, newBill())
      const res = await cancelCharge(charge.id, h.cashier, 'customer left')
      expect(res).toMatchObject({ kind: 'done', charge: { status: 'closed' } })
      expect((await h.control.order(charge.bizOrderNo!)).orderStatus).toBe(6)
      expect(await calls(h, PATHS.close, { bizOrderNo: charge.bizOrderNo! })).toHaveLength(1)
      const events = await listEvents(charge.id)
      expect(events.map((e) => e.type)).toEqual([
        'created',
        'qr-issued',
        'cancel-requested',
        'closed',
      ])
      expect(events[2]).toMatchObject({ actorType: 'user', actorId: h.cashier.id })
      expect(await row(charge.id)).toMatchObject({
        status: 'closed',
        open_bill: null,
        cancel_requested_by: h.cashier.name,
      })
    })

    it('after the customer paid: paid, flagged paid-after-cancel', async () => {
      const charge = await created(h, newBill())
      const paid = await h.control.pay(charge.bizOrderNo!)
      const res = await cancelCharge(charge.id, h.cashier, 'changed mind')
      expect(res).toMatchObject({ kind: 'done', charge: { status: 'paid', paidAfterCancel: true } })
      expect((await h.control.order(charge.bizOrderNo!)).orderStatus).toBe(4)
      const stored = await row(charge.id)
      expect(stored).toMatchObject({ status: 'paid', paid_after_cancel: 1 })
      expect(Number(stored.paid_at)).toBe(Math.floor(Date.parse(paid.payAt!) / 1000) * 1000)
      expect((await eventTypes(charge.id)).slice(2)).toEqual([
        'cancel-requested',
        'paid-after-cancel',
      ])
    })

    it('after the payment failed: failed, with the network’s message', async () => {
      const charge = await created(h, newBill())
      await h.control.fail(charge.bizOrderNo!, '银行卡已冻结')
      const res = await cancelCharge(charge.id, h.cashier, 'customer left')
      expect(res).toMatchObject({ kind: 'done', charge: { status: 'failed' } })
      expect(await row(charge.id)).toMatchObject({
        status: 'failed',
        error_code: 3000,
        error_message: '银行卡已冻结',
      })
    })
  })

  describe('cashier timeout', () => {
    it('an expired pending charge is closed at DMS by the system', async () => {
      const charge = await created(h, newBill())
      await setRow(charge.id, { expires_at: Date.now() - 1000 })
      expect((await refresh(charge.id)).status).toBe('closed')
      expect((await h.control.order(charge.bizOrderNo!)).orderStatus).toBe(6)
      const events = await listEvents(charge.id)
      const cancel = events.find((e) => e.type === 'cancel-requested')
      expect(cancel).toMatchObject({ actorType: 'system', detail: { reason: 'timeout' } })
      expect(events.at(-1)).toMatchObject({ type: 'closed', actorType: 'dms' })
    })

    it('a paying customer gets 60 s of grace before the QR is closed', async () => {
      const charge = await created(h, newBill())
      await h.control.scan(charge.bizOrderNo!)
      await setRow(charge.id, { expires_at: Date.now() - 30_000 })
      const within = await refresh(charge.id)
      expect(within).toMatchObject({ status: 'paying', cancelRequestedAt: null })
      expect(await calls(h, PATHS.close)).toHaveLength(0)

      await setRow(charge.id, { expires_at: Date.now() - 61_000 })
      expect((await refresh(charge.id)).status).toBe('closed')
      expect((await h.control.order(charge.bizOrderNo!)).orderStatus).toBe(6)
    })
  })
})
