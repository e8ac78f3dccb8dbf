import { beforeEach, expect, it } from 'vitest'
import { getDb } from '@/lib/db/connection'
import { getCharge } from './repo'
import { listEvents } from './repo-events'
import { OPEN_STATUSES } from './status'
import { sweepOnce } from './sweep'
import { describeChargeService } from '@/tests/support/charges/harness'
import { calls, create, created, newBill, PATHS, setRow } from '@/tests/support/charges/helpers'

describeChargeService('charge service: background sweep', (h) => {
  // Each test sweeps only its own charges: settle whatever an earlier test left open.
  beforeEach(async () => {
    await getDb()
      .updateTable('charges')
      .set({ status: 'closed', open_bill: null })
      .where('status', 'in', [...OPEN_STATUSES])
      .execute()
  })

  it('reconciles an unknown charge nobody is watching', async () => {
    const bill = newBill()
    await h.control.addFault({ endpoint: 'payment', mode: 'hang-after-record', times: 1 })
    const res = await create(h, bill)
    expect(res).toMatchObject({ kind: 'created', charge: { status: 'unknown' } })
    const [order] = await h.control.ordersForBill(bill)
    await h.control.pay(order!.bizOrderNo)

    expect(await sweepOnce()).toBe(1)
    const charge = await getCharge('charge' in res ? res.charge.id : '')
    expect(charge).toMatchObject({ status: 'paid', bizOrderNo: order!.bizOrderNo })
    expect(await calls(h, PATHS.create, { bzOrder: bill })).toHaveLength(1)
  })

  it('closes an expired charge at DMS', async () => {
    const charge = await created(h, newBill())
    await setRow(charge.id, { expires_at: Date.now() - 1000 })
    await sweepOnce()
    expect((await getCharge(charge.id))?.status).toBe('closed')
    expect((await h.control.order(charge.bizOrderNo!)).orderStatus).toBe(6)
    const cancel = (await listEvents(charge.id)).find((e) => e.type === 'cancel-requested')
    expect(cancel).toMatchObject({ actorType: 'system', detail: { reason: 'timeout' } })
  })

  it('two concurrent sweeps query each charge once', async () => {
    const pending = [await created(h, newBill()), await created(h, newBill())]
    await h.control.scan(pending[1]!.bizOrderNo!)
    const lostBill = newBill()
    await h.control.addFault({ endpoint: 'payment', mode: 'html500', times: 1 })
    const lost = await create(h, lostBill)
    expect(lost).toMatchObject({ kind: 'created', charge: { status: 'unknown' } })
    await h.control.clearRequests()

    const [a, b] = await Promise.all([sweepOnce(), sweepOnce()])
    // The second may list fewer: a charge the first has already claimed is not due.
    expect(Math.max(a, b)).toBe(3)
    for (const c of pending) {
      expect(await calls(h, PATHS.query, { bizOrderNo: c.bizOrderNo! })).toHaveLength(1)
    }
    expect(await calls(h, PATHS.query, { bzOrder: lostBill })).toHaveLength(1)
    expect(await calls(h, PATHS.query)).toHaveLength(3)
    expect((await getCharge(pending[1]!.id))?.status).toBe('paying')
    expect((await getCharge('charge' in lost ? lost.charge.id : ''))?.status).toBe('failed')

    // The open ones' next checks are scheduled after their query (claimed an interval ahead before
    // it was sent), not due at once. Read, not swept a third time: on a loaded machine the harness's
    // 200 ms interval can pass before a third sweep starts, which then rightly finds them due (a CI
    // run under load failed so).
    for (const c of pending) {
      const [query] = await calls(h, PATHS.query, { bizOrderNo: c.bizOrderNo! })
      const next = (await getCharge(c.id))?.nextCheckAt
      expect(next).toBeGreaterThan(Date.parse(query!.at))
    }
  })
})
