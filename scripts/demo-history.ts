import { cancelCharge } from '@/lib/charges/cancel'
import { beijingDay, beijingDayStart, DAY_MS } from '@/lib/charges/beijing-day'
import { createCharge } from '@/lib/charges/create'
import { refreshCharge } from '@/lib/charges/refresh'
import { ledgerHasCharges } from '@/lib/charges/repo'
import type { ChargeStatus } from '@/lib/charges/status'
import { userActor, type Charge, type UserActor } from '@/lib/charges/types'
import type { PayWay } from '@/lib/dms/types'
import { env } from '@/lib/env'
import { ensureDefaultStation } from '@/lib/stations/default-station'
import { findUserByUsername } from '@/lib/users/repo'
import { sandboxControl, type SandboxControl } from '@/sandbox/control-client'
import { shiftDate } from './shifted-date.mjs'

/*
 * The demo's first charges (`npm run seed -- --history`, which `npm run cashier` runs), so a manager
 * trying the cashier has a list, totals, a handover and a 待处理 to look at. Each is made the way a
 * shop makes one: the demo cashier creates it through the charge service, which asks the DMS sandbox
 * over HTTP; the sandbox's control surface plays the customer (scan, pay, fail); the service learns
 * the outcome by querying, or by closing when the cashier cancels. Ledger, timelines and the
 * sandbox's own orders therefore agree, and a later re-check at DMS finds every attempt.
 *
 * Over the last few days, in shop hours, a few of them today (today's list and the handover have
 * something in them): this process's clock is moved back to each bill's moment while it is made
 * (`demoClock`), the charge service and the sandbox beside it reading the same clock. Nothing in the
 * app can do that: the app has no way to set a charge's time, only this script's own process moves.
 */

type Story = 'paid' | 'failed' | 'cancelled' | 'paid-after-cancel'

interface DemoCharge {
  amountFen: number
  payWay: PayWay
  story: Story
}

const WX: PayWay = 'SCAN_WEIXIN'
const ALI: PayWay = 'SCAN_ALIPAY'

/**
 * One entry per bill, oldest first: the day (days before today) and Beijing time it starts at, its
 * attempts in order (the failed WeChat payment is paid again by Alipay).
 */
const BILLS: { daysAgo: number; at: string; attempts: DemoCharge[] }[] = [
  { daysAgo: 5, at: '10:20', attempts: [{ amountFen: 38_600, payWay: WX, story: 'paid' }] },
  { daysAgo: 4, at: '15:05', attempts: [{ amountFen: 12_850, payWay: ALI, story: 'paid' }] },
  {
    daysAgo: 3,
    at: '11:40',
    attempts: [
      { amountFen: 4_500, payWay: WX, story: 'failed' },
      { amountFen: 4_500, payWay: ALI, story: 'paid' },
    ],
  },
  { daysAgo: 2, at: '16:15', attempts: [{ amountFen: 128_000, payWay: ALI, story: 'paid' }] },
  { daysAgo: 1, at: '10:45', attempts: [{ amountFen: 8_800, payWay: WX, story: 'paid' }] },
  { daysAgo: 0, at: '09:30', attempts: [{ amountFen: 26_000, payWay: WX, story: 'cancelled' }] },
  {
    daysAgo: 0,
    at: '10:50',
    attempts: [{ amountFen: 56_000, payWay: ALI, story: 'paid-after-cancel' }],
  },
  { daysAgo: 0, at: '12:20', attempts: [{ amountFen: 19_900, payWay: WX, story: 'paid' }] },
]

/** How long after it was made (or after the last move) the customer does each thing. */
const STEP_MS = { scan: 15_000, pay: 25_000, fail: 20_000, cancel: 40_000, retry: 30_000 } as const

/** Today's bills end at least this long before now; when shop hours have not got there, this apart. */
const TODAY_GAP_MS = 15 * 60_000

/** What the customer's payment network says when the failed one fails. */
const FAIL_MESSAGE = '用户余额不足'

const EXPECTED: Record<Story, ChargeStatus> = {
  paid: 'paid',
  failed: 'failed',
  cancelled: 'closed',
  'paid-after-cancel': 'paid',
}

export type DemoHistoryResult =
  | { kind: 'added'; charges: Charge[]; stationName: string; cashierName: string; days: number }
  /** The ledger already has charges: nothing is added (a second `npm run cashier`). */
  | { kind: 'exists' }
  /** Not the demo: DMS is not the sandbox this process was given. */
  | { kind: 'refused'; reason: string }

/**
 * Adds the demo's charges at the default station, made by `cashierUsername`, through the sandbox at
 * `sandboxUrl` — only in demo mode (DMS_SANDBOX=1, DMS being that sandbox) and only to an empty ledger.
 */
