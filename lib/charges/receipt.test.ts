import { describe, expect, it } from 'vitest'
import { printFirstReceipt, printReceipt } from './receipt'
import { refreshCharge } from './refresh'
import { describeChargeService } from '@/tests/support/charges/harness'
import { created, newBill } from '@/tests/support/charges/helpers'

describeChargeService('receipts', (h) => {
  describe('printReceipt', () => {
    it('prints only a paid charge, numbering every copy so later ones are reprints', async () => {
      const charge = await created(h, newBill())
      expect(await printReceipt(charge.id, h.cashier.id)).toEqual({
        kind: 'not-paid',
        status: charge.status,
      })
      await h.control.pay(charge.bizOrderNo!)
      expect((await refreshCharge(charge.id, { force: true }))?.status).toBe('paid')

      const printed = await printReceipt(charge.id, h.cashier.id)
      const first = printed.kind === 'printed' ? printed.receipt : null
      expect(first).toMatchObject({
        bzOrder: charge.bzOrder,
        amountFen: charge.amountFen,
        payWay: charge.payWay,
        orderNo: charge.orderNo,
        copy: 1,
      })
      expect(first!.cashierName).not.toBe('')
      expect(first!.stationName).not.toBe('')
      expect(first!.paidAt).toBeGreaterThan(0)
      expect(await printReceipt(charge.id, h.cashier.id)).toMatchObject({ receipt: { copy: 2 } })
    })

    it('refuses a charge refunded since it was paid, naming its status now', async () => {
      const charge = await created(h, newBill())
      await h.control.pay(charge.bizOrderNo!)
      expect((await refreshCharge(charge.id, { force: true }))?.status).toBe('paid')
      await h.control.refund(charge.bizOrderNo!)
      expect((await refreshCharge(charge.id, { force: true, settled: true }))?.status).toBe(
        'refunded',
      )
      expect(await printReceipt(charge.id, h.cashier.id)).toEqual({
        kind: 'not-paid',
        status: 'refunded',
      })
    })

    it('says so when there is no such charge', async () => {
      const none = '00000000-0000-4000-8000-000000000000'
      expect(await printReceipt(none, h.cashier.id)).toEqual({ kind: 'not-found' })
    })
  })

  describe('printFirstReceipt', () => {
    it('records the first copy once, and never after any copy exists', async () => {
      const charge = await created(h, newBill())
      expect(await printFirstReceipt(charge.id, h.cashier.id)).toBeNull()
      await h.control.pay(charge.bizOrderNo!)
      expect((await refreshCharge(charge.id, { force: true }))?.status).toBe('paid')

      // Two screens asking at once: one prints, the other gets nothing.
      const both = await Promise.all([
        printFirstReceipt(charge.id, h.cashier.id),
        printFirstReceipt(charge.id, h.cashier.id),
      ])
      expect(both.filter((r) => r !== null).map((r) => r!.copy)).toEqual([1])
      expect(await printFirstReceipt(charge.id, h.cashier.id)).toBeNull()
      // A copy by hand afterwards is the second, a reprint.
      expect(await printReceipt(charge.id, h.cashier.id)).toMatchObject({ receipt: { copy: 2 } })
    })

    it('does not print automatically once a copy was printed by hand', async () => {
      const charge = await created(h, newBill())
      await h.control.pay(charge.bizOrderNo!)
      await refreshCharge(charge.id, { force: true })
      expect(await printReceipt(charge.id, h.cashier.id)).toMatchObject({ receipt: { copy: 1 } })
      expect(await printFirstReceipt(charge.id, h.cashier.id)).toBeNull()
    })
  })
})
