import 'server-only'
import { randomBytes } from 'node:crypto'
import { env } from '@/lib/env'
import { processWide } from '@/lib/server/process-wide'
import { applyInput } from './apply'
import { closeDue, retryDelay } from './backoff'
import { closeAtDms } from './close'
import { dmsCanStillChange } from './dms-can-change'
import { checkNote, dmsErrorFields } from './dms-error-fields'
import { dms } from '@/lib/dms/client'
import { recheckHandSettled, reconcileUnknown, type CheckOutcome } from './reconcile-unknown'
import { getCharge } from './repo'
import { appendEvent } from './repo-events'
import { claimCheck, scheduleCheck, takeNotifiedClaim } from './repo-checks'
import { isTerminal, PAYING_GRACE_MS } from './status'
import { DMS, SYSTEM, type Charge } from './types'

/** Per process, not per bundle copy: the claim's owner and the maps below (process-wide.ts). */
const OWNER = processWide('refresh-owner', () => `${process.pid}-${randomBytes(4).toString('hex')}`)
/** The check in flight for a charge: its full answer, and the charge alone (shared by the polls). */
const inflight = processWide(
  'refresh-inflight',
  () => new Map<string, { refreshed: Promise<Refreshed>; charge: Promise<Charge | null> }>(),
)
const deferred = processWide('refresh-deferred', () => new Map<string, Promise<Charge | null>>())

type RefreshOptions = { force?: boolean; settled?: boolean; notified?: boolean }
/** The charge, and until when the interval's claim is held when this call could not check. */
type Refreshed = { charge: Charge | null; heldUntil?: number }

/**
 * Brings a charge up to date with DMS. However many screens poll and whatever arrives, at most one
 * DMS query per charge per interval: one in flight per process (the map), one claim per interval
 * across processes (the row).
 * `force` (a notification, a manager's re-check) does not give up when the interval's claim is
 * held: it waits for the claim to run out and checks then (one such wait per charge), so a hint is
 * never lost and never buys a query sooner than the interval allows.
 * `settled` also asks DMS about a settled charge (see doRefresh).
 * `notified` (a signed DMS notification, seen once per notifyId): asks at once even inside an
 * interval a periodic check claimed, and takes the claim for a new interval — the screens show a
 * notified payment within a query's round trip. Inside an interval another notification claimed it
 * waits like `force`: a flood of notifications buys at most one query per interval.
 */
export function refreshCharge(id: string, opts: RefreshOptions = {}): Promise<Charge | null> {
  let running = inflight.get(id)
  // A check already in flight may have asked DMS before the payment it is told about: ask again after.
  if (running && opts.notified) return running.refreshed.then(() => refreshCharge(id, opts))
  if (!running) {
    const refreshed = doRefresh(id, opts).finally(() => inflight.delete(id))
    running = { refreshed, charge: refreshed.then((r) => r.charge) }
    inflight.set(id, running)
  }
  if (!opts.force) return running.charge
  return running.refreshed.then(({ charge, heldUntil }) =>
    heldUntil === undefined ? charge : refreshWhenFree(id, heldUntil, opts),
  )
}

/** A forced check that found the interval's claim held: one per charge, run when it runs out. */
function refreshWhenFree(id: string, claimUntil: number, opts: RefreshOptions) {
  const waiting = deferred.get(id)
  if (waiting) return waiting
  const wait = Math.max(claimUntil - Date.now(), 0) + 1
  const p = new Promise<void>((resolve) => setTimeout(resolve, wait).unref()).then(() => {
    deferred.delete(id)
    return refreshCharge(id, opts)
  })
  deferred.set(id, p)
  return p
}

async function doRefresh(id: string, opts: RefreshOptions): Promise<Refreshed> {
  const charge = await getCharge(id)
  if (!charge) return { charge: null }
  // `settled` (a DMS notification, a manager's check): money can still move after a charge settled,
  // and nothing else ever asks DMS about a settled charge, so without this one query a refund was
  // never recorded. Which settled charges DMS can still change: dms-can-change.ts.
  const settledCheck = opts.settled && dmsCanStillChange(charge)
  if (isTerminal(charge.status) && !settledCheck) return { charge }
  const now = Date.now()
  const interval = env().dms.queryIntervalMs
  if (opts.notified) {
    if (!(await takeNotifiedClaim(id, OWNER, now, now + interval))) {
      return { charge, heldUntil: now + interval }
    }
  } else {
    if (claimHeld(charge, now)) return { charge, heldUntil: charge.claimUntil! }
    // Another process may claim it between our read and our write: then its check counts.
    if (!(await claimCheck(id, OWNER, now, now + interval))) {
      return { charge, heldUntil: now + interval }
    }
  }
  if (isTerminal(charge.status)) {
    const asked = charge.bizOrderNo
      ? await checkOpenAttempt(charge, now)
      : await recheckHandSettled(charge, now)
    return { charge: asked.charge }
  }
  const { charge: next, reached, note } = await check(charge, now)
  if (isTerminal(next.status)) return { charge: next }
  const failures = reached ? 0 : next.checkFailures + 1
  if (!reached) {
    // Collapsed into one event by appendEvent (event-repeats.ts), with the count in its detail and
    // the last failure's words (no answer, an unreadable one, one about another payment).
    await appendEvent(
      next.id,
      { actor: SYSTEM, type: 'check-failed', dmsMessage: note ?? null, detail: { failures } },
      now,
    )
  }
  await scheduleCheck(next.id, Math.round(now + nextDelay(next, now, failures, interval)), failures)
  return { charge: { ...next, checkFailures: failures } }
}

