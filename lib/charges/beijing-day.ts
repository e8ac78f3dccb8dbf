/*
 * Beijing calendar days (UTC+8, no daylight saving) as YYYY-MM-DD text, the unit managers filter by.
 * Pure arithmetic on epoch ms: no Intl, no local time zone of the server or the browser. The one
 * home of the Beijing offset (the day-totals migration spells it in SQL, frozen as migrations are)
 * and of the zone's name, which Intl takes where times are shown (lib/time-text.ts).
 */

export const DAY_MS = 86_400_000
/** Beijing is UTC+8 all year (no daylight saving). */
export const BEIJING_OFFSET_MS = 8 * 3_600_000
/** The same zone by name, for Intl: every time on a screen, a receipt or a print is Beijing time. */
export const BEIJING_TIME_ZONE = 'Asia/Shanghai'

/** `all`: every day, said explicitly (a list opened without any filter shows today). */
export const DATE_PRESETS = ['today', 'yesterday', 'week', 'month', 'all'] as const
export type DatePreset = (typeof DATE_PRESETS)[number]

const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar day written YYYY-MM-DD (2025-02-30 is not). */
export function isDay(text: string): boolean {
  const m = DAY_TEXT.exec(text)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === text
}

/** Midnight in Beijing at the start of `day`, as epoch ms. */
export function dayStartMs(day: string): number {
  const m = DAY_TEXT.exec(day)
  if (!m) throw new RangeError(`not a day: ${day}`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - BEIJING_OFFSET_MS
}

/** The Beijing day that contains `at`. */
export function beijingDay(at: number): string {
  return new Date(at + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}

/** Midnight in Beijing of the day that contains `at`, as epoch ms. */
export function beijingDayStart(at: number): number {
  return beijingDayNumber(at) * DAY_MS - BEIJING_OFFSET_MS
}

/** The Beijing day number (days since 1970-01-01 in Beijing) that contains `at`. */
export function beijingDayNumber(at: number): number {
  return Math.floor((at + BEIJING_OFFSET_MS) / DAY_MS)
}

export function dayFromNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10)
}

export function addDays(day: string, n: number): string {
  return beijingDay(dayStartMs(day) + n * DAY_MS)
}

/** Each day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

/** A quick pick as days. Weeks start on Monday, as Chinese calendars do; ranges end today. */
export function presetDays(
  preset: DatePreset,
  now: number,
): { from: string | null; to: string | null } {
  const today = beijingDay(now)
  switch (preset) {
    case 'today':
      return { from: today, to: today }
    case 'yesterday': {
      const y = addDays(today, -1)
      return { from: y, to: y }
    }
    case 'week': {
      const weekday = new Date(dayStartMs(today) + BEIJING_OFFSET_MS).getUTCDay() // 0 = Sunday
      return { from: addDays(today, -((weekday + 6) % 7)), to: today }
    }
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today }
    case 'all':
      return { from: null, to: null }
  }
}
