import 'server-only'
import type { Kysely } from 'kysely'
import { toCharge } from '@/lib/charges/rows'
import { OPEN_STATUSES, TERMINAL_STATUSES } from '@/lib/charges/status'
import type { Charge } from '@/lib/charges/types'
import { getDb } from '@/lib/db/connection'
import type { Database } from '@/lib/db/schema'
import { STALE_OPEN_MS, TERMINAL_WINDOW_MS } from './constants'

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
    db
      .selectFrom('charges')
      .selectAll()
      .where('station_id', '=', stationId)
      .where('status', 'in', [...OPEN_STATUSES])
      .where('expires_at', '>=', now - STALE_OPEN_MS)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('charges')
      .selectAll()
      .where('station_id', '=', stationId)
      .where('status', 'in', [...TERMINAL_STATUSES])
      .where('updated_at', '>=', now - TERMINAL_WINDOW_MS)
      .orderBy('updated_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ])
  if (ended && (!open || Number(ended.created_at) > Number(open.created_at))) return toCharge(ended)
  return open ? toCharge(open) : null
}
