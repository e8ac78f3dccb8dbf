import { BEIJING_TIME_ZONE } from './charges/beijing-day'

/*
 * How times are shown, the one home of it: the named date-time formats every screen, receipt and
 * print uses, always in Beijing time. i18n/request.ts hands TIME_CONFIG to next-intl (the staff and
 * login layouts' NextIntlClientProvider inherits it), so a screen writes
 * `format.dateTime(at, 'stamp')`; code outside next-intl (the customer tablet ships no i18n
 * library) calls formatTime. Pure and client-safe.
 *
 * The examples are 2025-11-25 14:33:20 Beijing time, zh-CN · en. Formats that look alike differ
 * where the screens always have: some keep a 24-hour clock in English too (`…24`), and a 2-digit
 * hour without it reads 02:33 PM there. Changing one changes what its screens show.
 */

// Every format is built of these parts, so where two formats differ is plain to see.
const DAY = { month: '2-digit', day: '2-digit' } as const
/**
 * The hour and minute every clock format shares, and the `time` format itself. The tablet's idle
 * clock takes it alone: its page is weighed to the tenth of a KB (issue 14), and the table below
 * with formatTime would add 0.3 KB to it.
 */
export const CLOCK = { hour: '2-digit', minute: '2-digit' } as const
const H23 = { hourCycle: 'h23' } as const

export const DATE_TIME_FORMATS = {
  /** The manager's charge list and detail: 2025/11/25 14:33:20 · 11/25/2025, 02:33:20 PM. */
  stamp: { year: 'numeric', ...DAY, ...CLOCK, second: '2-digit' },
  /** The audit log: 2025/11/25 14:33:20 · 11/25/2025, 14:33:20. */
  stamp24: { year: 'numeric', ...DAY, ...CLOCK, second: '2-digit', ...H23 },
  /** The handover history: 2025/11/25 14:33 · 11/25/2025, 02:33 PM. */
  minute: { year: 'numeric', ...DAY, ...CLOCK },
  /** A user's last sign-in: 2025/11/25 14:33 · 11/25/2025, 14:33. */
  minute24: { year: 'numeric', ...DAY, ...CLOCK, ...H23 },
  /** A charge's timeline: 11/25 14:33:20 · 11/25, 02:33:20 PM. */
  daySecond: { ...DAY, ...CLOCK, second: '2-digit' },
  /** Needs attention, the handover's window, bill search: 11/25 14:33 · 11/25, 02:33 PM. */
  dayMinute: { ...DAY, ...CLOCK },
  /** Today's list, the handover's rows, the tablet's idle clock: 14:33 · 02:33 PM. */
  time: CLOCK,
  /** "Already paid at", a bill paid today: 14:33 · 14:33. */
  time24: { ...CLOCK, ...H23 },
  /** "Already paid at", a bill paid on an earlier day: 11/25 14:33 · 11/25, 14:33. */
  dayTime24: { month: 'numeric', day: 'numeric', ...CLOCK, ...H23 },
  /** The charge screen's "paid at": 14:33:20 · 2:33:20 PM. */
  timeMedium: { timeStyle: 'medium' },
  /** The receipt, the station's tablets: 2025年11月25日 14:33:20 · Nov 25, 2025, 2:33:20 PM. */
  dateTimeMedium: { dateStyle: 'medium', timeStyle: 'medium' },
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
