/*
 * Load on the routes screens poll, on the production build served by the standard server (`next
 * start`), with a year of past charges (100k) on the station: the staff status route (an open
 * charge, a cashier session) and the tablet's display route (a paired device). Screens now
 * subscribe (lib/feed) and poll only as their 2 s fallback, or when a client polls by itself: this
 * measures those polls. The custom server these routes had before (scripts/serve.ts, removed) is
 * printed beside the figures from its last run (CUSTOM_SERVER), so the trade stays visible.
 *  1. Screens at their own pace: 200 and 500, half cashier screens and half tablets, each asking
 *     once every 2 s as the fallback poll does, from random starting moments. Target: p99 ≤ 25 ms
 *     at 200, 0 errors.
 *  2. Saturation: 200 and 500 connections asking as fast as answers come (autocannon), against a
 *     bare node:http server returning the same JSON bytes in the same run. Target: throughput ≥ 0.5×
 *     the bare server, p99 ≤ 25 ms at 200, 0 errors; the CPU each answer costs, app and bare; and,
 *     for the status route, the floor: the bare server after the same two SQLite lookups.
 *  3. A soak: 500 screens at the fallback poll's pace for LOAD_SOAK_SEC, RSS sampled throughout (on
 *     the custom server it was 200 connections as fast as they could: on `next start` that is the
 *     saturation of part 2 held for minutes, whose queue times out, not a shop's day).
 *     Target: 0 errors; RSS flat (the end within 15 % of the start).
 * Errors fail the run, and so does a part that did not happen: fewer answered polls than 80 % of
 * the screens' pace (in parts 1 and 3), a saturation run with fewer answers than connections. LOAD_SECONDS per run (default 10), LOAD_SOAK_SEC (default 300; CI 30),
 * LOAD_HISTORY (past charges, default 100000), LOAD_FLOOR=0 (no floor; CI).
 */
import { availableParallelism, loadavg } from 'node:os'
import autocannon from 'autocannon'
import BetterSqlite3 from 'better-sqlite3'
import { launchBrowser, setCashierTimeout, signedInContext, submitCharge } from './support/browser'
import { startBareServer } from './support/bare-server'
import { pairDisplay } from './support/display-pairing'
import { pacedPollers } from './support/paced-pollers'
import { appServerPid, cpuMs, rssMiB } from './support/proc'
import { startAppServer } from '@/tests/support/app-server'
import { freePort } from '@/tests/support/ports'
import { signInWithFetch } from './support/session'
import { seedStationHistory } from './support/station-history'
import { fmt, percentile, verdict } from './support/stats'

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10)
const SOAK_SEC = Number(process.env.LOAD_SOAK_SEC ?? 300)
/**
 * LOAD_FLOOR=0 leaves the floor out: a figure with no verdict and no lower bound, 2 × LOAD_SECONDS
 * of autocannon against a server of its own (proofs.sh, where nobody reads it, sets it).
 */
const FLOOR = process.env.LOAD_FLOOR !== '0'
const HISTORY = Number(process.env.LOAD_HISTORY ?? 100_000)
const LEVELS = [200, 500]
const P99_TARGET_MS = 25
/** The fallback poll of a screen whose stream cannot be held (components/live/use-live-view.ts). */
const POLL_MS = 2_000
const SOAK_SCREENS = 500

/** main's last run on the custom server (before issue 12), same bench: the trade, side by side. */
const CUSTOM_SERVER = [
  'the custom server (main, last run) for comparison:',
  '  status route, 200 connections 7,850 req/s (0.58× bare); display route 1,879 req/s (0.38×)',
  '  status route, 500 connections 2,756 req/s (0.57× bare); display route 3,327 req/s (0.26×)',
  '  200 screens p99 28.9 ms, 500 screens p99 33.8 ms; soak 126,160 requests, 0 errors, RSS flat',
]

interface Target {
  name: string
  path: string
  headers: Record<string, string>
  body: string
}

const cannon = (url: string, connections: number, duration: number, more = {}) =>
  autocannon({ url, connections, duration, ...more })

// autocannon counts a timeout in `errors` too.
const failures = (r: autocannon.Result) => r.errors + r.non2xx
const errorText = (r: autocannon.Result) =>
  `errors ${failures(r)} (non-2xx ${r.non2xx}, timeouts ${r.timeouts}) (target 0: ${verdict(failures(r) === 0)})`

/** An open charge (the shop timeout raised to 60 min so it stays open through the soak). */
async function openCharge(baseUrl: string): Promise<string> {
  const browser = await launchBrowser()
  try {
    await setCashierTimeout(browser, baseUrl, 60)
    const page = await (await signedInContext(browser, baseUrl)).newPage()
    const r = await submitCharge(page, `LOAD-${Date.now().toString(36).toUpperCase()}`)
    if (!r.ok) throw new Error(`could not open a charge: ${r.reason}`)
    return r.id
  } finally {
    await browser.close()
  }
}

