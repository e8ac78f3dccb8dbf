/*
 * `npm run abuse`: what an attacker, a bad day at DMS or a forgotten setting can still do, against
 * the production build (`npx next build` first) with the sandbox as DMS, through the app's real HTTP
 * surface. Five scenarios, each with lower bounds that prove it happened before its verdict:
 *   1. 1,000 sign-in attempts claiming made-up addresses: the limit holds, others sign in, the
 *      screens' status answers keep p99 < 50 ms;
 *   2. 100 concurrent 50 MB bodies to the public POST routes: refused, RSS flat;
 *   3. 10,000 pairing-code guesses from one address: the right code from another still pairs;
 *   4. a close DMS refuses 1,000 times: one timeline row, the server's retries backed off;
 *   5. 1,000 replayed notifications (and 1,000 distinct ones): ≤ 1 DMS query per interval.
 * Exits 1 when a check fails. ABUSE_PORT (default: a free port; its sandbox on the next one),
 * ABUSE_SCALE (default 1: the counts above; 0.1 for a quick look).
 */
import Database from 'better-sqlite3'
import { sandboxControl } from '@/sandbox/control-client'
import { launchBrowser, signedInContext, submitCharge } from './support/browser'
import { hugeBodies, pairingGuesses, signInFlood, type AbuseTarget } from './support/abuse-http'
import { refusedCloses, replayedNotifications, type DmsTarget } from './support/abuse-dms'
import { printScenario, type ScenarioResult } from './support/abuse-report'
import { appServerPid, findInGroup } from './support/proc'
import { startAppServer } from '@/tests/support/app-server'
import { assertPortFree } from '@/tests/support/ports'
import { signInWithFetch } from './support/session'

const PORT = process.env.ABUSE_PORT ? Number(process.env.ABUSE_PORT) : undefined
const SCALE = Number(process.env.ABUSE_SCALE ?? 1)
const INTERVAL_MS = 1000
const n = (full: number, min: number) => Math.max(min, Math.round(full * SCALE))
let dataDir = ''

function query<T>(sql: string, ...params: unknown[]): T[] {
  const d = new Database(`${dataDir}/cashier.db`, { readonly: true, fileMustExist: true })
  try {
    return d.prepare(sql).all(...params) as T[]
  } finally {
    d.close()
  }
}

export async function run(): Promise<void> {
  if (PORT !== undefined) {
    await assertPortFree(PORT, 'abuse', 'ABUSE_PORT')
    await assertPortFree(PORT + 1, 'abuse (its sandbox, on ABUSE_PORT + 1)', 'ABUSE_PORT')
  }
  const server = await startAppServer({
    name: 'abuse',
    port: PORT,
    sandboxPort: PORT === undefined ? undefined : PORT + 1,
    env: {
      DMS_QUERY_INTERVAL_MS: String(INTERVAL_MS),
      SWEEP_INTERVAL_MS: '1000',
      DMS_TIMEOUT_MS: '3000',
      // The default: no proxy is trusted, the socket says who the client is.
      TRUSTED_PROXIES: '',
    },
  })
  dataDir = server.dataDir
  const browser = await launchBrowser()
  const results: ScenarioResult[] = []
  try {
    const sandbox = sandboxControl(server.sandboxUrl)
    await sandbox.settings({ payerDailyLimit: 1_000_000 })
    const serverPid =
      appServerPid(server.pgid) ?? findInGroup(server.pgid, /next-server|next start/)
    if (!serverPid) throw new Error('could not find the server process')
    const cashier = await signedInContext(browser, server.baseUrl)
    const page = await cashier.newPage()
    const stamp = Date.now().toString(36).toUpperCase()
    const charge = async (tag: string) => {
      const made = await submitCharge(page, `ABUSE-${tag}-${stamp}`)
      if (!made.ok) throw new Error(`charge ${tag}: ${made.reason}`)
      const [order] = await sandbox.waitForOrders(`ABUSE-${tag}-${stamp}`)
      return { id: made.id, bizOrderNo: order!.bizOrderNo }
    }
    const watched = await charge('WATCHED')
    const closing = await charge('CLOSE')
    const notified = await charge('NOTIFY')
    await page.goto('/charge/today')

    const manager = await signedInContext(browser, server.baseUrl, 'manager')
    const tablets = await manager.newPage()
    await tablets.goto('/admin/stations')
    await tablets
      .getByRole('link', { name: /顾客屏/ })
      .first()
      .click()
    await tablets.getByTestId('create-pairing-code').click()
    const liveCode = (await tablets.getByTestId('pairing-code').getAttribute('data-code'))!
    await manager.close()

    const http: AbuseTarget = {
      base: server.baseUrl,
      cashierCookie: await signInWithFetch(server.baseUrl, 'cashier'),
      statusUrl: `${server.baseUrl}/api/charges/${watched.id}`,
      serverPid,
      auditCount: (action, ip) =>
        query<{ n: number }>(
          'select count(*) n from audit_log where action = ? and ip = ?',
          action,
          ip,
        )[0]!.n,
      auditIps: (action) =>
        query<{ ip: string }>('select distinct ip from audit_log where action = ?', action).map(
          (r) => r.ip,
        ),
    }
    results.push(await signInFlood(http, n(1000, 100)))
    printScenario(results.at(-1)!)
    results.push(await hugeBodies(http, n(100, 20), SCALE < 1 ? 10 : 50))
    printScenario(results.at(-1)!)
    results.push(await pairingGuesses(http, n(10_000, 500), liveCode))
    printScenario(results.at(-1)!)

    const dms: DmsTarget = {
      base: server.baseUrl,
      sandbox,
      intervalMs: INTERVAL_MS,
      cashier,
      closeEvents: (id) =>
        query<{ repeat_count: number }>(
          "select repeat_count from charge_events where charge_id = ? and type = 'close-failed'",
          id,
        ),
      notificationRows: (id) =>
        query<{ n: number }>('select count(*) n from dms_notifications where notify_id = ?', id)[0]!
          .n,
    }
    results.push(await refusedCloses(dms, closing.id, closing.bizOrderNo, n(1000, 100), 20))
    printScenario(results.at(-1)!)
    results.push(await replayedNotifications(dms, notified.bizOrderNo, n(1000, 100)))
    printScenario(results.at(-1)!)
  } finally {
    await browser.close()
    await server.stop({ removeData: true })
  }
  const failed = results.flatMap((r) =>
    r.checks.filter((c) => !c.ok).map((c) => `${r.name}: ${c.what}`),
  )
  const total = results.reduce((s, r) => s + r.checks.length, 0)
  console.log(
    `\nabuse: ${total - failed.length}/${total} checks passed in ${results.length} scenarios`,
  )
  if (failed.length > 0 || results.length !== 5) {
    for (const f of failed) console.log(`  FAILED ${f}`)
    process.exitCode = 1
  }
}
