import { expect, it } from 'vitest'
import { cancelCharge } from './cancel'
import { refreshCharge } from './refresh'
import { findOpenByBill, getCharge } from './repo'
import { listEvents } from './repo-events'
import { retryDelay } from './backoff'
import { INTERVAL_MS, describeChargeService } from '@/tests/support/charges/harness'
import {
  calls,
  created,
  eventTypes,
  newBill,
  PATHS,
  row,
  setRow,
  waitFor,
} from '@/tests/support/charges/helpers'
import { sleep } from '@/tests/support/wait'

describeChargeService('charge service: races and retries', (h) => {
  it('a poll that learns "paid" while a cancel is under way still flags paid-after-cancel', async () => {
    const charge = await created(h, newBill())
    await h.control.pay(charge.bizOrderNo!)
    // The poll's query answers after the cancel was recorded; the cancel's close answers last.
    // The cancel starts once DMS has the query (an event, not a guess of how long that takes).
    await h.control.addFault({ endpoint: 'query', mode: 'latency', latencyMs: 600, times: 1 })
    await h.control.addFault({ endpoint: 'close', mode: 'latency', latencyMs: 700, times: 1 })
    const poll = refreshCharge(charge.id, { force: true })
    await waitFor(async () => (await calls(h, PATHS.query)).length === 1, 3000, 'the query at DMS')
    const cancel = cancelCharge(charge.id, h.cashier, 'customer left')
    await Promise.all([poll, cancel])

    const stored = await row(charge.id)
    expect(stored.cancel_requested_at).not.toBeNull()
    expect(stored).toMatchObject({ status: 'paid', paid_after_cancel: 1 })
    const types = await eventTypes(charge.id)
    expect(types.slice(2)).toEqual(['cancel-requested', 'paid-after-cancel'])
  })

  it('a close DMS could not answer is retried by the next check after its back-off', async () => {
    const charge = await created(h, newBill())
    await h.control.addFault({ endpoint: 'close', mode: 'http502', times: 1 })
    const res = await cancelCharge(charge.id, h.cashier, 'customer left')
    expect(res).toMatchObject({ kind: 'done', charge: { status: 'pending' } })
    expect((await getCharge(charge.id))?.cancelRequestedAt).not.toBeNull()
    const failed = (await listEvents(charge.id)).at(-1)
    expect(failed).toMatchObject({ type: 'close-failed', actorType: 'dms' })

    // Within the back-off the check queries but does not close again.
    expect((await refreshCharge(charge.id, { force: true }))?.status).toBe('pending')
    expect(await calls(h, PATHS.close, { bizOrderNo: charge.bizOrderNo! })).toHaveLength(1)
    await sleep(retryDelay(1, INTERVAL_MS))
    expect((await refreshCharge(charge.id, { force: true }))?.status).toBe('closed')
    expect(await calls(h, PATHS.close, { bizOrderNo: charge.bizOrderNo! })).toHaveLength(2)
    expect((await h.control.order(charge.bizOrderNo!)).orderStatus).toBe(6)
  })

  it('a close DMS keeps refusing is one event with a count, and tried later and later', async () => {
    const charge = await created(h, newBill())
    await h.control.addFault({ endpoint: 'close', mode: 'errcode', errCode: 1500, times: 1000 })
    // A person pressing cancel again and again: each press is one close, refused.
    for (let i = 0; i < 30; i++) await cancelCharge(charge.id, h.cashier, 'customer left')
    expect(await calls(h, PATHS.close, { bizOrderNo: charge.bizOrderNo! })).toHaveLength(30)
    const failed = (await listEvents(charge.id)).filter((e) => e.type === 'close-failed')
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({ repeatCount: 30, dmsCode: 1500 })
    expect(failed[0]!.lastAt).toBeGreaterThan(failed[0]!.at)
    // The checks that follow close again only once the back-off has run out: over ~1.2 s of
    // checks every interval, a handful of closes instead of one per check.
    const stored = await row(charge.id)
    expect(Number(stored.close_failures)).toBe(30)
    expect(Number(stored.close_retry_at)).toBeGreaterThanOrEqual(Date.now() + 4 * INTERVAL_MS)
    await setRow(charge.id, { close_failures: 0, close_retry_at: null })
    const before = (await calls(h, PATHS.close)).length
    const checks = 6
    for (let i = 0; i < checks; i++) {
      await sleep(INTERVAL_MS)
      await refreshCharge(charge.id)
    }
    const closes = (await calls(h, PATHS.close)).length - before
    expect(closes).toBeGreaterThanOrEqual(1)
    expect(closes).toBeLessThanOrEqual(3)
    expect((await listEvents(charge.id)).filter((e) => e.type === 'close-failed')).toHaveLength(1)
  })

  it('failed checks are counted, noted once, backed off, and forgotten on success', async () => {
    const charge = await created(h, newBill())
    await h.control.addFault({ endpoint: 'query', mode: 'http503', times: 3 })
    for (let i = 1; i <= 3; i++) {
      expect((await refreshCharge(charge.id, { force: true }))?.checkFailures).toBe(i)
    }
    expect((await eventTypes(charge.id)).filter((t) => t === 'check-failed')).toHaveLength(1)
    // The sweep waits longer after each failure (the interval doubled per failure).
    expect(Number((await row(charge.id)).next_check_at)).toBeGreaterThan(
      Date.now() + 4 * INTERVAL_MS,
    )
    const back = await refreshCharge(charge.id, { force: true })
    expect(back).toMatchObject({ status: 'pending', checkFailures: 0 })
    expect((await row(charge.id)).check_failures).toBe(0)
  })

  it('a cancel while the create is still waiting for DMS is refused as busy', async () => {
    const bill = newBill()
    await h.control.addFault({ endpoint: 'payment', mode: 'latency', latencyMs: 600, times: 1 })
    const creating = created(h, bill)
    // Once DMS has the create, the charge is recorded and waiting for the answer.
    await waitFor(
      async () => (await calls(h, PATHS.create)).length === 1,
      3000,
      'the create at DMS',
    )
    const open = await findOpenByBill(bill)
    expect(open?.status).toBe('creating')
    expect(await cancelCharge(open!.id, h.cashier, 'too early')).toMatchObject({ kind: 'busy' })
    expect((await creating).status).toBe('pending')
    expect(await calls(h, PATHS.close)).toHaveLength(0)
  })
})
