import 'server-only'
import type { Kysely } from 'kysely'
import { getDb } from '@/lib/db'
import type { Database } from '@/lib/db/schema'
import type { PayWay } from '@/lib/dms/types'
import type { ChargeStatus } from '../status'
import { lateChangesOf, type LateEvent } from './late-fold'

export type { LateChange } from './late-fold'

/** Whose charges: a station's, or one cashier's at it (a handover's scope). */
export interface LateScope {
  stationId: string
  cashierId: string | null
}

/**
 * The charges created before `before` (earlier shifts, already in their own handover's totals as
 * they stood at its mark) whose money moved in the timeline span (after, through]: the previous
 * handover's mark to this one's. Each money move is so in exactly one handover: its own shift's
 * frozen totals when it happened before that 交班, else the late changes of the shift it happened in.
 */
export async function lateChanges(
  scope: LateScope,
  before: number,
  span: { after: number; through: number },
  db: Kysely<Database> = getDb(),
) {
  if (span.through <= span.after) return []
  const rows = await db
    .selectFrom('charge_events as e')
    .innerJoin('charges as c', 'c.id', 'e.charge_id')
    .innerJoin('users as u', 'u.id', 'c.cashier_id')
    .where('e.id', '>', span.after)
    .where('e.id', '<=', span.through)
    .where('e.to_status', 'is not', null)
    .where('c.station_id', '=', scope.stationId)
    .$if(scope.cashierId !== null, (b) => b.where('c.cashier_id', '=', scope.cashierId!))
    .where('c.created_at', '<', before)
    .select([
      'c.id',
      'c.bz_order',
      'c.amount_fen',
      'c.pay_way',
      'c.created_at',
      'u.display_name',
      'e.from_status',
      'e.to_status',
      'e.at',
    ])
    .orderBy('e.id')
    .execute()
  const events: LateEvent[] = rows.map((r) => ({
    charge: {
      id: r.id,
      bzOrder: r.bz_order,
      amountFen: Number(r.amount_fen),
      payWay: r.pay_way as PayWay,
      createdAt: Number(r.created_at),
      cashierName: r.display_name,
    },
    from: r.from_status,
    to: r.to_status as ChargeStatus,
    at: Number(r.at),
  }))
  return lateChangesOf(events)
}
