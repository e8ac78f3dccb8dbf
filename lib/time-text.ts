import { BEIJING_TIME_ZONE } from './charges/beijing-day'

/*
 * How times are shown, the one home of it: the named date-time formats every screen, receipt and
 * print uses, always in Beijing time. i18n/request.ts hands TIME_CONFIG to next-intl (the staff and
 * login layouts' NextIntlClientProvider inherits it), so a screen writes
 * `format.dateTime(at, 'stamp')`; code outside next-intl (the customer tablet ships no i18n
 * library) calls formatTime. Pure and client-safe.
 *
 * Every format reads a 24-hour clock in both languages: the shop's staff read one clock, so a
 * moment reads the same on every screen (English would otherwise say 02:33 PM on one and 14:33 on
 * another). The examples are 2025-11-25 14:33:20 Beijing time, zh-CN · en. Changing a format
 * changes what its screens show.
 */

// Every format is built of these parts, so where two formats differ is plain to see.
const DAY = { month: '2-digit', day: '2-digit' } as const
/** English's clock is 12-hour unless told; Chinese's already is this. */
const H23 = { hourCycle: 'h23' } as const
/**
 * The hour and minute every clock format shares, and the `time` format itself. The tablet's idle
 * clock takes it alone: its page is weighed to the tenth of a KB (issue 14), and the table below
 * with formatTime would add 0.3 KB to it.
 */
export const CLOCK = { hour: '2-digit', minute: '2-digit', ...H23 } as const

export const DATE_TIME_FORMATS = {
  /**
   * The manager's charge list and detail, the audit log:
   * 2025/11/25 14:33:20 · 11/25/2025, 14:33:20.
   */
  stamp: { year: 'numeric', ...DAY, ...CLOCK, second: '2-digit' },
  /**
   * The handover history, a user's last sign-in, the station's tablets: 2025/11/25 14:33 ·
   * 11/25/2025, 14:33.
   */
  minute: { year: 'numeric', ...DAY, ...CLOCK },
  /** A charge's timeline: 11/25 14:33:20 · 11/25, 14:33:20. */
  daySecond: { ...DAY, ...CLOCK, second: '2-digit' },
  /** Needs attention, the handover's window, bill search: 11/25 14:33 · 11/25, 14:33. */
  dayMinute: { ...DAY, ...CLOCK },
  /**
   * "Already paid at", a bill paid on an earlier day: 11/25 14:33 · 11/25, 14:33 — unlike
   * dayMinute, January 5th is 1/5, not 01/05.
   */
  dayMinuteUnpadded: { month: 'numeric', day: 'numeric', ...CLOCK },
  /** Today's list, the handover's rows, "already paid at" today, the tablet's idle clock: 14:33. */
  time: CLOCK,
  /** The charge screen's "paid at": 14:33:20 · 14:33:20. */
  timeMedium: { timeStyle: 'medium', ...H23 },
  /** The receipt: 2025年11月25日 14:33:20 · Nov 25, 2025, 14:33:20. */
  dateTimeMedium: { dateStyle: 'medium', timeStyle: 'medium', ...H23 },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>

export type DateTimeFormatName = keyof typeof DATE_TIME_FORMATS

/** What next-intl is given (i18n/request.ts, and the tests that stand in for it). */
export const TIME_CONFIG = {
  timeZone: BEIJING_TIME_ZONE,
  formats: { dateTime: DATE_TIME_FORMATS },
} as const

// Building an Intl.DateTimeFormat costs far more than using one (the idle clock ticks all day).
const formatters = new Map<string, Intl.DateTimeFormat>()

/** Outside next-intl: the same text as `format.dateTime(at, name)` in that locale. */
export function formatTime(at: number, locale: string, name: DateTimeFormatName): string {
  const key = `${locale} ${name}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...DATE_TIME_FORMATS[name], timeZone: BEIJING_TIME_ZONE })
    formatters.set(key, f)
  }
  return f.format(at)
}
