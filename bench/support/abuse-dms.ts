import { createHmac } from 'node:crypto'
import type { BrowserContext } from '@playwright/test'
import type { SandboxControl } from '@/sandbox/control-client'
import { callAction, discoverActions } from '@/tests/e2e/support/server-actions'
import { ask, inPool } from './abuse-client'
import { check, tally, type ScenarioResult } from './abuse-report'
import { BENCH_NOTIFY_SECRET } from '@/tests/support/app-server'
import { sleep } from '@/tests/support/wait'
import { cancelOnChargeScreen } from '@/tests/e2e/support/cancel-charge'

/*
 * A bad day at DMS: a close it refuses again and again, and a notification replayed a thousand
 * times. What must not happen: a row per refusal in the timeline, a close per check for ever, a
 * DMS query per notification.
 */

export interface DmsTarget {
  base: string
  sandbox: SandboxControl
  intervalMs: number
  /** The cashier's browser (a page of it keeps a charge screen open, as at the desk). */
  cashier: BrowserContext
  closeEvents(chargeId: string): { repeat_count: number }[]
  notificationRows(notifyId: string): number
}

const queriesOf = async (sandbox: SandboxControl, bizOrderNo: string, since: number) =>
  (await sandbox.requests({ since, path: '/dms/cash-out/query' })).filter(
    (r) => r.params.biz_order_no === bizOrderNo,
  ).length

export async function refusedCloses(
  t: DmsTarget,
  chargeId: string,
  bizOrderNo: string,
  total: number,
  watchSec: number,
): Promise<ScenarioResult> {
  const closes = async () =>
    (await t.sandbox.requests({ path: '/dms/cash-out/close' })).filter(
      (r) => r.params.biz_order_no === bizOrderNo,
    ).length
  await t.sandbox.addFault({ endpoint: 'close', mode: 'errcode', errCode: 1500 })
  try {
    // The cashier cancels and leaves the screen open: it asks every second, for `watchSec`.
    const page = await t.cashier.newPage()
    await page.goto(`/charge/${chargeId}`)
    await cancelOnChargeScreen(page)
    await sleep(watchSec * 1000)
    const byTheServer = await closes()
    await page.close()
    // Then someone presses cancel again and again (the action posted directly), up to `total`.
    const path = `/charge/${chargeId}`
    const id = (await discoverActions(t.cashier.request, path)).get('cancelChargeAction')!
    const more = Math.max(total - byTheServer, 0)
    const answers = await inPool(
      more,
      4,
      async () => (await callAction(t.cashier.request, path, id, { charge_id: chargeId })).outcome,
    )
    const refused = await closes()
    const events = t.closeEvents(chargeId)
    const checksAt = Math.floor((watchSec * 1000) / t.intervalMs)
    const bound = Math.ceil(Math.log2((watchSec * 1000) / t.intervalMs)) + 1
    return {
      name: `a close DMS refused ${refused} times`,
      figures: [
        `while the screen watched for ${watchSec} s (≈ ${checksAt} checks): ${byTheServer} closes sent by the server (back-off bound ${bound})`,
        `then ${more} cancels pressed: ${JSON.stringify(tally(answers))}`,
        `timeline: ${events.length} close-failed row(s), counting ${events.map((e) => e.repeat_count).join(', ')}`,
      ],
      checks: [
        check('the server retried, and backed off', byTheServer >= 2 && byTheServer <= bound),
        check(`DMS refused ≥ ${total} closes`, refused >= total),
        check(
          'events ≤ 1 row, counting every refusal',
          events.length === 1 && events[0]!.repeat_count === refused,
        ),
      ],
    }
  } finally {
    await t.sandbox.clearFaults()
  }
}

function signed(fields: Record<string, string>) {
  const body = new URLSearchParams(fields).toString()
  const signature = createHmac('sha256', BENCH_NOTIFY_SECRET).update(body).digest('hex')
  return { body, signature }
}

export async function replayedNotifications(
  t: DmsTarget,
  bizOrderNo: string,
  count: number,
): Promise<ScenarioResult> {
  const order = await t.sandbox.order(bizOrderNo)
  const fields = (notifyId: string) => ({
    bizOrderNo,
    orderNo: order.orderNo,
    bz_order: order.bzOrder,
    amount: String(order.amount),
    orderStatus: '1',
    payDatetime: '',
    notifyId,
    notifyTime: '2026-11-25 10:00:01',
  })
  const post = (n: { body: string; signature: string }) =>
    ask(`${t.base}/api/dms/notify`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-dms-signature': n.signature,
      },
      body: n.body,
    })
  const run = async (make: (i: number) => { body: string; signature: string }) => {
    await sleep(t.intervalMs * 2) // start from a quiet charge
    const since = (await t.sandbox.requests()).at(-1)?.seq ?? 0
    const started = Date.now()
    const answers = await inPool(count, 8, (i) => post(make(i)))
    await sleep(t.intervalMs * 1.5) // a hint may wait out the interval
    const windowMs = Date.now() - started
    return {
      answers: tally(answers.map((a) => a.text)),
      queries: await queriesOf(t.sandbox, bizOrderNo, since),
      intervals: Math.ceil(windowMs / t.intervalMs),
      windowMs,
    }
  }
  const replay = signed(fields(`replayed-${bizOrderNo}`))
  const same = await run(() => replay)
  const distinct = await run((i) => signed(fields(`distinct-${bizOrderNo}-${i}`)))
  const rows = t.notificationRows(`replayed-${bizOrderNo}`)
  return {
    name: `${count} replays of one notification, then ${count} distinct ones, for one charge`,
    figures: [
      `replays: answers ${JSON.stringify(same.answers)}; DMS queries ${same.queries} in ${(same.windowMs / 1000).toFixed(1)} s (${same.intervals} intervals); stored once: ${rows} row`,
      `distinct: answers ${JSON.stringify(distinct.answers)}; DMS queries ${distinct.queries} in ${(distinct.windowMs / 1000).toFixed(1)} s (${distinct.intervals} intervals)`,
    ],
    checks: [
      check(`all ${count} replays answered success`, same.answers.success === count),
      check(
        'the first was acted on (≥ 1 query), the replays bought none: ≤ 1 per interval',
        same.queries >= 1 && same.queries <= same.intervals,
      ),
      check('the notification id is kept once', rows === 1),
      check(
        `distinct notifications: ≥ 1 query, ≤ 1 per interval`,
        distinct.answers.success === count &&
          distinct.queries >= 1 &&
          distinct.queries <= distinct.intervals,
      ),
    ],
  }
}
