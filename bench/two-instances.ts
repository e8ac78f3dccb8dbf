/*
 * Two app processes on one PostgreSQL database (a fresh one, dropped at the end), one DMS sandbox:
 *  - a charge created on A is followed on B (B's status route reports paid after DMS says so, with
 *    notifications dropped and no screen on A: B learns it by its own query)
 *  - DMS queries for one charge polled by several clients on both instances: at most one per interval
 *  - both sweeps running over unwatched charges: never two queries of one charge within an interval
 * Exits 1 on a violation, and when the scenario fell short: B never showed paid within the interval
 * + 1 s, the polls drove too few queries, or either instance swept too little (each must take at
 * least SWEPT claims: one instance doing all the sweeping fails). BENCH_PG_URL overrides the server (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { sandboxControl } from '@/sandbox/control-client'
import { launchBrowser, signedInContext, submitCharge } from './support/browser'
import { LowerBounds } from './support/lower-bounds'
import { ClaimSampler } from './support/claim-sampler'
import { createTempDatabase } from './support/pg-database'
import { appServerPid } from './support/proc'
import { startAppServer, type RunningServer } from '@/tests/support/app-server'
import { signInWithFetch } from './support/session'
import { fmt, verdict } from './support/stats'
import { getChargeView, pollFor } from './support/status-client'
import { sleep, until } from '@/tests/support/wait'

const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const TOKEN = 'bench-two-instances-token'
const INTERVAL_MS = 2_000
const WINDOW_MS = 20_000
const CLIENTS = 4
const SWEPT = 8
const SWEEP_WINDOW_MS = 20_000
// A query leaves a few ms after its claim; two claims are an interval apart, their queries nearly so.
const TOLERANCE_MS = 100

const QUERY = '/dms/cash-out/query'

export async function run(): Promise<void> {
  const db = await createTempDatabase(PG_ADMIN, 'cashier_two')
  const servers: RunningServer[] = []
  const browser = await launchBrowser()
  let failed = false
  const bounds = new LowerBounds()
  try {
    const env = {
      DATABASE_URL: db.url,
      DMS_QUERY_INTERVAL_MS: String(INTERVAL_MS),
      SWEEP_INTERVAL_MS: '1000',
    }
    const a = await startAppServer({ name: 'bench-two-a', env: { ...env, SANDBOX_TOKEN: TOKEN } })
    servers.push(a)
    const b = await startAppServer({
      name: 'bench-two-b',
      keepData: true,
      seed: false,
      dms: { baseUrl: a.sandboxUrl, token: TOKEN },
      env,
    })
    servers.push(b)
    const pidA = appServerPid(a.pgid)
    const pidB = appServerPid(b.pgid)
    console.log(`database ${db.name}; A = pid ${pidA} (with the sandbox), B = pid ${pidB}`)

    const sandbox = sandboxControl(a.sandboxUrl)
    await sandbox.settings({ payerDailyLimit: 1_000_000 })
    await sandbox.setNotify({ drop: true })
    const page = await (await signedInContext(browser, a.baseUrl)).newPage()
    const [cookieA, cookieB] = await Promise.all([
      signInWithFetch(a.baseUrl),
      signInWithFetch(b.baseUrl),
    ])
    const stamp = Date.now().toString(36).toUpperCase()
    /** Created on A at the front desk, then left: no screen on A watches it. */
    const createOnA = async (bill: string) => {
      const r = await submitCharge(page, bill)
      await page.goto('about:blank')
      if (!r.ok) throw new Error(`create ${bill} on A failed: ${r.reason}`)
      const [order] = await sandbox.waitForOrders(bill)
      return { id: r.id, bizOrderNo: order!.bizOrderNo }
    }

    // 1. Created on A, followed on B.
    const first = await createOnA(`TWO-${stamp}-1`)
    const seenOnB = (await getChargeView(b.baseUrl, cookieB, first.id))?.status
    const t0 = performance.now()
    await sandbox.pay(first.bizOrderNo)
    const paid = await until(
      async () => (await getChargeView(b.baseUrl, cookieB, first.id))?.status === 'paid',
      INTERVAL_MS * 3 + 5_000,
      200,
    )
    const followMs = performance.now() - t0
    bounds.holds('B found the charge created on A', seenOnB !== undefined, seenOnB ?? 'NOT FOUND')
    bounds.atMost(
      'ms from DMS paid to B showing paid (interval + 1 s)',
      paid ? Math.round(followMs) : Infinity,
      INTERVAL_MS + 1_000,
    )
    console.log('charge created on A, followed on B (notifications dropped)')
    console.log(
      `  B saw it as ${seenOnB ?? 'NOT FOUND'}; after DMS paid, B showed paid ${paid ? `in ${fmt(followMs, 0)} ms` : 'NEVER'} (target ≤ ${INTERVAL_MS + 1_000} ms: ${verdict(paid && followMs <= INTERVAL_MS + 1_000)})`,
    )

    // 2. One charge, polled by several clients on both instances.
    const watched = await createOnA(`TWO-${stamp}-2`)
    const since = (await sandbox.requests({ path: QUERY })).at(-1)?.seq ?? 0
    const counts = await Promise.all(
      [a, b].flatMap((s, i) =>
        Array.from({ length: CLIENTS }, () =>
          pollFor(s.baseUrl, i === 0 ? cookieA : cookieB, watched.id, WINDOW_MS, 100),
        ),
      ),
    )
    const queries = (await sandbox.requests({ since, path: QUERY })).filter(
      (r) => r.params.biz_order_no === watched.bizOrderNo,
    ).length
    const limit = WINDOW_MS / INTERVAL_MS + 1
    failed ||= queries > limit
    const pollsA = counts.slice(0, CLIENTS).reduce((s, n) => s + n, 0)
    const pollsB = counts.slice(CLIENTS).reduce((s, n) => s + n, 0)
    // At least one answer a second per client on each instance, and queries nearly every interval:
    // a poll route that stopped asking DMS would otherwise pass as "never too many".
    const leastPolls = CLIENTS * (WINDOW_MS / 1_000)
    bounds.atLeast('polls answered on A', pollsA, leastPolls)
    bounds.atLeast('polls answered on B', pollsB, leastPolls)
    bounds.atLeast(
      'DMS queries the polls drove (half of window/interval)',
      queries,
      WINDOW_MS / INTERVAL_MS / 2,
    )
    console.log(
      `one charge polled by ${CLIENTS} clients on each instance for ${WINDOW_MS / 1000} s`,
    )
    console.log(
      `  polls answered: A ${pollsA}, B ${pollsB}; DMS queries for it: ${queries} (limit ${limit} = window/interval + 1: ${verdict(queries <= limit)})`,
    )

    // 3. Unwatched charges, both sweeps running.
    const swept = []
    for (let i = 0; i < SWEPT; i++) swept.push(await createOnA(`TWO-${stamp}-S${i}`))
    const sweepSince = (await sandbox.requests({ path: QUERY })).at(-1)?.seq ?? 0
    const sampler = await ClaimSampler.start(
      db.url,
      swept.map((s) => s.id),
    )
    await sleep(SWEEP_WINDOW_MS)
    const claims = await sampler.stop()
    const log = await sandbox.requests({ since: sweepSince, path: QUERY })
    let minGap = Infinity
    let close = 0
    let under = 0
    for (const s of swept) {
      const times = log
        .filter((r) => r.params.biz_order_no === s.bizOrderNo)
        .map((r) => Date.parse(r.at))
      for (let i = 1; i < times.length; i++) {
        const gap = times[i]! - times[i - 1]!
        minGap = Math.min(minGap, gap)
        if (gap < INTERVAL_MS) under += 1
        if (gap < INTERVAL_MS - TOLERANCE_MS) close += 1
      }
    }
    failed ||= close > 0
    const [claimsA, claimsB] = [claims.get(pidA ?? -1) ?? 0, claims.get(pidB ?? -1) ?? 0]
    // Every charge is due once an interval: about SWEPT × window / interval checks in all, shared by
    // the two sweeps. Half of that must have reached DMS, and each instance must have taken a share.
    const due = SWEPT * (SWEEP_WINDOW_MS / INTERVAL_MS)
    bounds.atLeast(
      'sweep queries of the unwatched charges (half of those due)',
      log.length,
      due / 2,
    )
    bounds.atLeast('sweep claims taken by A', claimsA, SWEPT)
    bounds.atLeast('sweep claims taken by B', claimsB, SWEPT)
    console.log(
      `${SWEPT} unwatched charges, both sweeps (every 1 s) for ${SWEEP_WINDOW_MS / 1000} s`,
    )
    console.log(
      `  DMS queries: ${log.length}; claims taken: A ${claimsA}, B ${claimsB}; shortest gap between two queries of one charge ${fmt(minGap, 0)} ms (${under} pair(s) under ${INTERVAL_MS} ms by query jitter); pairs closer than the interval (${INTERVAL_MS} ms, ${TOLERANCE_MS} ms slack): ${close} (target 0: ${verdict(close === 0)})`,
    )
    failed = !bounds.print('what must have happened') || failed
    console.log(`two-instances verdict: ${failed ? 'FAIL' : 'PASS'}`)
  } finally {
    await browser.close()
    for (const s of servers.reverse()) await s.stop({ removeData: !failed })
    await db.drop()
  }
  if (failed) process.exitCode = 1
}
