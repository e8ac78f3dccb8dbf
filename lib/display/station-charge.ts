import 'server-only'
import { sql, type Kysely } from 'kysely'
import { toCharge } from '@/lib/charges/rows'
import { OPEN_STATUSES, TERMINAL_STATUSES } from '@/lib/charges/status'
import type { Charge } from '@/lib/charges/types'
import { getDb } from '@/lib/db/connection'
import { preparedRead } from '@/lib/db/prepared-read'
import type { Database } from '@/lib/db/schema'
import { MAX_CASHIER_TIMEOUT_SEC } from '@/lib/settings/schema'
import { STALE_OPEN_MS, TERMINAL_WINDOW_MS } from './constants'

// A bound LIMIT (`limit ?`, Kysely's default) costs SQLite about 15 µs a run here; a literal does not.
const ONE = sql.lit(1)

/*
 * Both run on every tablet poll (prepared reads), and both must stay cheap on a station with years
 * of charges, most often when there is nothing to show. An open charge's deadline is at most
 * MAX_CASHIER_TIMEOUT_SEC after its creation, so the bound on created_at (implied by the one on
 * expires_at) keeps the walk of the (station, created_at) index to the last hour or so; the ended
 * one walks the (station, updated_at) index from `notBefore` (migration 0005).
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

/**
 * The one charge a station's tablet shows: the newest open charge of the station, unless a newer
 * one has just ended (within TERMINAL_WINDOW_MS), so "paid" / "closed" get their moment. An open
 * charge long past its deadline (STALE_OPEN_MS) no longer counts: its outcome is settled in the
 * background, and the customer it was for has gone. Null: the idle screen.
 */
export async function findDisplayCharge(
  stationId: string,
  now: number,
  db: Kysely<Database> = getDb(),
): Promise<Charge | null> {
  const [open, ended] = await Promise.all([
    openOfStation(
      db,
      stationId,
      now - STALE_OPEN_MS,
      now - STALE_OPEN_MS - MAX_CASHIER_TIMEOUT_SEC * 1000,
    ),
    endedOfStation(db, stationId, now - TERMINAL_WINDOW_MS),
  ])
  if (ended && (!open || Number(ended.created_at) > Number(open.created_at))) return toCharge(ended)
  return open ? toCharge(open) : null
}