async function check(charge: Charge, now: number): Promise<CheckOutcome> {
  if (charge.status === 'creating') {
    // Still being created by a live request, or its process died mid-create: then it is unknown.
    if (now - charge.createdAt < env().dms.timeoutMs + 5_000) return { charge, reached: true }
    const c = await applyInput(
      charge,
      { kind: 'create-unanswered' },
      { actor: SYSTEM, detail: { reason: 'create-interrupted' } },
    )
    return reconcileUnknown(c, now)
  }
  if (charge.status === 'unknown') return reconcileUnknown(charge, now)
  return checkOpenAttempt(charge, now)
}

/** Also asks about a settled charge: whatever DMS says leaves it settled, so it returns early. */
async function checkOpenAttempt(charge: Charge, now: number): Promise<CheckOutcome> {
  const res = await dms().queryPayment({ bizOrderNo: charge.bizOrderNo! })
  if (!res.ok) {
    const f = dmsErrorFields(res.error)
    if (res.error.kind === 'rejected') {
      await appendEvent(
        charge.id,
        { actor: DMS, type: 'query-rejected', dmsCode: f.code, dmsMessage: f.message },
        now,
      )
    }
    return { charge, reached: false, note: checkNote(res.error) }
  }
  const q = res.data
  let next = await applyInput(
    charge,
    { kind: 'dms-status', status: q.status, message: q.errorMessage },
    {
      actor: DMS,
      dmsCode: 1000,
      dmsMessage: q.errorMessage || null,
      paidAt: q.paidAt?.getTime() ?? null,
      // A failure's reason (code 3000 + DMS's words) is stored by applyInput.
    },
    now,
  )
  if (isTerminal(next.status)) return { charge: next, reached: true }
  const grace = next.status === 'paying' ? PAYING_GRACE_MS : 0
  if (next.cancelRequestedAt === null && now >= next.expiresAt + grace) {
    next = await applyInput(
      next,
      { kind: 'cancel-requested' },
      { actor: SYSTEM, detail: { reason: 'timeout' } },
      now,
    )
  }
  // A close DMS refused waits out its back-off; the query above still ran, so a payment shows.
  if (next.cancelRequestedAt !== null && closeDue(next, now)) next = await closeAtDms(next, now)
  return { charge: next, reached: true }
}

/** When the background sweep should look again if no screen is watching. */
function nextDelay(charge: Charge, now: number, failures: number, interval: number): number {
  if (failures > 0) return retryDelay(failures, interval)
  if (charge.status === 'unknown') return interval
  // Closing: look again when the next close may go (at once, unless DMS refused the last one).
  if (charge.cancelRequestedAt !== null) return Math.max(interval, (charge.closeRetryAt ?? 0) - now)
  const untilTimeout = charge.expiresAt - now
  const byAge = Math.min(30_000, Math.max(interval, (now - charge.createdAt) / 6))
  return untilTimeout > 0 ? Math.min(byAge, untilTimeout) : interval
}

/**
 * The row just read says some poll or sweep (here or in another process) holds this interval's
 * claim: a claim UPDATE would only be refused, so nothing needs doing until it runs out.
 */
function claimHeld(charge: Charge, now: number): boolean {
  return charge.claimUntil !== null && charge.claimUntil > now
}

/**
 * For polling routes: brings the charge up to date but waits for DMS at most `budgetMs`; past that the
 * stored state is returned and the next poll sees the answer. A slow or hanging DMS never stalls screens.
 * Most polls land inside an interval another poll has claimed: they cost one read (or none, when the
 * caller has just read the row: `known`) and no timer.
 */
export async function refreshForPoll(
  id: string,
  opts: { budgetMs?: number; known?: Charge } = {},
): Promise<Charge | null> {
  const charge = opts.known ?? (await getCharge(id))
  if (!charge || isTerminal(charge.status) || claimHeld(charge, Date.now())) return charge
  const refreshed = refreshCharge(id).catch((error) => {
    console.error(`poll: charge ${id} could not be refreshed`, error)
    return null
  })
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), opts.budgetMs ?? 300)
  })
  const first = await Promise.race([refreshed, late])
  clearTimeout(timer)
  return first === 'late' || first === null ? getCharge(id) : first
}
