import 'server-only'
import { sql, type Kysely } from 'kysely'
import { countAll, dialectOf, getDb, sumOf } from '@/lib/db'
import { preparedRead } from '@/lib/db/prepared-read'
import type { Database } from '@/lib/db/schema'
import { beijingDayStart } from './beijing-day'
import { halfWidthBill } from './bill-number'
import { resolveSearch } from './queries/search'
import { chargeWhere } from './queries/where'
import { toCharge } from './rows'
import { OPEN_STATUSES, TERMINAL_STATUSES } from './status'
import type { Charge } from './types'

/*
 * A station's charges as its screens read them (part of the charges table's owner, with repo.ts):
 * the cashier's today list and bill search, and the candidates for the one charge its customer
 * tablet shows (lib/display decides which).
 */

export async function listStationCharges(stationId: string, since: number, limit = 200) {
  const rows = await getDb()
    .selectFrom('charges')
    .selectAll()
    .where('station_id', '=', stationId)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toCharge)
}

/** The station's charges since midnight, Beijing time. */
export function listStationChargesToday(stationId: string, limit = 200) {
  return listStationCharges(stationId, beijingDayStart(Date.now()), limit)
}

/**
 * The station's payments since midnight, Beijing time: how many and how much. The today list's
 * total: the list carries the newest 200 charges only, and a busy day has more. Counted by when
 * the money came (paid_at, set on every move to paid: apply.ts), not when the charge was made: a
 * charge made at 23:59 and paid at 00:01 was in neither day's figure, yesterday's being read at
 * the shift's end before it was paid.
 */
export async function stationPaidToday(stationId: string): Promise<{ count: number; fen: number }> {
  const row = await getDb()
    .selectFrom('charges')
    .select([countAll().as('count'), sumOf('amount_fen').as('fen')])
    .where('station_id', '=', stationId)
    .where('status', '=', 'paid')
    .where('paid_at', '>=', beijingDayStart(Date.now()))
    .executeTakeFirstOrThrow()
  return { count: Number(row.count), fen: Number(row.fen) }
}

/** How far back a cashier can look up the station's bills. */
export const STATION_SEARCH_DAYS = 30

/**
 * The station's charges of the last 30 days matching `text` (any part of the bill number, or a DMS
 * id), newest first: how a cashier re-opens yesterday's bill. The match is the manager list's own
 * (queries/search.ts): 3 characters or more anywhere in a number, fewer the whole number.
 */
export async function searchStationCharges(
  stationId: string,
  text: string,
  now = Date.now(),
  limit = 50,
): Promise<Charge[]> {
  // Read as the charge form reads a bill: typed full-width (a Chinese input method), it is stored
  // half-width, and the search would otherwise find nothing.
  const q = halfWidthBill(text.trim()).slice(0, 64)
  if (!q) return []
  const db = getDb()
  // Looked up once as the manager's list does (resolveSearch): by its selective parts, then by key.
  const query = await resolveSearch(
    {
      q,
      stationId,
      createdFrom: now - STATION_SEARCH_DAYS * 86_400_000,
      createdBefore: null,
      statuses: [],
      payWays: [],
      cashierId: null,
      minFen: null,
      maxFen: null,
    },
    db,
  )
  const rows = await db
    .selectFrom('charges')
    .selectAll()
    .where(chargeWhere(query, dialectOf(db)))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toCharge)
}

// A bound LIMIT (`limit ?`, Kysely's default) costs SQLite about 15 µs a run here; a literal does not.
const ONE = sql.lit(1)

/*
 * Both run on every tablet poll (prepared reads), and both must stay cheap on a station with years
 * of charges, most often when there is nothing to show. The bound on created_at (implied by the one
 * on expires_at, an open charge's deadline being at most MAX_CASHIER_TIMEOUT_SEC after its creation)
 * keeps the walk of the (station, created_at) index to the last hour or so; the ended one walks the
 * (station, updated_at) index from `notBefore` (migration 0005).
 */
const openOfStation = preparedRead(
  (db, stationId: string, notBefore: number, createdSince: number) =>
    db
      .selectFrom('charges')
      .selectAll()
      .where('station_id', '=', stationId)
      .where('created_at', '>=', createdSince)
      .where('status', 'in', [...OPEN_STATUSES])
      .where('expires_at', '>=', notBefore)
      .orderBy('created_at', 'desc')
      .limit(ONE),
)
const endedOfStation = preparedRead((db, stationId: string, notBefore: number) =>
  db
    .selectFrom('charges')
    .selectAll()
    .where('station_id', '=', stationId)
    .where('status', 'in', [...TERMINAL_STATUSES])
    .where('updated_at', '>=', notBefore)
    .orderBy('updated_at', 'desc')
    .limit(ONE),
)

/** The station's newest open charge whose deadline is not before `notBefore`, created since `createdSince`. */
export async function newestOpenOfStation(
  stationId: string,
  notBefore: number,
  createdSince: number,
  db: Kysely<Database> = getDb(),
): Promise<Charge | null> {
  const row = await openOfStation(db, stationId, notBefore, createdSince)
  return row ? toCharge(row) : null
}

/** The station's charge that ended last, if it ended at `notBefore` or later. */
export async function newestEndedOfStation(
  stationId: string,
  notBefore: number,
  db: Kysely<Database> = getDb(),
): Promise<Charge | null> {
  const row = await endedOfStation(db, stationId, notBefore)
  return row ? toCharge(row) : null
}
