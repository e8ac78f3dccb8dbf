import 'server-only'
import type { Kysely } from 'kysely'
import { getDb } from '@/lib/db'
import type { Database } from '@/lib/db/schema'
import { toCharge, toChargeEvent } from '../rows'
import type { Charge, ChargeEvent } from '../types'

export interface ChargeDetail {
  charge: Charge
  stationName: string | null
  cashierName: string | null
  /** The full timeline, oldest first. */
  events: ChargeEvent[]
}

/** One charge with the names a manager reads and its whole timeline. */
export async function getChargeDetail(
  id: string,
  db: Kysely<Database> = getDb(),
): Promise<ChargeDetail | null> {
  const row = await db
    .selectFrom('charges')
    .leftJoin('stations', 'stations.id', 'charges.station_id')
    .leftJoin('users', 'users.id', 'charges.cashier_id')
    .selectAll('charges')
    .select(['stations.name as station_name', 'users.display_name as cashier_name'])
    .where('charges.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  const { station_name, cashier_name, ...charge } = row
  const events = await db
    .selectFrom('charge_events')
    .selectAll()
    .where('charge_id', '=', id)
    .orderBy('id')
    .execute()
  return {
    charge: toCharge(charge),
    stationName: station_name,
    cashierName: cashier_name,
    events: events.map(toChargeEvent),
  }
}
