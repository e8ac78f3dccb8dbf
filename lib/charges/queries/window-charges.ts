import 'server-only'
import type { Kysely } from 'kysely'
import type { ChargeQuery } from './filters'
import { chargeWhere } from './where'
import type { ChargeStatus } from '../status'
import { dialectOf, getDb } from '@/lib/db'
import type { Database } from '@/lib/db/schema'
import type { PayWay } from '@/lib/dms/types'

export interface HandoverCharge {
  id: string
  bzOrder: string
  amountFen: number
  payWay: PayWay
  status: ChargeStatus
  createdAt: number
  cashierName: string
}

/** A shift is a few hundred charges at most; past this the page says the list is cut. */
export const WINDOW_LIST_LIMIT = 500

/** The window's charges, oldest first, as the shift went (the same WHERE as the totals). */
export async function windowCharges(
  q: ChargeQuery,
  db: Kysely<Database> = getDb(),
): Promise<HandoverCharge[]> {
  const rows = await db
    .selectFrom('charges')
    .innerJoin('users', 'users.id', 'charges.cashier_id')
    .where(chargeWhere(q, dialectOf(db)))
    .select([
      'charges.id',
      'charges.bz_order',
      'charges.amount_fen',
      'charges.pay_way',
      'charges.status',
      'charges.created_at',
      'users.display_name',
    ])
    .orderBy('charges.created_at', 'asc')
    .orderBy('charges.id', 'asc')
    .limit(WINDOW_LIST_LIMIT)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    bzOrder: r.bz_order,
    amountFen: Number(r.amount_fen),
    payWay: r.pay_way as PayWay,
    status: r.status,
    createdAt: Number(r.created_at),
    cashierName: r.display_name,
  }))
}
