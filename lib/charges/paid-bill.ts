import 'server-only'
import { getDb } from '@/lib/db'
import { toCharge } from './rows'
import type { Charge } from './types'

/**
 * The ledger's paid charge of a bill, if any (the latest). Looked up before a new charge is recorded,
 * so a bill already paid never reaches DMS; a refunded bill may be charged again, like at DMS.
 */
export async function findPaidByBill(bzOrder: string): Promise<Charge | null> {
  const row = await getDb()
    .selectFrom('charges')
    .selectAll()
    .where('bz_order', '=', bzOrder)
    .where('status', '=', 'paid')
    .orderBy('paid_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? toCharge(row) : null
}
