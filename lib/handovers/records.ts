import 'server-only'
import type { Kysely } from 'kysely'
import type { LateChange } from '@/lib/charges/queries/late-fold'
import type { ChargeTotals } from '@/lib/charges/queries/totals'
import { getDb } from '@/lib/db'
import type { Database } from '@/lib/db/schema'
import type { HandoverCursor } from './cursor'
import type { Handover } from './types'

/*
 * Recorded handovers as the pages read them: 交班记录 a page at a time, newest first, and one
 * record on its own page. repo.ts writes them.
 */

/** 交班记录's page: a shop with three shifts a day fills it in about a month. */
export const HISTORY_PAGE_SIZE = 100

/** The handovers with their station's and people's names, as the pages show them. */
function handoverRows(db: Kysely<Database>) {
  return db
    .selectFrom('handovers')
    .innerJoin('stations', 'stations.id', 'handovers.station_id')
    .leftJoin('users', 'users.id', 'handovers.cashier_key')
    .leftJoin('users as by', 'by.id', 'handovers.handed_by')
    .select([
      'handovers.id',
      'handovers.station_id',
      'stations.name as station_name',
      'handovers.cashier_key',
      'users.display_name as cashier_name',
      'handovers.window_from',
      'handovers.window_to',
      'handovers.handed_by',
      'handovers.handed_by_name',
      'by.display_name as handed_by_display',
      'handovers.created_at',
      'handovers.paid_count',
      'handovers.paid_fen',
      'handovers.totals',
      'handovers.events_through',
      'handovers.late_changes',
    ])
}

type HandoverRow = Awaited<ReturnType<ReturnType<typeof handoverRows>['executeTakeFirstOrThrow']>>

function toHandover(r: HandoverRow): Handover {
  return {
    id: r.id,
    stationId: r.station_id,
    stationName: r.station_name,
    cashierId: r.cashier_key === '' ? null : r.cashier_key,
    cashierName: r.cashier_name,
    windowFrom: Number(r.window_from),
    windowTo: Number(r.window_to),
    handedBy: r.handed_by,
    // The name people know them by; the username recorded at the time if the user is gone.
    handedByName: r.handed_by_display ?? r.handed_by_name,
    createdAt: Number(r.created_at),
    paidCount: Number(r.paid_count),
    paidFen: Number(r.paid_fen),
    totals: JSON.parse(r.totals) as ChargeTotals,
    eventsThrough: Number(r.events_through),
    lateChanges: JSON.parse(r.late_changes) as LateChange[],
  }
}

export interface HandoverPage {
  handovers: Handover[]
  /** Where the next, older page starts; null when this page reaches the first record. */
  older: HandoverCursor | null
}

/**
 * Past handovers, newest first (managers browse them), a page at a time: those recorded before
 * `before` (a previous page's `older`), or the newest without it.
 */
export async function listHandovers(
  opts: { stationId?: string | null; before?: HandoverCursor | null; limit?: number } = {},
  db: Kysely<Database> = getDb(),
): Promise<HandoverPage> {
  const limit = opts.limit ?? HISTORY_PAGE_SIZE
  const before = opts.before ?? null
  const rows = await handoverRows(db)
    .$if(Boolean(opts.stationId), (b) => b.where('handovers.station_id', '=', opts.stationId!))
    .$if(before !== null, (b) =>
      b.where((eb) =>
        eb.or([
          eb('handovers.created_at', '<', before!.at),
          eb.and([
            eb('handovers.created_at', '=', before!.at),
            eb('handovers.id', '<', before!.id),
          ]),
        ]),
      ),
    )
    .orderBy('handovers.created_at', 'desc')
    .orderBy('handovers.id', 'desc')
    // One more than the page: whether there is an older page, without counting them all.
    .limit(limit + 1)
    .execute()
  const handovers = rows.slice(0, limit).map(toHandover)
  const last = handovers.at(-1)
  return {
    handovers,
    older: rows.length > limit && last ? { at: last.createdAt, id: last.id } : null,
  }
}

/** One recorded handover (its own page, printable), or null. */
export async function getHandover(
  id: string,
  db: Kysely<Database> = getDb(),
): Promise<Handover | null> {
  const row = await handoverRows(db).where('handovers.id', '=', id).executeTakeFirst()
  return row ? toHandover(row) : null
}
