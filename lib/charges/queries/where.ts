import 'server-only'
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { DialectName } from '@/lib/db/dialect'
import type { Database } from '@/lib/db/schema'
import type { ChargeQuery } from './filters'
import { searchMatch } from './search'

type Eb = ExpressionBuilder<Database, 'charges'>

/**
 * The filter as one WHERE expression over `charges`, shared by the list, the totals, the chart and
 * the export so that they always describe the same set. Columns are qualified: the list joins
 * stations and users, which have their own created_at. The dialect picks the search's index
 * (see search.ts): pass `dialectOf(db)` of the database the query runs on.
 */
export function chargeWhere(q: ChargeQuery, dialect: DialectName) {
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
    if (q.matchIds) {
      and.push(q.matchIds.length ? eb('charges.id', 'in', q.matchIds) : sql<SqlBool>`1 = 0`)
    } else if (q.q) and.push(searchMatch(eb, q.q, dialect))
    return eb.and(and)
  }
}
