import 'server-only'
import type { Kysely } from 'kysely'
import { recordAuditBy } from '@/lib/audit/repo'
import type { AuditActor } from '@/lib/audit/types'
import { beijingDayStart } from '@/lib/charges/beijing-day'
import { beijingTimeText } from '@/lib/charges/queries/csv-cells'
import { fenToYuanText } from '@/lib/money'
import { timelineMark } from '@/lib/charges/repo-events'
import { lateChanges } from '@/lib/charges/queries/late-changes'
import type { LateChange } from '@/lib/charges/queries/late-fold'
import { chargeTotals, openChargeCount } from '@/lib/charges/queries/totals'
import type { ChargeQuery } from '@/lib/charges/queries/filters'
import { getDb } from '@/lib/db'
import { isUniqueViolation } from '@/lib/db/errors'
import { newId } from '@/lib/db/ids'
import type { Database } from '@/lib/db/schema'
import { inTransaction } from '@/lib/db/transaction'
import { shiftTaken } from './taken'
import { HandoverError, type Handover, type HandoverScope, type HandoverWindow } from './types'

const cashierKey = (scope: HandoverScope) => scope.cashierId ?? ''

/** The charges a handover covers: created in the window, at the station (by the cashier). */
export function windowQuery(
  scope: HandoverScope,
  window: { from: number; to: number },
): ChargeQuery {
  return {
    statuses: [],
    payWays: [],
    stationId: scope.stationId,
    cashierId: scope.cashierId,
    minFen: null,
    maxFen: null,
    q: null,
    createdFrom: window.from,
    createdBefore: window.to,
  }
}

/** The open window of a scope: from the end of its last handover (or today's start) until `now`. */
export async function openWindow(
  scope: HandoverScope,
  now: number = Date.now(),
  db: Kysely<Database> = getDb(),
): Promise<HandoverWindow> {
  const last = await db
    .selectFrom('handovers')
    .select(['window_to', 'events_through'])
    .where('station_id', '=', scope.stationId)
    .where('cashier_key', '=', cashierKey(scope))
    .orderBy('window_to', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (last) {
    const lastMark = Number(last.events_through)
    return { from: Number(last.window_to), to: now, continuesLast: true, lastMark }
  }
  return { from: beijingDayStart(now), to: now, continuesLast: false, lastMark: null }
}

/**
 * The late changes of an open window up to the timeline mark `through` (by default, everything so
 * far: the open page): earlier shifts' charges whose money moved since the previous handover's
 * mark. None without a previous handover.
 */
export async function windowLateChanges(
  scope: HandoverScope,
  window: HandoverWindow,
  through: number = Number.MAX_SAFE_INTEGER,
  db: Kysely<Database> = getDb(),
): Promise<LateChange[]> {
  if (window.lastMark === null) return []
  return lateChanges(scope, window.from, { after: window.lastMark, through }, db)
}

/**
 * Records the handover of [from, to) with its totals frozen. `from` must still be the scope's open
 * window start (else someone handed over meanwhile: the page is stale), and no charge of the window
 * may be open. The audit entry is part of the same transaction.
 */
export async function recordHandover(
  input: { scope: HandoverScope; from: number; to: number; actor: AuditActor },
  db: Kysely<Database> = getDb(),
): Promise<Handover> {
  const { scope, from, to, actor } = input
  try {
    return await inTransaction(db, async (tx) => {
      const station = await tx
        .selectFrom('stations')
        .select('name')
        .where('id', '=', scope.stationId)
        .executeTakeFirst()
      if (!station) throw new HandoverError('unknown-station')
      const window = await openWindow(scope, to, tx)
      if (window.from !== from || to <= from) throw new HandoverError('window-moved')
      // Taken before the totals are read, in their transaction: the rows' side of the same moment.
      const eventsThrough = await timelineMark(tx)
      const q = windowQuery(scope, { from, to })
      const open = await openChargeCount(q, tx)
      if (open > 0) throw new HandoverError('open-charges', open)
      const totals = await chargeTotals(q, tx)
      const late = await windowLateChanges(scope, window, eventsThrough, tx)
      const taken = shiftTaken(totals.paid.sumFen, late)
      const row = {
        id: newId(),
        station_id: scope.stationId,
        cashier_key: cashierKey(scope),
        window_from: from,
        window_to: to,
        handed_by: actor.id ?? '',
        handed_by_name: actor.name,
        created_at: Date.now(),
        paid_count: totals.paid.count,
        paid_fen: totals.paid.sumFen,
        totals: JSON.stringify(totals),
        events_through: eventsThrough,
        late_changes: JSON.stringify(late),
      }
      await tx.insertInto('handovers').values(row).execute()
      await recordAuditBy(
        actor,
        {
          action: 'handover.record',
          target: `station:${scope.stationId}`,
          // In words a reader of the log understands: Beijing times and yuan.
          detail: {
            cashierId: scope.cashierId,
            windowFrom: beijingTimeText(from),
            windowTo: beijingTimeText(to),
            paidCount: totals.paid.count,
            paidYuan: fenToYuanText(totals.paid.sumFen),
            // With earlier shifts' money moved in it, what the shift took (本班实收) and that net.
            ...(taken.lateNetFen === null
              ? {}
              : {
                  lateNetYuan: fenToYuanText(taken.lateNetFen),
                  takenYuan: fenToYuanText(taken.takenFen),
                }),
          },
        },
        tx,
      )
      return {
        id: row.id,
        stationId: row.station_id,
        stationName: station.name,
        cashierId: scope.cashierId,
        cashierName: null,
        windowFrom: from,
        windowTo: to,
        handedBy: row.handed_by,
        handedByName: row.handed_by_name,
        createdAt: row.created_at,
        paidCount: row.paid_count,
        paidFen: row.paid_fen,
        totals,
        eventsThrough,
        lateChanges: late,
      }
    })
  } catch (err) {
    // Two handovers of the same window at once: the UNIQUE index lets one through.
    if (isUniqueViolation(err)) throw new HandoverError('window-moved')
    throw err
  }
}
