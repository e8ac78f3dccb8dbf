import type { Kysely } from 'kysely'
import { newId } from '@/lib/db/ids'
import type { Database, NewChargeRow } from '@/lib/db/schema'

/** Rows inserted directly, for suites that need a user or a station to hang charges on. */

export async function insertUser(db: Kysely<Database>, username = `u${newId().slice(0, 8)}`) {
  const now = Date.now()
  const id = newId()
  await db
    .insertInto('users')
    .values({
      id,
      username,
      display_name: username,
      password_hash: 'x',
      role: 'cashier',
      created_at: now,
      updated_at: now,
    })
    .execute()
  return id
}

export async function insertStation(db: Kysely<Database>, name = `s${newId().slice(0, 8)}`) {
  const now = Date.now()
  const id = newId()
  await db
    .insertInto('stations')
    .values({ id, name, payer_id: null, reciever_id: null, created_at: now, updated_at: now })
    .execute()
  return id
}

/** A charge row that is open (creating) on `bill`. */
export function openCharge(
  refs: { stationId: string; cashierId: string },
  bill: string,
  over: Partial<NewChargeRow> = {},
): NewChargeRow {
  const now = Date.now()
  return {
    id: newId(),
    bz_order: bill,
    amount_fen: 12850,
    pay_way: 'SCAN_WEIXIN',
    station_id: refs.stationId,
    cashier_id: refs.cashierId,
    payer_id: '1000000000000000001',
    reciever_id: '2000000000000000002',
    status: 'creating',
    open_bill: bill,
    expires_at: now + 300_000,
    created_at: now,
    updated_at: now,
    ...over,
  }
}
