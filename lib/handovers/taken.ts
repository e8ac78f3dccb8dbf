import { lateTotals, type LateChange } from '@/lib/charges/queries/late-fold'

/*
 * 本班实收: the money a shift's drawer took. Its own window's paid sum, plus the net of earlier
 * shifts' charges whose money moved during it (late-fold.ts). One home for the sum, which the
 * handover pages, the history list and the audit entry all show. Pure and client-safe.
 */

export interface ShiftTaken {
  /** The window's own charges' paid sum (the record's paid_fen). */
  paidFen: number
  /** The late changes' net (+ in, − out); null when there were none (nothing else to show). */
  lateNetFen: number | null
  /** paidFen plus the late net: what the shift actually took in. */
  takenFen: number
}

export function shiftTaken(paidFen: number, late: LateChange[]): ShiftTaken {
  const lateNetFen = late.length > 0 ? lateTotals(late).netFen : null
  return { paidFen, lateNetFen, takenFen: paidFen + (lateNetFen ?? 0) }
}
