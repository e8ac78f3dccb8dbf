import 'server-only'
import type { PaymentStatus } from '@/lib/dms/types'
import { env } from '@/lib/env'
import { applyInput } from './apply'
import { closeAtDms } from './close'
import { checkNote } from './dms-error-fields'
import { dms } from '@/lib/dms/client'
import { findByBizOrderNo, findLatestAttemptCharge } from './repo'
import { listEvents } from './repo-events'
import { DMS, SYSTEM, type Charge } from './types'

/**
 * `note`: when DMS was not reached or its answer could not be used (unreadable, or about another
 * payment than asked), our client's words for it, which the failed check's event keeps.
 */
export type CheckOutcome = { charge: Charge; reached: boolean; note?: string }

/**
 * Settles a create whose answer never came, by asking DMS for the bill's latest attempt — never by
 * creating again. An attempt we can't show (no QR content comes back from a query) is closed.
 */
export async function reconcileUnknown(charge: Charge, now: number): Promise<CheckOutcome> {
  const res = await dms().queryPayment({ bzOrder: charge.bzOrder })
  if (!res.ok && !(res.error.kind === 'rejected' && res.error.code === 2008)) {
    return { charge, reached: false, note: checkNote(res.error) }
  }
  const found = res.ok ? res.data : null
  if (!found || !(await isOurs(charge, found))) {
    if (!(await settledNoAttempt(charge, now))) return { charge, reached: true }
    const next = await applyInput(
      charge,
      { kind: 'not-found-at-dms' },
      {
        actor: DMS,
        dmsCode: res.ok ? 1000 : 2008,
        dmsMessage: res.ok ? null : res.error.kind === 'rejected' ? res.error.message : null,
      },
    )
    return { charge: next, reached: true }
  }

  const ids = { bizOrderNo: found.bizOrderNo, orderNo: found.orderNo }
  let next = await applyInput(
    charge,
    { kind: 'dms-status', status: found.status, message: found.errorMessage },
    {
      actor: DMS,
      patch: ids,
      dmsCode: 1000,
      dmsMessage: found.errorMessage || null,
      detail: { reconciledBy: 'bill', bizOrderNo: found.bizOrderNo },
      paidAt: found.paidAt?.getTime() ?? null,
    },
  )
  if (next.status === 'pending' || next.status === 'paying') {
    // The QR content never reached us, so no customer can pay it: close it and let the cashier retry.
    next = await applyInput(
      next,
      { kind: 'cancel-requested' },
      { actor: SYSTEM, detail: { reason: 'qr-never-received' } },
    )
    next = await closeAtDms(next)
  }
  return { charge: next, reached: true }
}

/**
 * The bill's latest attempt at DMS is this charge's: no other charge has it, no newer charge of the
 * bill may have made it (findLatestAttemptCharge), same amount.
 */
async function isOurs(charge: Charge, found: PaymentStatus): Promise<boolean> {
  const other = await findByBizOrderNo(found.bizOrderNo)
  if (other && other.id !== charge.id) return false
  if (found.amountFen !== null && found.amountFen !== charge.amountFen) return false
  return (
    other?.id === charge.id || (await findLatestAttemptCharge(charge.bzOrder))?.id === charge.id
  )
}

/**
 * Asks DMS about a charge a manager settled by hand before it had an attempt id, by its bill. DMS's
 * answer is applied like any other; one that disagrees with the manager flags the charge
 * (status-machine.ts). A bill whose latest attempt is another charge's, or may be a newer charge's,
 * tells nothing about this one.
 */
export async function recheckHandSettled(charge: Charge, now: number): Promise<CheckOutcome> {
  const res = await dms().queryPayment({ bzOrder: charge.bzOrder })
  if (!res.ok && res.error.kind === 'rejected' && res.error.code === 2008) {
    const dmsMessage = res.error.message
    const next = await applyInput(
      charge,
      { kind: 'not-found-at-dms' },
      { actor: DMS, dmsCode: 2008, dmsMessage },
      now,
    )
    return { charge: next, reached: true }
  }
  if (!res.ok) return { charge, reached: false, note: checkNote(res.error) }
  const found = res.data
  if (!(await isOurs(charge, found))) return { charge, reached: true }
  const next = await applyInput(
    charge,
    { kind: 'dms-status', status: found.status, message: found.errorMessage },
    {
      actor: DMS,
      patch: { bizOrderNo: found.bizOrderNo, orderNo: found.orderNo },
      dmsCode: 1000,
      dmsMessage: found.errorMessage || null,
      detail: { reconciledBy: 'bill', bizOrderNo: found.bizOrderNo },
      paidAt: found.paidAt?.getTime() ?? null,
    },
    now,
  )
  return { charge: next, reached: true }
}

/**
 * "Not found" is only final once DMS has certainly finished with our request: at once if it answered
 * (with an error page), else after twice the DMS timeout.
 */
async function settledNoAttempt(charge: Charge, now: number): Promise<boolean> {
  if (now - charge.createdAt > 2 * env().dms.timeoutMs) return true
  const events = await listEvents(charge.id)
  return events.some((e) => e.type === 'create-unanswered' && e.detail?.kind === 'unavailable')
}