async function target(baseUrl: string, name: string, path: string, cookie: string) {
  const headers = { cookie }
  const res = await fetch(`${baseUrl}${path}`, { headers })
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`)
  return { name, path, headers, body: await res.text() }
}

/** The two reads a status poll cannot skip (its user, its charge), as the app's SQL sends them. */
function statusReads(sqlitePath: string, chargeId: string) {
  const db = new BetterSqlite3(sqlitePath, { readonly: true })
  try {
    const { id } = db.prepare('select id from users where username = ?').get('cashier') as {
      id: string
    }
    return [
      { sql: 'select * from "users" where "id" = ?', params: [id] },
      { sql: 'select * from "charges" where "id" = ?', params: [chargeId] },
    ]
  } finally {
    db.close()
  }
}

/** Runs `work` and returns its result with the CPU ms process `pid` spent meanwhile. */
async function withCpu<T>(pid: number, work: () => Promise<T>): Promise<[T, number]> {
  const before = cpuMs(pid)
  const result = await work()
  return [result, cpuMs(pid) - before]
}

export async function run(): Promise<void> {
  const server = await startAppServer({ name: 'bench-load' })
  const DATA_DIR = server.dataDir
  let stopBare = () => {}
  let errors = 0
  /** Parts of the run that did not happen as stated (too few answers to count). */
  const short: string[] = []
  try {
    const id = await openCharge(server.baseUrl)
    const t0 = performance.now()
    await seedStationHistory(`${DATA_DIR}/cashier.db`, HISTORY)
    console.log(
      `${HISTORY} past charges on the station (seeded in ${fmt((performance.now() - t0) / 1000, 1)} s)`,
    )
    const cookie = await signInWithFetch(server.baseUrl)
    const device = await pairDisplay(server.baseUrl, `${DATA_DIR}/cashier.db`)
    const targets: Target[] = [
      await target(server.baseUrl, 'status route', `/api/charges/${id}`, cookie),
      await target(server.baseUrl, 'display route', '/api/display/state', device),
    ]
    const bare = await startBareServer(
      await freePort(),
      Object.fromEntries(targets.map((t) => [t.path, { body: t.body }])),
    )
    // The status route's floor: the same answer after the two lookups it cannot skip.
    const status = targets[0]!
    const floor = FLOOR
      ? await startBareServer(
          await freePort(),
          {
            [status.path]: { body: status.body, reads: statusReads(`${DATA_DIR}/cashier.db`, id) },
          },
          `${DATA_DIR}/cashier.db`,
        )
      : null
    stopBare = () => {
      bare.stop()
      floor?.stop()
    }
    const pid = appServerPid(server.pgid)
    if (!pid) throw new Error('no app server process (cashier-server) in the server group')
    // The app, the bare server and autocannon share these cores: other work on the machine skews both.
    console.log(
      `${availableParallelism()} CPUs, load average ${loadavg()
        .map((l) => fmt(l))
        .join(' ')} at start`,
    )
    for (const t of targets)
      await cannon(`${server.baseUrl}${t.path}`, 50, 3, { headers: t.headers })

    for (const screens of LEVELS) {
      // Half cashier screens, half tablets, each polling at the pace of the app's fallback poll
      // (a screen whose stream could not be held; use-live-view.ts): once every POLL_MS.
      const paced = await Promise.all(
        targets.map((t) =>
          pacedPollers({
            url: `${server.baseUrl}${t.path}`,
            headers: t.headers,
            pollers: screens / targets.length,
            seconds: SECONDS,
            intervalMs: POLL_MS,
          }),
        ),
      )
      const p99 = Math.max(...paced.map((r) => percentile(r.latenciesMs, 99)))
      const goal =
        screens === 200 ? ` (target ≤ ${P99_TARGET_MS} ms: ${verdict(p99 <= P99_TARGET_MS)})` : ''
      console.log(
        `${screens} screens polling at their own pace (once every ${POLL_MS / 1000} s each), ${SECONDS} s`,
      )
      targets.forEach((t, i) => {
        const r = paced[i]!
        errors += r.errors
        const least = Math.floor(((screens / targets.length) * SECONDS * 1000 * 0.8) / POLL_MS)
        if (r.latenciesMs.length < least) short.push(`${screens} screens, ${t.name}`)
        console.log(
          `  ${t.name}: ${r.latenciesMs.length} polls (at least ${least}: ${verdict(r.latenciesMs.length >= least)}), p50 ${fmt(percentile(r.latenciesMs, 50), 1)} ms, p99 ${fmt(percentile(r.latenciesMs, 99), 1)} ms; errors ${r.errors}${r.errors ? ` ${JSON.stringify(r.errorKinds)}` : ''} (target 0: ${verdict(r.errors === 0)})`,
        )
      })
      console.log(`  worst p99 ${fmt(p99, 1)} ms${goal}`)
    }

    for (const connections of LEVELS) {
      for (const t of targets) {
        const [ref, bareCpu] = await withCpu(bare.pid, () =>
          cannon(`${bare.url}${t.path}`, connections, SECONDS),
        )
        const [app, appCpu] = await withCpu(pid, () =>
          cannon(`${server.baseUrl}${t.path}`, connections, SECONDS, { headers: t.headers }),
        )
        errors += failures(app)
        if (app.requests.total < connections) short.push(`${connections} connections, ${t.name}`)
        const ratio = app.requests.average / ref.requests.average
        const p99Target =
          connections === 200
            ? ` (target ≤ ${P99_TARGET_MS} ms: ${verdict(app.latency.p99 <= P99_TARGET_MS)})`
            : ''
        const perAnswer = (cpu: number, r: autocannon.Result) =>
          fmt((cpu * 1000) / r.requests.total, 0)
        console.log(`${t.name}, ${connections} connections as fast as answers come, ${SECONDS} s`)
        console.log(
          `  throughput ${fmt(app.requests.average, 0)} req/s vs bare ${fmt(ref.requests.average, 0)} = ${fmt(ratio)}× (target ≥ 0.5: ${verdict(ratio >= 0.5)})`,
        )
        console.log(
          `  latency p50 ${app.latency.p50} ms, p99 ${app.latency.p99} ms${p99Target}; bare p99 ${ref.latency.p99} ms`,
        )
        console.log(
          `  ${app.requests.total} answers (at least ${connections}: ${verdict(app.requests.total >= connections)}); CPU per answer: app ${perAnswer(appCpu, app)} µs, bare ${perAnswer(bareCpu, ref)} µs; ${errorText(app)}`,
        )
        if (t === status && floor) {
          const [low, lowCpu] = await withCpu(floor.pid, () =>
            cannon(`${floor.url}${t.path}`, connections, SECONDS),
          )
          console.log(
            `  floor: bare + the user and charge lookups every poll makes, ${fmt(low.requests.average, 0)} req/s = ${fmt(low.requests.average / ref.requests.average)}× bare (${perAnswer(lowCpu, low)} µs an answer); the app reaches ${fmt(app.requests.average / low.requests.average)}× of it`,
          )
        }
      }
    }

    const rss = [rssMiB(pid)]
    const sampler = setInterval(
      () => rss.push(rssMiB(pid)),
      Math.max(1_000, (SOAK_SEC * 1000) / 10),
    )
    // 500 screens at the fallback pace (the most the app asks of the server), for SOAK_SEC.
    const soak = await Promise.all(
      targets.map((t) =>
        pacedPollers({
          url: `${server.baseUrl}${t.path}`,
          headers: t.headers,
          pollers: SOAK_SCREENS / targets.length,
          seconds: SOAK_SEC,
          intervalMs: POLL_MS,
        }),
      ),
    )
    clearInterval(sampler)
    rss.push(rssMiB(pid))
    const soakErrors = soak.reduce((s, r) => s + r.errors, 0)
    const soakKinds = soak.flatMap((r) =>
      Object.entries(r.errorKinds).map(([k, n]) => `${k} ×${n}`),
    )
    const soakRetried = soak.reduce((s, r) => s + r.retried, 0)
    errors += soakErrors
    const served = soak.reduce((s, r) => s + r.latenciesMs.length, 0)
    const least = Math.floor((SOAK_SCREENS * SOAK_SEC * 1000 * 0.8) / POLL_MS)
    if (served < least) short.push('soak')
    const [first, last] = [rss[0]!, rss.at(-1)!]
    const flat = last <= first * 1.15
    const p99 = Math.max(...soak.map((r) => percentile(r.latenciesMs, 99)))
    console.log(
      `soak: ${SOAK_SCREENS} screens polling once every ${POLL_MS / 1000} s for ${SOAK_SEC} s (${targets.map((t) => t.name).join(' + ')})`,
    )
    console.log(
      `  ${served} polls (at least ${least}: ${verdict(served >= least)}), p99 ${fmt(p99, 1)} ms, errors ${soakErrors}${soakKinds.length ? ` (${soakKinds.join(', ')})` : ''} (target 0: ${verdict(soakErrors === 0)}; sent again after a closed kept-alive connection: ${soakRetried}); app RSS ${fmt(first, 0)} MiB before, ${fmt(last, 0)} MiB after, samples ${rss.map((r) => fmt(r, 0)).join(' ')} MiB (flat within 15 %: ${verdict(flat)})`,
    )
    console.log(CUSTOM_SERVER.join('\n'))
  } finally {
    stopBare()
    await server.stop({ removeData: errors === 0 && short.length === 0 })
  }
  console.log(
    `load verdict: ${errors} errors (must be 0); parts short of their lower bound: ${short.length ? short.join(', ') : 'none'} (must be none)`,
  )
  if (short.length > 0) process.exitCode = 1
  if (errors > 0) {
    console.log(`the app server's last lines:\n${server.log().split('\n').slice(-40).join('\n')}`)
    process.exitCode = 1
  }
}
