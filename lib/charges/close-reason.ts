import type { Charge } from './types'

/*
 * Why a closed charge was closed, from what the charge keeps. Pure and client-safe: the staff
 * screens' view (view.ts), the manager's detail and the tablet's view (lib/display/view.ts) all
 * read it here, so they say a close the same way.
 */

export type CloseReason = 'cancelled' | 'timeout' | 'qr-never-received' | 'dms' | 'settled'

export function closeReason(
  charge: Pick<
    Charge,
    | 'status'
    | 'settledOutcome'
    | 'cancelRequestedAt'
    | 'cancelRequestedBy'
    | 'expiresAt'
    | 'payInfo'
  >,
): CloseReason | null {
  if (charge.status !== 'closed') return null
  if (charge.settledOutcome === 'not-charged') return 'settled' // a manager, DMS being unreachable
  if (charge.cancelRequestedAt === null) return 'dms' // DMS closed or expired it by itself
  // Only a person's cancel records who asked (apply.ts; migration 0018 for older charges).
  if (charge.cancelRequestedBy !== null) return 'cancelled'
  // The cashier's own close: its timeout, or a lost create's attempt, found by a query, closed
  // because no QR reached the counter (reconcile-unknown.ts). A QR is stored only from a create's
  // answer (create.ts), so no QR content means the latter, however late DMS was reached: told by
  // the time alone, a reconcile after the deadline read "expired".
  if (charge.payInfo === null) return 'qr-never-received'
  return charge.cancelRequestedAt >= charge.expiresAt ? 'timeout' : 'qr-never-received'
}