export async function addDemoHistory(opts: {
  sandboxUrl: string
  cashierUsername: string
}): Promise<DemoHistoryResult> {
  const e = env()
  if (!e.sandbox) return { kind: 'refused', reason: 'DMS_SANDBOX is not 1' }
  if (e.dms.baseUrl !== opts.sandboxUrl.replace(/\/+$/, '')) {
    return { kind: 'refused', reason: `DMS is ${e.dms.baseUrl}, not the sandbox` }
  }
  if (await ledgerHasCharges()) return { kind: 'exists' }
  const user = await findUserByUsername(opts.cashierUsername)
  if (!user) throw new Error(`demo history: no user "${opts.cashierUsername}"`)
  const cashier = userActor(user)
  const station = await ensureDefaultStation()
  const control = sandboxControl(opts.sandboxUrl)
  // The demo payer's daily allowance at the sandbox stays whole for the person trying the demo.
  const { payerDailyLimit } = await control.settings()
  await control.settings({
    payerDailyLimit: payerDailyLimit + BILLS.flatMap((b) => b.attempts).length,
  })

  const starts = billStarts(Date.now())
  const bills = await freeBillNumbers(control, starts)
  const make = async (bzOrder: string, c: DemoCharge) => {
    const input = { bzOrder, amountFen: c.amountFen, payWay: c.payWay, stationId: station.id }
    const result = await createCharge(input, cashier)
    if (result.kind !== 'created' || result.charge.status !== 'pending') {
      throw new Error(`demo history: ${bzOrder} was not created (${result.kind})`)
    }
    return result.charge
  }
  const clock = demoClock(starts[0]!)
  const charges: Charge[] = []
  try {
    // One after another, each at its own moment: the clock only ever moves forward.
    for (const [i, bill] of BILLS.entries()) {
      clock.moveTo(starts[i]!)
      for (const [n, attempt] of bill.attempts.entries()) {
        if (n > 0) clock.advance(STEP_MS.retry)
        charges.push(
          await play(control, clock, await make(bills[i]!, attempt), attempt.story, cashier),
        )
      }
    }
  } finally {
    clock.restore()
  }
  const days = new Set(charges.map((c) => beijingDay(c.createdAt))).size
  return { kind: 'added', charges, stationName: station.name, cashierName: user.displayName, days }
}

/**
 * When each bill starts: its day and shop-hours time in Beijing. Today's, if the day has not yet
 * reached them (a demo started in the morning), move to the time before now, TODAY_GAP_MS apart
 * (closer just after midnight): never in the future, and still today.
 */
export function billStarts(now: number): number[] {
  const today = beijingDayStart(now)
  const planned = BILLS.map((b) => {
    const [h, m] = b.at.split(':').map(Number)
    return today - b.daysAgo * DAY_MS + (h! * 60 + m!) * 60_000
  })
  const todays = BILLS.flatMap((b, i) => (b.daysAgo === 0 ? [i] : []))
  if (todays.every((i) => planned[i]! <= now - TODAY_GAP_MS)) return planned
  const gap = Math.min(TODAY_GAP_MS, (now - today) / (todays.length + 1))
  todays.forEach((i, k) => (planned[i] = Math.round(now - (todays.length - k) * gap)))
  return planned
}

type DemoClock = ReturnType<typeof demoClock>

/**
 * This process's clock (Date), set to `start` and from there only forward: to each bill's moment,
 * and by the customer's steps within one. Never past the real time, and never back, so every
 * timeline and every check's claim reads in order. `restore` gives the process its real clock.
 */
function demoClock(start: number) {
  const real = Date.now.bind(Date)
  let offset = Math.min(start - real(), 0)
  const restore = shiftDate(() => offset)
  const moveTo = (at: number) => {
    if (at > Date.now()) offset = Math.min(at - real(), 0)
  }
  return { moveTo, advance: (ms: number) => moveTo(Date.now() + ms), restore }
}

/** The customer's side at the sandbox, and the cashier's side through the service, at a customer's pace. */
async function play(
  control: SandboxControl,
  clock: DemoClock,
  charge: Charge,
  story: Story,
  cashier: UserActor,
): Promise<Charge> {
  const no = charge.bizOrderNo!
  // A query after each move the customer makes, as the charge screen's polling would ask; `force`
  // waits out the one-query-per-interval claim (the clock's steps have mostly done so already).
  const learn = async () => (await refreshCharge(charge.id, { force: true }))!
  let last = charge
  if (story === 'cancelled') {
    clock.advance(STEP_MS.cancel)
    const cancelled = await cancelCharge(charge.id, cashier, 'cancel')
    if (cancelled.kind === 'done') last = cancelled.charge
  } else {
    clock.advance(STEP_MS.scan)
    await control.scan(no)
    last = await learn()
    if (story === 'failed') {
      clock.advance(STEP_MS.fail)
      await control.fail(no, FAIL_MESSAGE)
      last = await learn()
    } else if (story === 'paid') {
      clock.advance(STEP_MS.pay)
      await control.pay(no)
      last = await learn()
    } else {
      // The customer pays just as the cashier cancels: DMS refuses the close, the money arrived.
      clock.advance(STEP_MS.pay)
      await control.pay(no)
      const cancelled = await cancelCharge(charge.id, cashier, 'cancel')
      if (cancelled.kind === 'done') last = cancelled.charge
    }
  }
  const paidAfterCancel = story === 'paid-after-cancel'
  if (last.status !== EXPECTED[story] || last.paidAfterCancel !== paidAfterCancel) {
    throw new Error(`demo history: ${charge.bzOrder} ended ${last.status}, not ${EXPECTED[story]}`)
  }
  return last
}

/**
 * Each bill's number in the form's style, of the day it starts on (WX20261125-0001, -0002 the same
 * day), skipping any the sandbox has seen.
 */
async function freeBillNumbers(control: SandboxControl, starts: number[]): Promise<string[]> {
  const bills: string[] = []
  const next = new Map<string, number>()
  for (const at of starts) {
    const day = beijingDay(at).replaceAll('-', '')
    for (let n = next.get(day) ?? 1; ; n++) {
      const bill = `WX${day}-${String(n).padStart(4, '0')}`
      if ((await control.ordersForBill(bill)).length > 0) continue
      bills.push(bill)
      next.set(day, n + 1)
      break
    }
  }
  return bills
}
