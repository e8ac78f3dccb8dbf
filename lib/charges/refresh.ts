import 'server-only'
import { randomBytes } from 'node:crypto'
import { env } from '@/lib/env'
import { applyInput } from './apply'
import { closeAtDms } from './close'
import { dmsErrorFields } from './dms-error-fields'
import { dms } from './dms-client'
import { reconcileUnknown, type CheckOutcome } from './reconcile-unknown'
import { appendEvent, claimCheck, getCharge, scheduleCheck } from './repo'
import { isTerminal } from './status'
import { DMS, SYSTEM, type Charge } from './types'

/** A customer who is mid-payment at the timeout gets this long before the QR is closed under them. */
const PAYING_GRACE_MS = 60_000
const OWNER = `${process.pid}-${randomBytes(4).toString('hex')}`
const inflight = new Map<string, Promise<Charge | null>>()

/**
 * Brings a charge up to date with DMS. However many screens poll, at most one DMS query per charge per
 * interval: one in flight per process (the map), one claim per interval across processes (the row).
 * `force` (a notification, a manager's re-check) skips the interval but not the single flight.
 * `settled` also asks DMS about a settled charge (see doRefresh).
 */
export function refreshCharge(
  id: string,
  opts: { force?: boolean; settled?: boolean } = {},
): Promise<Charge | null> {
  const running = inflight.get(id)
  if (running) return running
  const p = doRefresh(id, opts.force ?? false, opts.settled ?? false).finally(() =>
    inflight.delete(id),
  )
  inflight.set(id, p)
  return p
}

async function doRefresh(id: string, force: boolean, settled: boolean): Promise<Charge | null> {
  const charge = await getCharge(id)
  if (!charge) return null
  if (isTerminal(charge.status)) {
    // `settled` (a DMS notification): money can still move after a charge settled — paid → refunded,
    // or a late payment on a failed/closed attempt — and nothing else ever asks DMS about a settled
    // charge, so without this one query a refund was never recorded. The status machine decides.
    if (!settled || !charge.bizOrderNo || charge.status === 'refunded') return charge
    return (await checkOpenAttempt(charge, Date.now())).charge
  }
  const now = Date.now()
  if (!force && claimHeld(charge, now)) return charge
  const interval = env().dms.queryIntervalMs
  const claimed = await claimCheck(id, OWNER, force ? Number.MAX_SAFE_INTEGER : now, now + interval)
  if (!claimed) return charge
  const { charge: next, reached } = await check(charge, now)
  if (isTerminal(next.status)) return next
  const failures = reached ? 0 : next.checkFailures + 1
  if (!reached && (failures === 1 || failures % 10 === 0)) {
    await appendEvent(next.id, { actor: SYSTEM, type: 'check-failed', detail: { failures } }, now)
  }
  await scheduleCheck(next.id, Math.round(now + nextDelay(next, now, failures, interval)), failures)
  return { ...next, checkFailures: failures }
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
    return { charge, reached: false }
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
  if (next.cancelRequestedAt !== null) next = await closeAtDms(next)
  return { charge: next, reached: true }
}

/** When the background sweep should look again if no screen is watching. */
function nextDelay(charge: Charge, now: number, failures: number, interval: number): number {
  if (failures > 0) return Math.min(5 * 60_000, interval * 2 ** Math.min(failures, 8))
  if (charge.status === 'unknown' || charge.cancelRequestedAt !== null) return interval
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
