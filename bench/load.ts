/*
 * Load on the routes screens poll, on the production build: 200 and 500 concurrent pollers
 * (autocannon) on the staff status route (an open charge, a cashier session) and the tablet's display
 * route (a paired device), each against a bare node:http server returning the same JSON bytes; then a
 * soak, with the RSS of the `next start` process before and after.
 * Targets: throughput ≥ 0.5× the bare server; p99 ≤ 25 ms at 200 pollers; 0 errors (non-2xx and
 * timeouts count). Only errors fail the run. LOAD_SECONDS per run (default 10), LOAD_SOAK_SEC
 * (default 300; CI uses 30).
 */
import { availableParallelism, loadavg } from 'node:os'
import autocannon from 'autocannon'
import { launchBrowser, setCashierTimeout, signedInContext, submitCharge } from './support/browser'
import { startBareServer } from './support/bare-server'
import { pairDisplay } from './support/display-pairing'
import { nextServerPid, rssMiB } from './support/proc'
import { startServer } from './support/server'
import { signInWithFetch } from './support/session'
import { fmt, verdict } from './support/stats'

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10)
const SOAK_SEC = Number(process.env.LOAD_SOAK_SEC ?? 300)
const LEVELS = [200, 500]
const PORT = 3470
const DATA_DIR = 'data/bench-load'

interface Target {
  name: string
  path: string
  headers: Record<string, string>
  body: string
}

const cannon = (url: string, connections: number, duration: number, headers = {}) =>
  autocannon({ url, connections, duration, headers })

// autocannon counts a timeout in `errors` too.
const failures = (r: autocannon.Result) => r.errors + r.non2xx

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

export async function run(): Promise<void> {
  const server = await startServer({ port: PORT, sandboxPort: 4470, dataDir: DATA_DIR })
  let stopBare = () => {}
  let errors = 0
  try {
    const id = await openCharge(server.baseUrl)
    const cookie = await signInWithFetch(server.baseUrl)
    const targets: Target[] = [
      await target(server.baseUrl, 'status route', `/api/charges/${id}`, cookie),
    ]
    const probe = await fetch(`${server.baseUrl}/api/display/state`)
    if (probe.status === 404) {
      console.log(
        'display route not present (GET /api/display/state is 404 in this build): skipped',
      )
    } else {
      const device = await pairDisplay(server.baseUrl, `${DATA_DIR}/cashier.db`)
      targets.push(await target(server.baseUrl, 'display route', '/api/display/state', device))
    }
    const bare = await startBareServer(
      PORT + 2,
      Object.fromEntries(targets.map((t) => [t.path, t.body])),
    )
    stopBare = bare.stop
    const pid = nextServerPid(server.pgid)
    if (!pid) throw new Error('no next-server process in the server group')
    // The app, the bare server and autocannon share these cores: other work on the machine skews both.
    console.log(
      `${availableParallelism()} CPUs, load average ${loadavg()
        .map((l) => fmt(l))
        .join(' ')} at start`,
    )
    for (const t of targets) await cannon(`${server.baseUrl}${t.path}`, 50, 3, t.headers) // warm-up

    for (const connections of LEVELS) {
      for (const t of targets) {
        const ref = await cannon(`${bare.url}${t.path}`, connections, SECONDS)
        const app = await cannon(`${server.baseUrl}${t.path}`, connections, SECONDS, t.headers)
        errors += failures(app)
        const ratio = app.requests.average / ref.requests.average
        const p99Target =
          connections === 200 ? ` (target ≤ 25 ms: ${verdict(app.latency.p99 <= 25)})` : ''
        console.log(`${t.name}, ${connections} concurrent pollers, ${SECONDS} s`)
        console.log(
          `  throughput ${fmt(app.requests.average, 0)} req/s vs bare ${fmt(ref.requests.average, 0)} = ${fmt(ratio)}× (target ≥ 0.5: ${verdict(ratio >= 0.5)})`,
        )
        console.log(
          `  latency p50 ${app.latency.p50} ms, p99 ${app.latency.p99} ms${p99Target}; bare p99 ${ref.latency.p99} ms`,
        )
        console.log(
          `  errors ${failures(app)} (non-2xx ${app.non2xx}, timeouts ${app.timeouts}, other socket errors ${app.errors - app.timeouts}) (target 0: ${verdict(failures(app) === 0)})`,
        )
      }
    }

    const before = rssMiB(pid)
    const soak = await Promise.all(
      targets.map((t) =>
        cannon(`${server.baseUrl}${t.path}`, Math.round(200 / targets.length), SOAK_SEC, t.headers),
      ),
    )
    const after = rssMiB(pid)
    const soakErrors = soak.reduce((s, r) => s + failures(r), 0)
    errors += soakErrors
    const served = soak.reduce((s, r) => s + r.requests.total, 0)
    console.log(`soak: 200 pollers for ${SOAK_SEC} s (${targets.map((t) => t.name).join(' + ')})`)
    console.log(
      `  ${served} requests, errors ${soakErrors} (target 0: ${verdict(soakErrors === 0)}); next start RSS ${fmt(before, 0)} MiB before, ${fmt(after, 0)} MiB after (${after >= before ? '+' : ''}${fmt(after - before, 0)} MiB)`,
    )
  } finally {
    stopBare()
    await server.stop()
  }
  if (errors > 0) process.exitCode = 1
}
