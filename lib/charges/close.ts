import 'server-only'
import { applyInput } from './apply'
import { dmsErrorFields } from './dms-error-fields'
import { dms } from '@/lib/dms/client'
import { env } from '@/lib/env'
import { retryDelay } from './backoff'
import { appendEvent } from './repo-events'
import { recordCloseFailure } from './repo-checks'
import { DMS, type Charge } from './types'

const toMs = (d: Date | null) => (d ? d.getTime() : null)

/**
 * Asks DMS to close the attempt. DMS is the judge of the race with the customer: a close refused
 * because the order is paid (2003) means the money arrived, and the charge becomes paid.
 * A close DMS refuses otherwise is counted: the checks that follow send the next one only after a
 * back-off (backoff.ts), and the timeline gets one `close-failed` event however often it happens.
 */
export async function closeAtDms(charge: Charge, now = Date.now()): Promise<Charge> {
  if (!charge.bizOrderNo) return charge
  const res = await dms().closePayment(charge.bizOrderNo)
  if (res.ok) {
    if (res.data.status === 'closed') {
      return applyInput(charge, { kind: 'close-confirmed' }, { actor: DMS, dmsCode: 1000 })
    }
    return applyInput(
      charge,
      { kind: 'dms-status', status: res.data.status },
      { actor: DMS, dmsCode: 1000 },
    )
  }
  const f = dmsErrorFields(res.error)
  if (res.error.kind === 'rejected' && res.error.paid) {
    const paid = res.error.paid
    return applyInput(
      charge,
      { kind: 'dms-status', status: paid.status },
      { actor: DMS, dmsCode: f.code, dmsMessage: f.message, paidAt: toMs(paid.paidAt) },
    )
  }
  if (res.error.kind === 'rejected' && (res.error.code === 2003 || res.error.code === 2009)) {
    // Paid or failed at DMS but the answer carried no status: ask for it.
    const q = await dms().queryPayment({ bizOrderNo: charge.bizOrderNo })
    if (q.ok) {
      return applyInput(
        charge,
        { kind: 'dms-status', status: q.data.status, message: q.data.errorMessage },
        {
          actor: DMS,
          dmsCode: 1000,
          dmsMessage: q.data.errorMessage || null,
          paidAt: toMs(q.data.paidAt),
        },
      )
    }
  }
  await appendEvent(
    charge.id,
    {
      actor: DMS,
      type: 'close-failed',
      from: charge.status,
      to: charge.status,
      dmsCode: f.code,
      dmsMessage: f.message,
      detail: f.detail,
    },
    now,
  )
  const failures = charge.closeFailures + 1
  const retryAt = now + retryDelay(failures, env().dms.queryIntervalMs)
  await recordCloseFailure(charge.id, failures, retryAt)
  return { ...charge, closeFailures: failures, closeRetryAt: retryAt }
}
