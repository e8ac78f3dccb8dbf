import 'server-only'
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { Database } from '@/lib/db/schema'
import type { ChargeQuery } from './filters'

type Eb = ExpressionBuilder<Database, 'charges'>

/** LIKE treats % and _ as wildcards; a bill number containing them must match them literally. */
export function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * The filter as one WHERE expression over `charges`, shared by the list, the totals, the chart and
 * the export so that they always describe the same set. Columns are qualified: the list joins
 * stations and users, which have their own created_at.
 */
export function chargeWhere(q: ChargeQuery) {
  return (eb: Eb): Expression<SqlBool> => {
    const and: Expression<SqlBool>[] = []
    if (q.createdFrom !== null) and.push(eb('charges.created_at', '>=', q.createdFrom))
    if (q.createdBefore !== null) and.push(eb('charges.created_at', '<', q.createdBefore))
    if (q.statuses.length > 0) and.push(eb('charges.status', 'in', q.statuses))
    if (q.payWays.length > 0) and.push(eb('charges.pay_way', 'in', q.payWays))
    if (q.stationId) and.push(eb('charges.station_id', '=', q.stationId))
    if (q.cashierId) and.push(eb('charges.cashier_id', '=', q.cashierId))
    if (q.minFen !== null) and.push(eb('charges.amount_fen', '>=', q.minFen))
    if (q.maxFen !== null) and.push(eb('charges.amount_fen', '<=', q.maxFen))
    if (q.q) {
      // DMS ids are matched exactly (they are pasted whole); bill numbers by any part, any case.
      // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
      and.push(
        eb.or([
          eb('charges.biz_order_no', '=', q.q),
          eb('charges.order_no', '=', q.q),
          sql<SqlBool>`lower(${eb.ref('charges.bz_order')}) like ${likeContains(q.q)} escape '\\'`,
        ]),
      )
    }
    return eb.and(and)
  }
}
