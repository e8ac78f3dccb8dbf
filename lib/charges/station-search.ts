import 'server-only'
import { dialectOf, getDb } from '@/lib/db'
import { chargeWhere } from './queries/where'
import { toCharge } from './rows'
import type { Charge } from './types'

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
  const q = text.trim().slice(0, 64)
  if (!q) return []
  const db = getDb()
  const rows = await db
    .selectFrom('charges')
    .selectAll()
    .where(
      chargeWhere(
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
        dialectOf(db),
      ),
    )
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toCharge)
}
