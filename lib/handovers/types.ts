import type { LateChange } from '@/lib/charges/queries/late-fold'
import type { ChargeTotals } from '@/lib/charges/queries/totals'

/*
 * 交班 (handover): the shift of one station, or of one cashier at it, since its last handover.
 * Client-safe types: the page and its print view render these.
 */

export interface HandoverScope {
  stationId: string
  /** null: the whole station (a manager closing the day). */
  cashierId: string | null
}

export interface HandoverWindow {
  /** Epoch ms, inclusive: the previous handover's end, or the start of today in Beijing. */
  from: number
  /** Epoch ms, exclusive: when the page was opened (the handover freezes exactly this window). */
  to: number
  /** Whether `from` is the previous handover's end (false: no handover yet, today's start). */
  continuesLast: boolean
  /**
   * The previous handover's timeline mark (its events_through), where this shift's late changes
   * begin; null with no previous handover (earlier charges were in no handover of the scope).
   */
  lastMark: number | null
}

export interface Handover {
  id: string
  stationId: string
  stationName: string
  cashierId: string | null
  cashierName: string | null
  windowFrom: number
  windowTo: number
  handedBy: string
  handedByName: string
  createdAt: number
  paidCount: number
  paidFen: number
  totals: ChargeTotals
  /** The last charge event when the totals were read: the rows' statuses at 交班 (window-as-at.ts). */
  eventsThrough: number
  /** Earlier shifts' charges whose money moved during this one, frozen at 交班 (late-fold.ts). */
  lateChanges: LateChange[]
}

export type HandoverErrorCode = 'open-charges' | 'window-moved' | 'unknown-station'

export class HandoverError extends Error {
  constructor(
    readonly code: HandoverErrorCode,
    readonly openCount = 0,
  ) {
    super(code)
  }
}
