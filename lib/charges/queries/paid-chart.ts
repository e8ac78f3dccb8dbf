import 'server-only'
import { sql, type Kysely } from 'kysely'
import { dialectOf, getDb, sumOf } from '@/lib/db'
import type { Database } from '@/lib/db/schema'
import { dailyPaid } from './daily'
import { addDays, BEIJING_OFFSET_MS, beijingDay, DAY_MS, dayStartMs } from '../beijing-day'
import type { ChargeQuery } from './filters'
import { chargeWhere } from './where'

/** One bar: a Beijing day (YYYY-MM-DD) or an hour of one day ('09'), and the paid fen in it. */
export interface ChartPoint {
  key: string
  fen: number
}

export interface PaidChart {
  /** One day is drawn by hour (a day is not one giant bar); several days by day. */
  unit: 'hour' | 'day'
  from: string
  to: string
  points: ChartPoint[]
}

/*
 * The hour within the Beijing day, by integer arithmetic on non-negative integers (same on SQLite and
 * PostgreSQL); literals so PostgreSQL matches the SELECT and GROUP BY expressions.
 */
const hour = sql<number>`((${sql.ref('charges.created_at')} + ${sql.lit(BEIJING_OFFSET_MS)}) % ${sql.lit(DAY_MS)}) / ${sql.lit(3_600_000)}`

/** Paid amounts per hour of one Beijing day, all 24 hours present. */
export async function hourlyPaid(
  q: ChargeQuery,
  day: string,
  db: Kysely<Database> = getDb(),
): Promise<ChartPoint[]> {
  const rows = await db
    .selectFrom('charges')
    .where(chargeWhere(q, dialectOf(db)))
    .where('charges.status', '=', 'paid')
    .where('charges.created_at', '>=', dayStartMs(day))
    .where('charges.created_at', '<', dayStartMs(addDays(day, 1)))
    .select([hour.as('hour'), sumOf('charges.amount_fen').as('sum_fen')])
    .groupBy(hour)
    .execute()
  const byHour = new Map(rows.map((r) => [Number(r.hour), Number(r.sum_fen)]))
  return Array.from({ length: 24 }, (_, h) => ({
    key: String(h).padStart(2, '0'),
    fen: byHour.get(h) ?? 0,
  }))
}

/** The chart of a filter: by hour when it covers one day, else by day (see dailyPaid). */
export async function paidChart(
  q: ChargeQuery,
  days: { from: string | null; to: string | null },
  now: number,
  db: Kysely<Database> = getDb(),
): Promise<PaidChart> {
  const oneDay = days.from !== null && days.from === (days.to ?? beijingDay(now))
  if (oneDay) {
    const day = days.from!
    return { unit: 'hour', from: day, to: day, points: await hourlyPaid(q, day, db) }
  }
  const daily = await dailyPaid(q, days, now, db)
  return {
    unit: 'day',
    from: daily.from,
    to: daily.to,
    points: daily.points.map((p) => ({ key: p.day, fen: p.fen })),
  }
}
