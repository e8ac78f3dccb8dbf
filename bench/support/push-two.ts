import type { Browser } from '@playwright/test'
import { sandboxControl } from '@/sandbox/control-client'
import { startAppServer, type RunningServer } from '@/tests/support/app-server'
import { signedInContext } from './browser'
import type { LowerBounds } from './lower-bounds'
import { createTempDatabase } from './pg-database'
import { appServerPid } from './proc'
import { Crowd } from './push-crowd'
import { chargeIs, chargeStreamUrl, newCharge, type Shop } from './push-shop'
import { signInWithFetch } from './session'
import { fmt, percentile, verdict } from './stats'
import { sleep } from '@/tests/support/wait'

/*
 * Part 5 of bench/push.ts: two app processes on one PostgreSQL database (a fresh one, dropped at
 * the end), one sandbox, which notifies A. A charge is created and paid through A; screens are
 * subscribed on both, and the time to paid is taken on each: B hears it over LISTEN/NOTIFY
 * (lib/feed/pg-feed.ts) — or, now and then, by its own DMS query when the interval's claim is B's.
 * Then one charge watched on both for a window: DMS queries for it stay at one per interval.
 */

const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const TOKEN = 'bench-push-two-token'
const INTERVAL_MS = 2_000
const CHANGES = Number(process.env.PUSH_TWO_CHANGES ?? 20)
const PER_SIDE = 5
const WINDOW_MS = 20_000
const QUERY = '/dms/cash-out/query'
const P95_TARGET_MS = 300

export interface TwoResult {
  errors: number
}

export async function twoProcesses(browser: Browser, bounds: LowerBounds): Promise<TwoResult> {
  const db = await createTempDatabase(PG_ADMIN, 'cashier_push')
  const servers: RunningServer[] = []
  let errors = 0
  try {
    const env = {
      DATABASE_URL: db.url,
      DMS_QUERY_INTERVAL_MS: String(INTERVAL_MS),
      SWEEP_INTERVAL_MS: '600000',
    }
    const a = await startAppServer({ name: 'bench-push-a', env: { ...env, SANDBOX_TOKEN: TOKEN } })
    servers.push(a)
    const b = await startAppServer({
      name: 'bench-push-b',
      keepData: true,
      seed: false,
      dms: { baseUrl: a.sandboxUrl, token: TOKEN },
      env,
    })
    servers.push(b)
    const sandbox = sandboxControl(a.sandboxUrl)
    await sandbox.settings({ payerDailyLimit: 1_000_000 })
    await sandbox.setNotify({ drop: false, duplicate: false, delayMs: 0, reorder: false })
    const [cookieA, cookieB] = await Promise.all([
      signInWithFetch(a.baseUrl),
      signInWithFetch(b.baseUrl),
    ])
    const desk = await (await signedInContext(browser, a.baseUrl)).newPage()
    const shopA: Shop = {
      baseUrl: a.baseUrl,
      sandbox,
      desk,
      cookie: cookieA,
      device: '',
      pid: appServerPid(a.pgid) ?? -1,
    }
    console.log(`5. two processes on PostgreSQL (database ${db.name}), the sandbox notifies A`)
    const stamp = Date.now().toString(36).toUpperCase()
    const onA: number[] = []
    const onB: number[] = []
    let missed = 0
    // i = -1: the warm-up, each route's first request on each process (not counted).
    for (let i = -1; i < CHANGES; i++) {
      const c = await newCharge(shopA, `TWO-${stamp}-${i < 0 ? 'WARM' : i}`)
      const [screensA, screensB] = [new Crowd(), new Crowd()]
      await screensA.open(chargeStreamUrl(a.baseUrl, c.id), cookieA, PER_SIDE)
      await screensB.open(chargeStreamUrl(b.baseUrl, c.id), cookieB, PER_SIDE)
      for (const s of [screensA, screensB]) s.expect(chargeIs('paid'))
      const t0 = performance.now()
      await sandbox.pay(c.bizOrderNo)
      const [ra, rb] = await Promise.all([
        screensA.arrival(t0, 10_000),
        screensB.arrival(t0, 10_000),
      ])
      if (i < 0) {
        const ms = (l: number[]) => l.map((x) => fmt(x, 0)).join(', ')
        console.log(
          `  warm-up change, not counted: on A ${ms(ra.latenciesMs)} ms; on B ${ms(rb.latenciesMs)} ms`,
        )
      } else {
        onA.push(...ra.latenciesMs)
        onB.push(...rb.latenciesMs)
        missed += ra.missed + rb.missed
      }
      for (const s of [screensA, screensB]) {
        errors += s.totals().errors + s.refusals.length
        s.close()
      }
    }
    const p95B = percentile(onB, 95)
    console.log(
      `  paid through A (notification) → paid on ${PER_SIDE} streams on each, ${CHANGES} changes`,
    )
    console.log(
      `  on B: p50 ${fmt(percentile(onB, 50), 0)} ms, p95 ${fmt(p95B, 0)} ms, max ${fmt(Math.max(...onB), 0)} ms (target p95 ≤ ${P95_TARGET_MS} ms: ${verdict(p95B <= P95_TARGET_MS)}); on A: p50 ${fmt(percentile(onA, 50), 0)} ms, p95 ${fmt(percentile(onA, 95), 0)} ms`,
    )
    bounds.exactly('two processes: B streams that saw paid', onB.length, CHANGES * PER_SIDE)
    bounds.exactly('two processes: A streams that saw paid', onA.length, CHANGES * PER_SIDE)
    bounds.exactly('two processes: streams that missed a change', missed, 0)

    const w = await newCharge(shopA, `TWO-${stamp}-W`)
    const since = (await sandbox.requests({ path: QUERY })).at(-1)?.seq ?? 0
    const watchers = [new Crowd(), new Crowd()]
    await watchers[0]!.open(chargeStreamUrl(a.baseUrl, w.id), cookieA, 2 * PER_SIDE)
    await watchers[1]!.open(chargeStreamUrl(b.baseUrl, w.id), cookieB, 2 * PER_SIDE)
    await sleep(WINDOW_MS)
    const queries = (await sandbox.requests({ since, path: QUERY })).filter(
      (r) => r.params.biz_order_no === w.bizOrderNo,
    ).length
    for (const s of watchers) {
      errors += s.totals().errors + s.refusals.length
      s.close()
    }
    const limit = WINDOW_MS / INTERVAL_MS + 1
    console.log(`  stream errors on A and B: ${errors} (target 0: ${verdict(errors === 0)})`)
    if (queries > limit) errors++
    bounds.atLeast(
      'two processes: DMS queries the watchers drove (half of window/interval)',
      queries,
      WINDOW_MS / INTERVAL_MS / 2,
    )
    console.log(
      `  one open charge, ${2 * PER_SIDE} streams on A and ${2 * PER_SIDE} on B for ${WINDOW_MS / 1000} s: ${queries} DMS queries for it (at most ${limit} = window/interval + 1: ${verdict(queries <= limit)})`,
    )
    await desk.context().close()
  } finally {
    for (const s of servers.reverse()) await s.stop({ removeData: errors === 0 })
    await db.drop()
  }
  return { errors }
}
