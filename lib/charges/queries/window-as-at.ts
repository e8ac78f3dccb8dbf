import 'server-only'
import type { Kysely } from 'kysely'
import type { ChargeQuery } from './filters'
import { windowCharges, type HandoverCharge } from './window-charges'
import type { ChargeStatus } from '../status'
import { getDb } from '@/lib/db'
import type { Database } from '@/lib/db/schema'

/*
 * A recorded handover's charges as they stood at 交班, read from the ledger's own timeline: each
 * status change wrote an event (from → to) in the transaction that made it, and the handover kept
 * the last event id of the moment its totals were read (timelineMark in repo-events.ts). So the
 * status then is the `from` of the first status event past the mark, or, with none, the status now.
 */

/** Where a charge's status went after the handover: the status now, and when it got there. */
export interface LaterStatus {
  status: ChargeStatus
  at: number
}

/** A charge of a recorded window: `status` as at 交班; `later` set when it is not the status now. */
export interface RecordedCharge extends HandoverCharge {
  later: LaterStatus | null
}

/** A status event written after the mark, oldest first. */
export interface LaterEvent {
  from: ChargeStatus | null
  to: ChargeStatus
  at: number
}

/**
 * The charge as at the mark, given its status events past it (oldest first). Null: its first event
 * is its creation, so it was not in the ledger at 交班 and not in the totals. Pure.
 */
export function chargeAsAt(charge: HandoverCharge, after: LaterEvent[]): RecordedCharge | null {
  const first = after[0]
  if (!first) return { ...charge, later: null }
  if (first.from === null) return null
  const last = after[after.length - 1]!
  // Changed and changed back: the row already agrees with the status now; nothing to tell.
  const later = first.from === charge.status ? null : { status: charge.status, at: last.at }
  return { ...charge, status: first.from, later }
}

/** The window's charges (windowCharges: the same WHERE, order and cut), each as at the mark. */
export async function windowChargesAsAt(
  q: ChargeQuery,
  eventsThrough: number,
  db: Kysely<Database> = getDb(),
): Promise<RecordedCharge[]> {
  const charges = await windowCharges(q, db)
  if (charges.length === 0) return []
  const rows = await db
    .selectFrom('charge_events')
    .select(['charge_id', 'from_status', 'to_status', 'at'])
    .where('id', '>', eventsThrough)
    .where('to_status', 'is not', null)
    .where(
      'charge_id',
      'in',
      charges.map((c) => c.id),
    )
    .orderBy('id')
    .execute()
  const after = new Map<string, LaterEvent[]>()
  for (const r of rows) {
    const list = after.get(r.charge_id) ?? []
    list.push({ from: r.from_status, to: r.to_status!, at: Number(r.at) })
    after.set(r.charge_id, list)
  }
  return charges.flatMap((c) => chargeAsAt(c, after.get(c.id) ?? []) ?? [])
}
