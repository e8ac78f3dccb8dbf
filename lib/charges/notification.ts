import 'server-only'
import { parseNotification, verifyNotificationSignature } from '@/lib/dms/notify'
import { env } from '@/lib/env'
import { firstSighting } from './notification-ids'
import { refreshCharge } from './refresh'
import { findAttemptlessByBill, findByBizOrderNo } from './repo'

export type NotificationOutcome =
  'accepted' | 'duplicate' | 'bad-signature' | 'malformed' | 'unknown-order'

/**
 * A DMS result notification is only a hint to query sooner: it can come late, twice, out of order or
 * forged, so it never changes a charge by itself. The query it triggers does, idempotently, at once
 * (refresh.ts `notified`: the screens see a notified payment within a query's round trip), and
 * that query starts a new interval for the periodic checks. A notification seen before (its
 * notifyId) triggers nothing at all.
 */
export async function receiveNotification(
  rawBody: string,
  signature: string | null,
): Promise<NotificationOutcome> {
  const secret = env().dms.notifySecret
  if (!secret || !signature || !verifyNotificationSignature(rawBody, signature, secret)) {
    return 'bad-signature'
  }
  const note = parseNotification(rawBody)
  if (!note) return 'malformed'
  if (note.notifyId && !(await firstSighting(note.notifyId))) return 'duplicate'
  // A charge whose create went unanswered (then maybe settled by hand) may not know its attempt id:
  // matched by its bill, if it is the charge that may have made the bill's latest attempt.
  const charge =
    (await findByBizOrderNo(note.bizOrderNo)) ??
    (note.bzOrder ? await findAttemptlessByBill(note.bzOrder) : null)
  if (!charge) return 'unknown-order'
  // `settled`: a refund (or a late payment) is news about a charge that has already settled.
  void refreshCharge(charge.id, { force: true, settled: true, notified: true }).catch((error) =>
    console.error(`notify: charge ${charge.id} could not be refreshed`, error),
  )
  return 'accepted'
}
