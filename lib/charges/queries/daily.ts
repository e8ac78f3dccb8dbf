import 'server-only'
import { sql, type Kysely } from 'kysely'
import { dialectOf, getDb, sumOf } from '@/lib/db'
import type { Database } from '@/lib/db/schema'
import {
  addDays,
  BEIJING_OFFSET_MS,
  beijingDay,
  DAY_MS,
  dayFromNumber,
  dayStartMs,
  daysBetween,
} from '../beijing-day'
import { byWholeDays, dayTotalsWhere } from './day-totals'
import type { ChargeQuery } from './filters'
import { chargeWhere } from './where'

export interface DayAmount {
  /** Beijing day, YYYY-MM-DD. */
  day: string
  fen: number
}

/** A chart of more days than this is unreadable; longer ranges show their latest year. */
export const MAX_CHART_DAYS = 366

/** The range the chart draws: `to` and at most MAX_CHART_DAYS back from it. */
export function chartRange(from: string, to: string): { from: string; to: string } {
  const earliest = addDays(to, -(MAX_CHART_DAYS - 1))
  return { from: from < earliest ? earliest : from, to }
}

/** One point per day from `from` to `to`, 0 where nothing was paid. Pure. */
export function fillDays(found: DayAmount[], from: string, to: string): DayAmount[] {
  const byDay = new Map(found.map((d) => [d.day, d.fen]))
  return daysBetween(from, to).map((day) => ({ day, fen: byDay.get(day) ?? 0 }))
}

/** How far back the chart reaches when the filter has no start day. */
export const DEFAULT_CHART_DAYS = 30

export interface DailyPaid {
  from: string
  to: string
  points: DayAmount[]
}

/*
 * The bucket is whole days since the epoch in Beijing time, by integer division of non-negative
 * integers, which reads the same on SQLite and PostgreSQL. Literals rather than parameters: PostgreSQL
 * only matches the SELECT and GROUP BY expressions when their text is identical.
 */
const bucket = sql<number>`(${sql.ref('charges.created_at')} + ${sql.lit(BEIJING_OFFSET_MS)}) / ${sql.lit(DAY_MS)}`

/**
 * Paid amounts per Beijing day (the day the charge was made) over the filter's days, every day
 * present, zeros included; from the per-day totals when the filter allows (day-totals.ts).
 * Without a start day: the last DEFAULT_CHART_DAYS days up to `to`.
 */
export async function dailyPaid(
  q: ChargeQuery,
  days: { from: string | null; to: string | null },
  now: number,
  db: Kysely<Database> = getDb(),
): Promise<DailyPaid> {
  const end = days.to ?? beijingDay(now)
  const { from, to } = chartRange(days.from ?? addDays(end, -(DEFAULT_CHART_DAYS - 1)), end)
  const range = { from: dayStartMs(from), before: dayStartMs(addDays(to, 1)) }
  const rows = byWholeDays(q)
    ? await db
        .selectFrom('charge_day_totals')
        .where(dayTotalsWhere(q, range))
        .where('status', '=', 'paid')
        .select(['day', sumOf('sum_fen').as('sum_fen')])
        .groupBy('day')
        .execute()
    : await db
        .selectFrom('charges')
        .where(chargeWhere(q, dialectOf(db)))
        .where('charges.status', '=', 'paid')
        .where('charges.created_at', '>=', range.from)
        .where('charges.created_at', '<', range.before)
        .select([bucket.as('day'), sumOf('charges.amount_fen').as('sum_fen')])
        .groupBy(bucket)
        .execute()
  const found = rows.map((r) => ({ day: dayFromNumber(Number(r.day)), fen: Number(r.sum_fen) }))
  return { from, to, points: fillDays(found, from, to) }
}
