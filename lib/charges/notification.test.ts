import { afterEach, expect, it, vi } from 'vitest'
import { receiveNotification } from './notification'
import { getCharge } from './repo'
import { INTERVAL_MS, describeChargeService } from '@/tests/support/charges/harness'
import {
  calls,
  created,
  eventTypes,
  newBill,
  PATHS,
  row,
  signedNotification,
  waitFor,
} from '@/tests/support/charges/helpers'
import { sleep } from '@/tests/support/wait'

// The sandbox POSTs its notifications to a stand-in for the cashier's notify route.
describeChargeService('charge service: DMS notifications', { notify: true }, (h) => {
  const statusOf = async (id: string) => (await getCharge(id))?.status

  afterEach(() => {
    vi.useRealTimers()
  })

  it('refuses a bad signature and changes nothing', async () => {
    await h.control.setNotify({ drop: true })
    const charge = await created(h, newBill())
    const paid = await h.control.pay(charge.bizOrderNo!)
    const fields = paid.lastNotify!
    const before = await eventTypes(charge.id)

    const forged = signedNotification(fields, 'not-the-shared-secret-at-all')
    expect(await receiveNotification(forged.raw, forged.sig)).toBe('bad-signature')
    const genuine = signedNotification(fields)
    const tampered = genuine.raw.replace('amount=12850', 'amount=1')
    expect(tampered).not.toBe(genuine.raw)
    expect(await receiveNotification(tampered, genuine.sig)).toBe('bad-signature')
    expect(await receiveNotification(genuine.raw, null)).toBe('bad-signature')
    expect(await receiveNotification(genuine.raw, 'zz')).toBe('bad-signature')

    await sleep(50)
    expect(await statusOf(charge.id)).toBe('pending')
    expect(await eventTypes(charge.id)).toEqual(before)
    expect(await calls(h, PATHS.query)).toHaveLength(0)
  })

  it('a valid notification of a payment makes the charge paid soon after, by a query', async () => {
    const charge = await created(h, newBill())
    await h.control.pay(charge.bizOrderNo!)
    await waitFor(async () => (await statusOf(charge.id)) === 'paid', 3000, 'paid')
    expect(h.notified.map((n) => n.outcome)).toEqual(['accepted'])
    const sent = await h.control.notifications()
    expect(sent).toMatchObject([{ outcome: 'sent', httpStatus: 200, response: 'success' }])
    expect(await calls(h, PATHS.query, { bizOrderNo: charge.bizOrderNo! })).toHaveLength(1)
    expect(await eventTypes(charge.id)).toEqual(['created', 'qr-issued', 'paid'])
  })

  it('duplicates and resends add no events beyond the one paid, and no query', async () => {
    await h.control.setNotify({ duplicate: true })
    const charge = await created(h, newBill())
    await h.control.pay(charge.bizOrderNo!)
    await waitFor(async () => h.notified.length === 2, 3000, 'two notifications')
    await h.control.renotify(charge.bizOrderNo!)
    await waitFor(async () => h.notified.length === 3, 3000, 'the resend')
    await sleep(100) // let the refreshes the notifications started finish
    // The copy and the resend carry the first one's notifyId: recognised, and nothing more done.
    expect(h.notified.map((n) => n.outcome)).toEqual(['accepted', 'duplicate', 'duplicate'])
    expect(await calls(h, PATHS.query, { bizOrderNo: charge.bizOrderNo! })).toHaveLength(1)
    expect(await statusOf(charge.id)).toBe('paid')
    const types = await eventTypes(charge.id)
    expect(types.filter((t) => t === 'paid')).toHaveLength(1)
    expect(types).toEqual(['created', 'qr-issued', 'paid'])
  })

  it('a signed notification DMS’s query contradicts changes nothing (it is only a hint)', async () => {
    await h.control.setNotify({ drop: true })
    const charge = await created(h, newBill())
    const order = await h.control.order(charge.bizOrderNo!)
    const { raw, sig } = signedNotification({
      bizOrderNo: order.bizOrderNo,
      orderNo: order.orderNo,
      bz_order: order.bzOrder,
      amount: String(order.amount),
      orderStatus: '4',
      payDatetime: '2026-11-25 10:00:00',
      notifyId: 'n-1',
      notifyTime: '2026-11-25 10:00:01',
    })
    expect(await receiveNotification(raw, sig)).toBe('accepted')
    await waitFor(async () => (await calls(h, PATHS.query)).length === 1, 3000, 'the query')
    await sleep(50)
    expect(await statusOf(charge.id)).toBe('pending')
    expect(await eventTypes(charge.id)).toEqual(['created', 'qr-issued'])
  })

  it('a notification replayed 200 times queries DMS once; new ones at most once per interval', async () => {
    await h.control.setNotify({ drop: true })
    const charge = await created(h, newBill())
    const order = await h.control.order(charge.bizOrderNo!)
    const queries = () => calls(h, PATHS.query, { bizOrderNo: charge.bizOrderNo! })
    const fields = {
      bizOrderNo: order.bizOrderNo,
      orderNo: order.orderNo,
      bz_order: order.bzOrder,
      amount: String(order.amount),
      orderStatus: '1',
      payDatetime: '',
      notifyTime: '2026-11-25 10:00:01',
    }
    // The wall clock stands still (timers, sockets and the database run as usual; the sandbox's
    // request log reads the same clock): "within the interval" is a fact of the test, not of how
    // fast a loaded machine gets through 260 notifications. The clock moves only where it says so.
    vi.useFakeTimers({ toFake: ['Date'] })
    const started = Date.now()
    vi.setSystemTime(started)

    const replay = signedNotification({ ...fields, notifyId: 'replayed-1' })
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () => receiveNotification(replay.raw, replay.sig)),
    )
    expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(1)
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(199)
    // The one accepted notification asks at once, and opens an interval.
    await waitFor(async () => (await queries()).length === 1, 5_000, 'the first query')
    const until = Number((await row(charge.id)).claim_until)
    expect(until).toBe(started + INTERVAL_MS)

    // 60 distinct notifications within that interval: each is a hint, and the hints wait for the
    // interval instead of each buying a query.
    for (let i = 0; i < 60; i++) {
      const n = signedNotification({ ...fields, notifyId: `distinct-${i}` })
      expect(await receiveNotification(n.raw, n.sig)).toBe('accepted')
    }
    await sleep(INTERVAL_MS * 3)
    expect(await queries()).toHaveLength(1)
    vi.setSystemTime(until - 1)
    await sleep(INTERVAL_MS)
    expect(await queries()).toHaveLength(1)
    // The interval is over: the waiting hints buy one query between them, not dropped, not 60.
    vi.setSystemTime(until)
    await waitFor(async () => (await queries()).length === 2, 5_000, 'the hints’ query')
    vi.setSystemTime(until + INTERVAL_MS * 3)
    await sleep(INTERVAL_MS * 3)
    const asked = await queries()
    expect(asked).toHaveLength(2)
    // DMS's own log, on the same clock: no two queries closer than the interval.
    const at = asked.map((q) => Date.parse(q.at)).sort((a, b) => a - b)
    expect(at).toEqual([started, until])
  })

  it('an order the cashier does not know, or a body without one, is acknowledged and ignored', async () => {
    const unknown = signedNotification({ bizOrderNo: '2026112599999999', orderStatus: '4' })
    expect(await receiveNotification(unknown.raw, unknown.sig)).toBe('unknown-order')
    const junk = signedNotification({ hello: 'world' })
    expect(await receiveNotification(junk.raw, junk.sig)).toBe('malformed')
    expect(await calls(h, PATHS.query)).toHaveLength(0)
  })
})
