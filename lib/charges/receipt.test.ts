import { describe, expect, it } from 'vitest'
import { describeDialects } from '@/lib/db/testing/targets'
import { printReceipt } from './receipt'
import { refreshCharge } from './refresh'
import { useHarness } from './testing/harness'
import { created, newBill } from './testing/helpers'

describeDialects('receipts', (target) => {
  const h = useHarness(target)

  describe('printReceipt', () => {
    it('prints only a paid charge, numbering every copy so later ones are reprints', async () => {
      const charge = await created(h, newBill())
      expect(await printReceipt(charge.id, h.cashier.id)).toBeNull()
      await h.control.pay(charge.bizOrderNo!)
      expect((await refreshCharge(charge.id, { force: true }))?.status).toBe('paid')

      const first = await printReceipt(charge.id, h.cashier.id)
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
      const second = await printReceipt(charge.id, h.cashier.id)
      expect(second?.copy).toBe(2)
    })
  })
})
