import { expect, it } from 'vitest'
import { describeDialects } from '@/lib/db/testing/targets'
import { refreshCharge } from './refresh'
import { claimCheck } from './repo'
import { INTERVAL_MS, useHarness } from './testing/harness'
import { calls, created, newBill, PATHS, row, sleep } from './testing/helpers'

describeDialects('charge service: one DMS query per charge per interval', (target) => {
  const h = useHarness(target)

  const queries = (bizOrderNo: string) => calls(h, PATHS.query, { bizOrderNo })

  it('20 concurrent polls make one query; polls within the interval make none', async () => {
    const charge = await created(h, newBill())
    const biz = charge.bizOrderNo!
    await h.control.scan(biz)

    const results = await Promise.all(Array.from({ length: 20 }, () => refreshCharge(charge.id)))
    expect(new Set(results.map((c) => c?.status))).toEqual(new Set(['paying']))
    expect(await queries(biz)).toHaveLength(1)

    const until = Number((await row(charge.id)).claim_until)
    for (let i = 0; i < 5; i++) expect((await refreshCharge(charge.id))?.status).toBe('paying')
    // Sanity: the polls above really were inside the interval.
    expect(Date.now()).toBeLessThan(until)
    expect(await queries(biz)).toHaveLength(1)

    await sleep(Math.max(0, until - Date.now()) + 10)
    await Promise.all(Array.from({ length: 5 }, () => refreshCharge(charge.id)))
    expect(await queries(biz)).toHaveLength(2)
  })

  it('polls arriving while a slow query is in flight join it', async () => {
    const charge = await created(h, newBill())
    await h.control.addFault({ endpoint: 'query', mode: 'latency', latencyMs: 150, times: 1 })
    const polls: Promise<unknown>[] = []
    for (let i = 0; i < 10; i++) {
      polls.push(refreshCharge(charge.id))
      await sleep(10)
    }
    await Promise.all(polls)
    expect(await queries(charge.bizOrderNo!)).toHaveLength(1)
  })

  it('a claim held by another process means no query here', async () => {
    const charge = await created(h, newBill())
    const now = Date.now()
    expect(await claimCheck(charge.id, 'other-process', now, now + 5_000)).toBe(true)
    await h.control.pay(charge.bizOrderNo!)

    const seen = await Promise.all(Array.from({ length: 5 }, () => refreshCharge(charge.id)))
    await sleep(INTERVAL_MS + 20)
    seen.push(await refreshCharge(charge.id))
    // This process reads the stored state; the other process owns the check.
    expect(seen.every((c) => c?.status === 'pending')).toBe(true)
    expect(await queries(charge.bizOrderNo!)).toHaveLength(0)
    expect((await row(charge.id)).claim_owner).toBe('other-process')

    // A forced check (a notification, a manager) is not held back by the interval.
    expect((await refreshCharge(charge.id, { force: true }))?.status).toBe('paid')
    expect(await queries(charge.bizOrderNo!)).toHaveLength(1)
  })

  it('once the other process’s claim has run out, this one checks', async () => {
    const charge = await created(h, newBill())
    const now = Date.now()
    await claimCheck(charge.id, 'other-process', now, now + INTERVAL_MS)
    expect(await claimCheck(charge.id, 'third-process', now, now + INTERVAL_MS)).toBe(false)
    await sleep(INTERVAL_MS + 20)
    await refreshCharge(charge.id)
    expect(await queries(charge.bizOrderNo!)).toHaveLength(1)
    expect((await row(charge.id)).claim_owner).not.toBe('other-process')
  })
})
