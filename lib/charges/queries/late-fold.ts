import type { PayWay } from '@/lib/dms/types'
import type { ChargeStatus } from '../status'
import type { CountSum } from './totals'

/*
 * Late changes: a charge of an earlier shift whose money moved after that shift was handed over.
 * Pure and client-safe: the handover pages render these, the record keeps them as JSON.
 */

/** The charge as a late change lists it. */
export interface LateCharge {
  id: string
  bzOrder: string
  amountFen: number
  payWay: PayWay
  createdAt: number
  cashierName: string
}

export interface LateChange extends LateCharge {
  /** Its status when the span began (null: not in the ledger yet, so in no handover's totals). */
  from: ChargeStatus | null
  /** Its status when the span ended. */
  to: ChargeStatus
  /** When it got there. */
  at: number
  /** The money it moved in the span: + came in (paid), − went out (a counted payment refunded). */
  deltaFen: number
}

/** One status event of the span, oldest first, with its charge. */
export interface LateEvent {
  charge: LateCharge
  from: ChargeStatus | null
  to: ChargeStatus
  at: number
}

/** Money held for a status: only a paid charge's amount is in the totals handed over. */
const held = (status: ChargeStatus | null, fen: number) => (status === 'paid' ? fen : 0)

/**
 * Per charge, its status before its first event of the span and after its last; the charges whose
 * money changed between the two, in the order their last move happened. A charge changed and
 * changed back (paid, refunded and… never paid again) counts only its net: what the drawer holds.
 */
export function lateChangesOf(events: LateEvent[]): LateChange[] {
  const byCharge = new Map<string, { first: LateEvent; last: LateEvent }>()
  for (const e of events) {
    const seen = byCharge.get(e.charge.id)
    if (seen) seen.last = e
    else byCharge.set(e.charge.id, { first: e, last: e })
  }
  const changes: LateChange[] = []
  for (const { first, last } of byCharge.values()) {
    const fen = first.charge.amountFen
    const deltaFen = held(last.to, fen) - held(first.from, fen)
    if (deltaFen === 0) continue
    changes.push({ ...first.charge, from: first.from, to: last.to, at: last.at, deltaFen })
  }
  return changes.sort((a, b) => a.at - b.at)
}

export interface LateTotals {
  /** Payments that came in for earlier shifts' charges. */
  in: CountSum
  /** Counted payments that went back (refunds), as a positive sum. */
  out: CountSum
  /** in − out: what the late changes add to this shift's money. */
  netFen: number
}

export function lateTotals(changes: LateChange[]): LateTotals {
  const sum = (list: LateChange[]) => ({
    count: list.length,
    sumFen: list.reduce((s, c) => s + Math.abs(c.deltaFen), 0),
  })
  const incoming = sum(changes.filter((c) => c.deltaFen > 0))
  const outgoing = sum(changes.filter((c) => c.deltaFen < 0))
  return { in: incoming, out: outgoing, netFen: incoming.sumFen - outgoing.sumFen }
}
