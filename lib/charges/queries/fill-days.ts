import { addDays, daysBetween } from '../beijing-day'

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
