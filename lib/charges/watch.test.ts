import { expect, it } from 'vitest'
import { chargeTopic, openSubscriptions, subscribe, type FeedSignal } from '@/lib/feed/feed'
import { getCharge } from './repo'
import { claimCheck } from './repo-checks'
import { INTERVAL_MS, describeChargeService } from '@/tests/support/charges/harness'
import { calls, created, newBill, PATHS, waitFor } from '@/tests/support/charges/helpers'
import { sleep } from '@/tests/support/wait'
import { watchCharge, watchedCharges } from './watch'

/* The change feed as the charge service drives it: what is published, in which order, and what a watch costs DMS. */

describeChargeService('charge service: change feed', { notify: true }, (h) => {
  it('publishes every visible change with the id and a rising version, never data', async () => {
    const heard: FeedSignal[] = []
    const bill = newBill()
    // Subscribed per station: the charge's id is not known before it exists.
    const charge = await created(h, bill)
    const off = subscribe(chargeTopic(charge.id), (s) => heard.push(s))
    await h.control.pay(charge.bizOrderNo!)
    await waitFor(async () => (await getCharge(charge.id))?.status === 'paid', 3000, 'paid')
    // On PostgreSQL the signal travels through LISTEN after the commit: wait for the stored
    // version to be heard rather than stop listening the moment the row says paid.
    const paidVersion = (await getCharge(charge.id))!.version
    await waitFor(
      async () => heard.some((s) => s.kind === 'charge' && s.version === paidVersion),
      3000,
      'the paid version published',
    )
    off()
    expect(heard.length).toBeGreaterThanOrEqual(1)
    for (const s of heard) {
      expect(Object.keys(s).sort()).toEqual(['id', 'kind', 'stationId', 'version'])
    }
    const versions = heard.map((s) => (s.kind === 'charge' ? s.version : -1))
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(new Set(versions).size).toBe(versions.length)
    const stored = await getCharge(charge.id)
    expect(versions.at(-1)).toBe(stored!.version)
    expect(stored!.version).toBeGreaterThan(charge.version)
  })

  it('one watcher per charge, however many screens: at most one DMS query per interval', async () => {
    await h.control.setNotify({ drop: true })
    const charge = await created(h, newBill())
    const before = openSubscriptions()
    const releases = Array.from({ length: 50 }, () => watchCharge(charge.id))
    expect(watchedCharges()).toBe(1)
    const windowMs = INTERVAL_MS * 5
    await sleep(windowMs)
    const queries = (await calls(h, PATHS.query, { bizOrderNo: charge.bizOrderNo! })).length
    expect(queries).toBeGreaterThanOrEqual(2)
    expect(queries).toBeLessThanOrEqual(windowMs / INTERVAL_MS + 1)
    // No notification: the watcher alone finds the payment.
    await h.control.pay(charge.bizOrderNo!)
    await waitFor(async () => (await getCharge(charge.id))?.status === 'paid', 3000, 'paid')
    for (const r of releases) r()
    expect(watchedCharges()).toBe(0)
    expect(openSubscriptions()).toBe(before)
  })

  it('a notification is acted on at once, even inside an interval another process claimed', async () => {
    const charge = await created(h, newBill())
    const now = Date.now()
    expect(await claimCheck(charge.id, 'other-process', now, now + 10_000)).toBe(true)
    await h.control.pay(charge.bizOrderNo!)
    await waitFor(async () => (await getCharge(charge.id))?.status === 'paid', 2_000, 'paid')
    expect(Date.now()).toBeLessThan(now + 10_000)
    expect(await calls(h, PATHS.query, { bizOrderNo: charge.bizOrderNo! })).toHaveLength(1)
  })
})
