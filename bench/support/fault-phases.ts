import type { APIRequestContext, BrowserContext, Page } from '@playwright/test'
import type { ChargeView } from '@/lib/charges/view'
import type { SandboxControl } from '@/sandbox/control-client'
import type { RequestLogEntry } from '@/sandbox/types'
import { submitCharge } from './browser'
import { until } from '@/tests/support/wait'
import { cancelOnChargeScreen } from '@/tests/e2e/support/cancel-charge'

/* Steps of the fault benchmark that go through the app's screens or wait on the sandbox. */

/**
 * The cashier presses Cancel on the charge screen; DMS then decides closed or (race) paid. `settleMs`
 * is how long the screen may take: a close DMS refuses is retried only after the app's back-off.
 */
export async function cancelOnScreen(page: Page, id: string, settleMs: number): Promise<boolean> {
  try {
    await page.goto(`/charge/${id}`)
    await cancelOnChargeScreen(page, { timeout: 5_000 })
    await page
      .locator(
        '[data-testid=charge-status][data-status=closed], [data-testid=charge-status][data-status=paid]',
      )
      .waitFor({ timeout: settleMs })
    return true
  } catch {
    return false
  }
}

/**
 * The ids of every charge whose bill contains `q`, from the manager's CSV export (all dates, every
 * page). The charge id is the one UUID of a row, whichever column holds it: a column added to the
 * export must not make charges look lost. `request` must carry a manager's session.
 */
export async function billIds(request: APIRequestContext, q: string): Promise<string[]> {
  const res = await request.get(`/api/charges/export?range=all&q=${encodeURIComponent(q)}`)
  if (!res.ok()) throw new Error(`export ${q}: HTTP ${res.status()}`)
  const uuid = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/
  return (await res.text()).split(/\r?\n/).flatMap((line) => uuid.exec(line)?.slice(0, 1) ?? [])
}

/**
 * Starts `bills.length` creates at once in their own tabs, with DMS slow enough that they are still
 * waiting for its answer, and calls `crash` once DMS has received every one of them.
 */
export async function createsInFlight(
  context: BrowserContext,
  sandbox: SandboxControl,
  bills: string[],
  crash: () => Promise<void>,
): Promise<boolean> {
  await sandbox.addFault({
    endpoint: 'payment',
    mode: 'latency',
    latencyMs: 1_500,
    times: bills.length,
  })
  const pages = await Promise.all(bills.map(() => context.newPage()))
  const submits = pages.map((p, i) => submitCharge(p, bills[i]!, '3.00', 10_000))
  const arrived = await until(async () => {
    const creates = await sandbox.requests({ path: '/dms/cash-out/payment' })
    return creates.filter((r) => bills.includes(String(r.params.bz_order))).length >= bills.length
  }, 15_000)
  await crash()
  await Promise.all(submits)
  await Promise.all(pages.map((p) => p.close()))
  return arrived
}

/** Every request the sandbox logged, gathered in pieces so its 10 000-entry cap loses nothing. */
export class RequestLogCollector {
  private readonly entries = new Map<number, RequestLogEntry>()
  private last = 0

  constructor(private readonly sandbox: SandboxControl) {}

  async pull(): Promise<void> {
    for (const e of await this.sandbox.requests({ since: this.last })) {
      this.entries.set(e.seq, e)
      this.last = Math.max(this.last, e.seq)
    }
  }

  all(): RequestLogEntry[] {
    return [...this.entries.values()]
  }
}

export const isOpenView = (v: ChargeView | undefined) =>
  !v || ['creating', 'pending', 'paying', 'unknown'].includes(v.status)
