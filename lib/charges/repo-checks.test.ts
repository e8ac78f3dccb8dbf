import { afterEach, expect, it, vi } from 'vitest'
import { refreshCharge } from './refresh'
import { claimCheck } from './repo-checks'
import { INTERVAL_MS, describeChargeService } from '@/tests/support/charges/harness'
import { calls, created, newBill, PATHS, row, waitFor } from '@/tests/support/charges/helpers'
import { sleep } from '@/tests/support/wait'

describeChargeService('charge service: one DMS query per charge per interval', (h) => {
  const queries = (bizOrderNo: string) => calls(h, PATHS.query, { bizOrderNo })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('20 concurrent polls make one query; polls within the interval make none', async () => {
    const charge = await created(h, newBill())
    const biz = charge.bizOrderNo!
    await h.control.scan(biz)
    // The wall clock stands still (timers and sockets run as usual), so "within the interval" is a
    // fact of the test, not of how fast the machine gets five polls done.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now())

    const results = await Promise.all(Array.from({ length: 20 }, () => refreshCharge(charge.id)))
    expect(new Set(results.map((c) => c?.status))).toEqual(new Set(['paying']))
    expect(await queries(biz)).toHaveLength(1)

    const until = Number((await row(charge.id)).claim_until)
    expect(until).toBe(Date.now() + INTERVAL_MS)
    for (let i = 0; i < 5; i++) expect((await refreshCharge(charge.id))?.status).toBe('paying')
    expect(await queries(biz)).toHaveLength(1)

    vi.setSystemTime(until - 1)
    await refreshCharge(charge.id)
    expect(await queries(biz)).toHaveLength(1)
    vi.setSystemTime(until)
    await Promise.all(Array.from({ length: 5 }, () => refreshCharge(charge.id)))
    expect(await queries(biz)).toHaveLength(2)
  })

  it('polls arriving while a query is in flight join it', async () => {
    const charge = await created(h, newBill())
    const biz = charge.bizOrderNo!
    // The query never gets an answer: it is in flight until the client's own timeout.
    await h.control.addFault({ endpoint: 'query', mode: 'hang', times: 1 })
    const first = refreshCharge(charge.id)
    let settled = false
    void first.finally(() => (settled = true))
    await waitFor(async () => (await queries(biz)).length === 1, 5_000, 'the query to reach DMS')
    // Ordering, not speed: these polls are made after DMS received the query and before it ended.
    expect(settled).toBe(false)
    const later = Array.from({ length: 9 }, () => refreshCharge(charge.id))
    expect(later.every((p) => p === first)).toBe(true)
    await Promise.all([first, ...later])
    expect(await queries(biz)).toHaveLength(1)
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

    // A forced check (a notification, a manager) is not dropped, but waits for the other
    // process's claim to run out before it asks: never sooner than the interval allows.
    const forced = refreshCharge(charge.id, { force: true })
    expect(await queries(charge.bizOrderNo!)).toHaveLength(0)
    expect((await forced)?.status).toBe('paid')
    expect(await queries(charge.bizOrderNo!)).toHaveLength(1)
    expect(Date.now()).toBeGreaterThanOrEqual(now + 5_000)
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
