import 'server-only'
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Database } from '@/lib/db/schema'
import { BEIJING_OFFSET_MS, beijingDayNumber, DAY_MS } from '../beijing-day'
import type { ChargeQuery } from './filters'

/*
 * When a filter can be answered from charge_day_totals (migration 0013) instead of the charges:
 * whole Beijing days, by status, pay way, station and cashier. A search or an amount range needs
 * each charge; a handover's window starts mid-day; those read `charges` as before. Both paths fold
 * into the same totals, and the suites check them against each other.
 */

const wholeDay = (at: number | null) => at === null || (at + BEIJING_OFFSET_MS) % DAY_MS === 0

/** Whether the totals and the daily chart of `q` can be read per day. */
export function byWholeDays(q: ChargeQuery): boolean {
  return (
    !q.q &&
    q.minFen === null &&
    q.maxFen === null &&
    wholeDay(q.createdFrom) &&
    wholeDay(q.createdBefore)
  )
}

type Eb = ExpressionBuilder<Database, 'charge_day_totals'>

/** The filter over charge_day_totals; only for a `q` that byWholeDays accepts. */
export function dayTotalsWhere(q: ChargeQuery, days?: { from: number; before: number }) {
  return (eb: Eb): Expression<SqlBool> => {
    const and: Expression<SqlBool>[] = []
    const from = days?.from ?? q.createdFrom
    const before = days?.before ?? q.createdBefore
    if (from !== null) and.push(eb('day', '>=', beijingDayNumber(from)))
    if (before !== null) and.push(eb('day', '<', beijingDayNumber(before)))
    if (q.statuses.length > 0) and.push(eb('status', 'in', q.statuses))
    if (q.payWays.length > 0) and.push(eb('pay_way', 'in', q.payWays))
    if (q.stationId) and.push(eb('station_id', '=', q.stationId))
    if (q.cashierId) and.push(eb('cashier_id', '=', q.cashierId))
    return eb.and(and)
  }
}
