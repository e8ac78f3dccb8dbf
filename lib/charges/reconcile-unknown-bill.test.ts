import { expect, it } from 'vitest'
import { recheckCharge } from './queries/recheck'
import { refreshCharge } from './refresh'
import { settleCharge } from './settle'
import { describeChargeService } from '@/tests/support/charges/harness'
import { create, eventTypes, newBill, row, waitFor } from '@/tests/support/charges/helpers'

/*
 * Two charges of one bill, neither knowing its attempt id: the older settled by hand "not charged",
 * the newer unknown. A query or a notification by bill is about the bill's latest attempt, which
 * only the newer one may have made: the older must never take it.
 */

const MANAGER = { id: 'manager-1', name: 'Manager One' }
const AUDIT_ACTOR = { kind: 'user' as const, id: 'manager-1', name: 'manager', ip: '127.0.0.1' }

describeChargeService(
  'charge service: a bill whose attempts no charge knows',
  { notify: true },
  (h) => {
    /** A create DMS recorded but whose answer was lost: the charge is unknown. */
    async function unanswered(bill: string) {
      await h.control.addFault({ endpoint: 'payment', mode: 'hang-after-record', times: 1 })
      const res = await create(h, bill)
      if (res.kind !== 'created' || res.charge.status !== 'unknown') throw new Error(res.kind)
      return res.charge
    }

    /** The older charge settled "not charged" (DMS failing the query), then a newer one, unknown. */
    async function twoCharges() {
      const bill = newBill()
      const old = await unanswered(bill)
      const [oldAttempt] = await h.control.ordersForBill(bill)
      await h.control.addFault({ endpoint: 'query', mode: 'http502' })
      const settled = await settleCharge(
        old.id,
        { outcome: 'not-charged', orderNo: null, reason: '顾客出示了扣款失败的截图' },
        MANAGER,
        AUDIT_ACTOR,
      )
      expect(settled).toMatchObject({ kind: 'settled', charge: { status: 'closed' } })
      await h.control.clearFaults()
      const fresh = await unanswered(bill)
      const orders = await h.control.ordersForBill(bill)
      expect(orders).toHaveLength(2)
      // The newer charge's attempt: the bill's latest.
      const latest = orders.find((o) => o.bizOrderNo !== oldAttempt!.bizOrderNo)!
      return { old, fresh, latest }
    }

    const untouched = async (id: string) =>
      expect(await row(id)).toMatchObject({
        status: 'closed',
        settled_outcome: 'not-charged',
        settle_disputed: 0,
        biz_order_no: null,
      })

    it("a manager's recheck of the older charge leaves the newer one's attempt to it", async () => {
      const { old, fresh, latest } = await twoCharges()
      await h.control.pay(latest.bizOrderNo)
      await recheckCharge(old.id)
      await untouched(old.id)
      expect(await eventTypes(old.id)).toEqual([
        'created',
        'create-unanswered',
        'check-failed',
        'manager-settled',
      ])
      expect(await refreshCharge(fresh.id, { force: true })).toMatchObject({
        status: 'paid',
        bizOrderNo: latest.bizOrderNo,
      })
      expect(await eventTypes(fresh.id)).toEqual(['created', 'create-unanswered', 'paid'])
    })

    it("a notification of the newer charge's attempt is news about the newer one only", async () => {
      const { old, fresh, latest } = await twoCharges()
      await h.control.pay(latest.bizOrderNo) // DMS notifies the cashier
      const paid = await waitFor(async () => (await row(fresh.id)).status === 'paid')
      expect(paid).toBe(true)
      expect(await row(fresh.id)).toMatchObject({ biz_order_no: latest.bizOrderNo })
      // Only this attempt's notifications: an earlier test's payment may still be notifying when
      // this one starts (seen under load as a second 'accepted').
      const ours = h.notified.filter((x) => x.raw.includes(latest.bizOrderNo))
      expect(ours.map((x) => x.outcome)).toEqual(['accepted'])
      await untouched(old.id)
      expect(await eventTypes(old.id)).not.toContain('paid-after-failure')
    })

    it('the older charge still learns of its own attempt when the newer one made none', async () => {
      const bill = newBill()
      const old = await unanswered(bill)
      const [own] = await h.control.ordersForBill(bill)
      await h.control.addFault({ endpoint: 'query', mode: 'http502' })
      await settleCharge(
        old.id,
        { outcome: 'not-charged', orderNo: null, reason: '顾客出示了扣款失败的截图' },
        MANAGER,
        AUDIT_ACTOR,
      )
      await h.control.clearFaults()
      // DMS refuses the newer charge's create (2004: another amount while the old attempt is open).
      const refused = await create(h, bill, { amountFen: 100 })
      expect(refused).toMatchObject({ kind: 'created', charge: { bizOrderNo: null } })
      if (refused.kind !== 'created') throw new Error(refused.kind)
      expect(['failed', 'refused']).toContain((await row(refused.charge.id)).status)
      expect(await h.control.ordersForBill(bill)).toHaveLength(1)
      await h.control.pay(own!.bizOrderNo)
      await recheckCharge(old.id)
      expect(await row(old.id)).toMatchObject({
        status: 'paid',
        settle_disputed: 1,
        biz_order_no: own!.bizOrderNo,
      })
    })
  },
)
