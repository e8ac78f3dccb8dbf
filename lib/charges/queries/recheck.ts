import 'server-only'
import { recordAuditBy } from '@/lib/audit/repo'
import type { AuditActor } from '@/lib/audit/types'
import { publish } from '@/lib/feed/feed'
import { dmsCanStillChange } from '../dms-can-change'
import { refreshCharge } from '../refresh'
import { getCharge } from '../repo'
import { appendEvent } from '../repo-events'
import type { ChargeStatus } from '../status'
import { listNeedsAttention, REVIEWED_EVENT } from './attention'

export interface RecheckResult {
  id: string
  bzOrder: string
  before: ChargeStatus
  after: ChargeStatus
  changed: boolean
  /** DMS could not be reached (or refused the query) for the check just made. */
  failing: boolean
}

/**
 * Why a check was not made: no such charge, or one DMS can no longer change (dms-can-change.ts),
 * with the status it ended in: a page drawn before it ended shows another, and the refusal says it.
 */
export type RecheckRefusal = { refused: 'not-found' } | { refused: 'ended'; status: ChargeStatus }

/**
 * A manager's "check with DMS now": a forced refresh (skips the polling interval, not the single
 * flight), reported as before → after. A settled charge is asked about too while DMS can still
 * change it (paid → refunded, a late payment on a closed attempt); otherwise it is refused here,
 * whoever calls, since the page only hides the button.
 */
export async function recheckCharge(id: string): Promise<RecheckResult | RecheckRefusal> {
  const before = await getCharge(id)
  if (!before) return { refused: 'not-found' }
  if (!dmsCanStillChange(before)) return { refused: 'ended', status: before.status }
  const after = (await refreshCharge(id, { force: true, settled: true })) ?? before
  return {
    id,
    bzOrder: before.bzOrder,
    before: before.status,
    after: after.status,
    changed:
      before.status !== after.status ||
      before.paidAfterCancel !== after.paidAfterCancel ||
      before.settleDisputed !== after.settleDisputed,
    failing: after.checkFailures > before.checkFailures,
  }
}

/** Re-checks stop being started after this long, so one click never outlives the request. */
export const RECHECK_ALL_BUDGET_MS = 45_000

export interface RecheckAllResult {
  results: RecheckResult[]
  /** Charges not re-checked because the time budget ran out (DMS slow or down): click again. */
  remaining: number
}

/**
 * Re-checks every charge on the needs-attention list, one after another (DMS is one shared, rate-
 * limited service: a burst of parallel queries would only make it slower for the front desk).
 */
export async function recheckAllNeedingAttention(
  budgetMs = RECHECK_ALL_BUDGET_MS,
): Promise<RecheckAllResult> {
  const started = Date.now()
  const rows = await listNeedsAttention(started)
  const results: RecheckResult[] = []
  let done = 0
  for (const row of rows) {
    if (Date.now() - started > budgetMs) break
    const r = await recheckCharge(row.id)
    done += 1
    if (!('refused' in r)) results.push(r)
  }
  return { results, remaining: rows.length - done }
}

/**
 * Marks a paid-after-cancel charge (refunded or kept by the manager), or a settlement by hand DMS
 * disagreed with, as handled, on its timeline and in the audit log: it takes money in question off
 * the managers' list, a decision about that money as a settlement by hand is (settle.ts).
 */
export async function markReviewed(
  id: string,
  actor: { id: string; name: string },
  auditActor: AuditActor,
): Promise<boolean> {
  const charge = await getCharge(id)
  if (!charge || !(charge.paidAfterCancel || charge.settleDisputed)) return false
  await appendEvent(id, { actor: { type: 'user', ...actor }, type: REVIEWED_EVENT }, Date.now())
  await recordAuditBy(auditActor, {
    action: 'charge.review',
    target: `charge:${id}`,
    detail: { bill: charge.bzOrder },
  })
  // The charge row does not change, but every manager's attention badge (and this charge's
  // timeline) does: without this the badge waited for its stream's next recount, up to 15 s.
  publish({ kind: 'charge', id, stationId: charge.stationId, version: charge.version })
  return true
}
