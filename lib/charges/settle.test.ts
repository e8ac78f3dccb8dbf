import { describe, expect, it } from 'vitest'
import { listAudit } from '@/lib/audit/repo'
import { ALL_CHARGES_TOPIC, subscribe, type FeedSignal } from '@/lib/feed/feed'
import { listNeedsAttention } from './queries/attention'
import { markReviewed, recheckCharge } from './queries/recheck'
import { findOpenByBill, getCharge } from './repo'
import { listEvents } from './repo-events'
import { settleCharge, type SettleInput } from './settle'
import { describeChargeService, useHarness } from '@/tests/support/charges/harness'
import {
  calls,
  create,
  created,
  eventTypes,
  newBill,
  PATHS,
  row,
  waitFor,
} from '@/tests/support/charges/helpers'

const MANAGER = { id: 'manager-1', name: 'Manager One' }
const AUDIT_ACTOR = { kind: 'user' as const, id: 'manager-1', name: 'manager', ip: '127.0.0.1' }
/** Above 2^53: a trip through a JS number would change its last digits. */
const ORDER_NO = '9007199254740993123'

describeChargeService('charge service: settling a stuck charge by hand', (h, target) => {
  /** An unknown charge: DMS recorded the create (unpaid) but its answer was lost. */
  async function stuck(bill = newBill()) {
    await h.control.addFault({ endpoint: 'payment', mode: 'hang-after-record', times: 1 })
    const res = await create(h, bill)
    if (res.kind !== 'created' || res.charge.status !== 'unknown') throw new Error(res.kind)
    return res.charge
  }
  const settle = (id: string, input: Partial<SettleInput> = {}) =>
    settleCharge(
      id,
      { outcome: 'not-charged', orderNo: null, reason: '顾客出示了扣款失败的截图', ...input },
      MANAGER,
      AUDIT_ACTOR,
    )
  const settleAudits = async (id: string) =>
    (await listAudit({ limit: 200 })).entries.filter((e) => e.target === `charge:${id}`)

  describe('DMS keeps failing the query', () => {
    it('"not charged" closes it, frees the bill, and is on the timeline and in the audit log', async () => {
      const charge = await stuck()
      await h.control.addFault({ endpoint: 'query', mode: 'http502' })
      const before = (await calls(h, PATHS.query)).length
      const res = await settle(charge.id)
      expect(res).toMatchObject({ kind: 'settled', charge: { status: 'closed' } })
      // The fresh query was made (and failed) before settling.
      expect((await calls(h, PATHS.query)).length).toBe(before + 1)
      expect(await findOpenByBill(charge.bzOrder)).toBeNull()
      expect(await row(charge.id)).toMatchObject({
        status: 'closed',
        open_bill: null,
        settled_outcome: 'not-charged',
        settle_disputed: 0,
      })
      const events = await listEvents(charge.id)
      expect(events.map((e) => e.type)).toEqual([
        'created',
        'create-unanswered',
        'check-failed',
        'manager-settled',
      ])
      expect(events.at(-1)).toMatchObject({
        actorType: 'user',
        actorId: MANAGER.id,
        fromStatus: 'unknown',
        toStatus: 'closed',
        detail: { outcome: 'not-charged', orderNo: null, reason: '顾客出示了扣款失败的截图' },
      })
      expect(await settleAudits(charge.id)).toMatchObject([
        {
          action: 'charge.settle',
          actorName: 'manager',
          detail: {
            bill: charge.bzOrder,
            outcome: 'not-charged',
            reason: '顾客出示了扣款失败的截图',
          },
        },
      ])
      // The bill takes a new charge (DMS still failing queries does not matter for a create).
      await h.control.clearFaults()
      const again = await create(h, charge.bzOrder)
      expect(again.kind).toBe('created')
    })

    it('"paid" records the DMS order no. exactly, as text', async () => {
      const charge = await stuck()
      await h.control.addFault({ endpoint: 'query', mode: 'http502' })
      const res = await settle(charge.id, { outcome: 'paid', orderNo: ORDER_NO })
      expect(res).toMatchObject({ kind: 'settled', charge: { status: 'paid', orderNo: ORDER_NO } })
      const stored = await row(charge.id)
      expect(stored).toMatchObject({ status: 'paid', order_no: ORDER_NO, settled_outcome: 'paid' })
      expect(stored.paid_at).not.toBeNull()
      expect((await listEvents(charge.id)).at(-1)).toMatchObject({
        type: 'manager-settled',
        toStatus: 'paid',
        detail: { outcome: 'paid', orderNo: ORDER_NO },
      })
    })
  })

  describe('DMS answers the fresh query', () => {
    it('its answer is applied instead, and nothing is settled or audited', async () => {
      const charge = await stuck()
      const [order] = await h.control.ordersForBill(charge.bzOrder)
      await h.control.pay(order!.bizOrderNo)
      const res = await settle(charge.id)
      expect(res).toMatchObject({ kind: 'dms-answered', charge: { status: 'paid' } })
      expect(await eventTypes(charge.id)).not.toContain('manager-settled')
      expect((await row(charge.id)).settled_outcome).toBeNull()
      expect(await settleAudits(charge.id)).toEqual([])
    })
  })

  it('refuses a charge that is not unknown, and bad input, without asking DMS', async () => {
    const pending = await created(h, newBill())
    expect(await settle(pending.id)).toMatchObject({ kind: 'not-unknown' })
    const charge = await stuck()
    const queries = (await calls(h, PATHS.query)).length
    for (const bad of [
      { reason: '   ' },
      { reason: 'x'.repeat(201) },
      { outcome: 'paid' as const, orderNo: null },
      { outcome: 'paid' as const, orderNo: '12a4' },
    ]) {
      expect(await settle(charge.id, bad)).toEqual({ kind: 'invalid' })
    }
    expect((await calls(h, PATHS.query)).length).toBe(queries)
    expect((await getCharge(charge.id))?.status).toBe('unknown')
  })

  describe('a later DMS answer that disagrees flags it for attention', () => {
    it('settled "not charged", DMS later says paid: paid, and on the attention list', async () => {
      const charge = await stuck()
      await h.control.addFault({ endpoint: 'query', mode: 'http502' })
      await settle(charge.id)
      await h.control.clearFaults()
      const [order] = await h.control.ordersForBill(charge.bzOrder)
      await h.control.pay(order!.bizOrderNo)
      const r = await recheckCharge(charge.id)
      expect(r).toMatchObject({ before: 'closed', after: 'paid', changed: true })
      expect(await row(charge.id)).toMatchObject({
        status: 'paid',
        settle_disputed: 1,
        biz_order_no: order!.bizOrderNo,
      })
      expect((await eventTypes(charge.id)).slice(-2)).toEqual([
        'manager-settled',
        'paid-after-failure',
      ])
      const listed = (await listNeedsAttention()).find((a) => a.id === charge.id)
      expect(listed?.reasons).toEqual(['settle-disputed'])
      // The managers' badges hear of the review at once (a review changes no charge row).
      const heard: FeedSignal[] = []
      const off = subscribe(ALL_CHARGES_TOPIC, (s) => heard.push(s))
      try {
        expect(await markReviewed(charge.id, MANAGER, AUDIT_ACTOR)).toBe(true)
      } finally {
        off()
      }
      expect(heard).toEqual([expect.objectContaining({ kind: 'charge', id: charge.id })])
      expect((await listNeedsAttention()).find((a) => a.id === charge.id)).toBeUndefined()
      // Taking a charge whose money DMS disputes off the list is the manager's decision about that
      // money, as the settlement was: it is in the audit log too, by whom and from where.
      expect((await settleAudits(charge.id)).map((e) => [e.action, e.actorName, e.ip])).toEqual([
        ['charge.review', 'manager', '127.0.0.1'],
        ['charge.settle', 'manager', '127.0.0.1'],
      ])
      expect((await settleAudits(charge.id))[0]!.detail).toEqual({ bill: charge.bzOrder })
    })

    it('settled "paid", DMS later says closed: stays paid, flagged once', async () => {
      const charge = await stuck()
      await h.control.addFault({ endpoint: 'query', mode: 'http502' })
      await settle(charge.id, { outcome: 'paid', orderNo: ORDER_NO })
      await h.control.clearFaults()
      const [order] = await h.control.ordersForBill(charge.bzOrder)
      await h.control.close(order!.bizOrderNo)
      await recheckCharge(charge.id)
      await recheckCharge(charge.id)
      expect(await row(charge.id)).toMatchObject({ status: 'paid', settle_disputed: 1 })
      const events = await listEvents(charge.id)
      expect(events.filter((e) => e.type === 'settle-disputed')).toHaveLength(1)
      expect(events.at(-1)).toMatchObject({ type: 'settle-disputed', actorType: 'dms' })
      const listed = (await listNeedsAttention()).find((a) => a.id === charge.id)
      expect(listed?.reasons).toEqual(['settle-disputed'])
    })
  })

  describe('with DMS notifications', () => {
    const n = useHarness(target, { notify: true })

    it('a notification about a bill settled "not charged" before it had an attempt id flags it', async () => {
      await n.control.addFault({ endpoint: 'payment', mode: 'hang-after-record', times: 1 })
      const res = await create(n, newBill())
      if (res.kind !== 'created') throw new Error(res.kind)
      await n.control.addFault({ endpoint: 'query', mode: 'http502' })
      expect(await settle(res.charge.id)).toMatchObject({ kind: 'settled' })
      await n.control.clearFaults()
      const [order] = await n.control.ordersForBill(res.charge.bzOrder)
      await n.control.pay(order!.bizOrderNo) // DMS notifies the cashier
      const flagged = await waitFor(async () => (await row(res.charge.id)).settle_disputed === 1)
      expect(flagged).toBe(true)
      expect(await row(res.charge.id)).toMatchObject({
        status: 'paid',
        biz_order_no: order!.bizOrderNo,
      })
      expect(n.notified.map((x) => x.outcome)).toContain('accepted')
    })
  })
})
