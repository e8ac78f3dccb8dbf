import { cancelCharge } from '@/lib/charges/cancel'
import { beijingDay } from '@/lib/charges/beijing-day'
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

/*
 * The demo's first charges (`npm run seed -- --history`, which `npm run cashier` runs), so a manager
 * trying the cashier has a list, totals, a handover and a 待处理 to look at. Each is made the way a
 * shop makes one: the demo cashier creates it through the charge service, which asks the DMS sandbox
 * over HTTP; the sandbox's control surface plays the customer (scan, pay, fail); the service learns
 * the outcome by querying, or by closing when the cashier cancels. Ledger, timelines and the
 * sandbox's own orders therefore agree, and a later re-check at DMS finds every attempt.
 */

type Story = 'paid' | 'failed' | 'cancelled' | 'paid-after-cancel'

interface DemoCharge {
  amountFen: number
  payWay: PayWay
  story: Story
}

const WX: PayWay = 'SCAN_WEIXIN'
const ALI: PayWay = 'SCAN_ALIPAY'

/** One entry per bill, its attempts in order: the failed WeChat payment is paid again by Alipay. */
const BILLS: DemoCharge[][] = [
  [{ amountFen: 38_600, payWay: WX, story: 'paid' }],
  [{ amountFen: 12_850, payWay: ALI, story: 'paid' }],
  [
    { amountFen: 4_500, payWay: WX, story: 'failed' },
    { amountFen: 4_500, payWay: ALI, story: 'paid' },
  ],
  [{ amountFen: 128_000, payWay: ALI, story: 'paid' }],
  [{ amountFen: 26_000, payWay: WX, story: 'cancelled' }],
  [{ amountFen: 8_800, payWay: WX, story: 'paid' }],
  [{ amountFen: 56_000, payWay: ALI, story: 'paid-after-cancel' }],
  [{ amountFen: 19_900, payWay: WX, story: 'paid' }],
]

/** What the customer's payment network says when the failed one fails. */
const FAIL_MESSAGE = '用户余额不足'

const EXPECTED: Record<Story, ChargeStatus> = {
  paid: 'paid',
  failed: 'failed',
  cancelled: 'closed',
  'paid-after-cancel': 'paid',
}

export type DemoHistoryResult =
  | { kind: 'added'; charges: Charge[]; stationName: string; cashierName: string }
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
  const bills = await freeBillNumbers(control, BILLS.length)
  // The demo payer's daily allowance at the sandbox stays whole for the person trying the demo.
  const { payerDailyLimit } = await control.settings()
  await control.settings({ payerDailyLimit: payerDailyLimit + BILLS.flat().length })

  const make = async (bzOrder: string, c: DemoCharge) => {
    const input = { bzOrder, amountFen: c.amountFen, payWay: c.payWay, stationId: station.id }
    const result = await createCharge(input, cashier)
    if (result.kind !== 'created' || result.charge.status !== 'pending') {
      throw new Error(`demo history: ${bzOrder} was not created (${result.kind})`)
    }
    return result.charge
  }
  const runs: Promise<Charge[]>[] = []
  for (const [i, attempts] of BILLS.entries()) {
    // Created one after another, so the list shows them in the order of their bill numbers.
    const first = await make(bills[i]!, attempts[0]!)
    runs.push(
      (async () => {
        const done = [await play(control, first, attempts[0]!.story, cashier)]
        for (const next of attempts.slice(1)) {
          done.push(await play(control, await make(bills[i]!, next), next.story, cashier))
        }
        return done
      })(),
    )
  }
  const charges = (await Promise.all(runs)).flat().sort((a, b) => a.createdAt - b.createdAt)
  return { kind: 'added', charges, stationName: station.name, cashierName: user.displayName }
}

/** The customer's side at the sandbox, and the cashier's side through the service. */
async function play(
  control: SandboxControl,
  charge: Charge,
  story: Story,
  cashier: UserActor,
): Promise<Charge> {
  const no = charge.bizOrderNo!
  // A query after each move the customer makes, as the charge screen's polling would ask; `force`
  // waits out the one-query-per-interval claim instead of skipping the query.
  const learn = async () => (await refreshCharge(charge.id, { force: true }))!
  let last = charge
  if (story === 'cancelled') {
    const cancelled = await cancelCharge(charge.id, cashier, 'cancel')
    if (cancelled.kind === 'done') last = cancelled.charge
  } else {
    await control.scan(no)
    last = await learn()
    if (story === 'failed') {
      await control.fail(no, FAIL_MESSAGE)
      last = await learn()
    } else if (story === 'paid') {
      await control.pay(no)
      last = await learn()
    } else {
      // The customer pays just as the cashier cancels: DMS refuses the close, the money arrived.
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

/** Today's bill numbers in the form's style (WX20261125-0007), skipping any the sandbox has seen. */
async function freeBillNumbers(control: SandboxControl, count: number): Promise<string[]> {
  const day = beijingDay(Date.now()).replaceAll('-', '')
  const bills: string[] = []
  for (let n = 1; bills.length < count; n++) {
    const bill = `WX${day}-${String(n).padStart(4, '0')}`
    if ((await control.ordersForBill(bill)).length === 0) bills.push(bill)
  }
  return bills
}
