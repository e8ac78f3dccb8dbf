import { createFormatter } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { DATE_TIME_FORMATS, formatTime, TIME_CONFIG, type DateTimeFormatName } from './time-text'

// 2025-11-25 14:33:20 in Beijing, 06:33:20 UTC: an afternoon hour tells a 24-hour clock from a
// 12-hour one, and the zone from the host's (UTC here would show 06:33).
const AFTERNOON = Date.UTC(2025, 10, 25, 6, 33, 20)
// 2025-11-26 07:05:09 in Beijing, still the 25th in UTC: the date follows Beijing too.
const NEXT_MORNING = Date.UTC(2025, 10, 25, 23, 5, 9)
// 2026-01-05 00:05:09 in Beijing: just after midnight a 24-hour clock reads 00, where a 12-hour
// one reads 12 and a 1–24 one 24; and a one-digit month and day show which formats pad them.
const AFTER_MIDNIGHT = Date.UTC(2026, 0, 4, 16, 5, 9)
const INSTANTS = [AFTERNOON, NEXT_MORNING, AFTER_MIDNIGHT]

type Shown = [string, string, string]

/*
 * What each format's screens show. zh-CN is what they showed before the formats had a home (the
 * option objects of commit ed7f34c); English reads the same 24-hour clock as Chinese on every
 * screen. A format that changes changes these screens, so it changes here first.
 */
const SHOWN: Record<DateTimeFormatName, Record<'zh-CN' | 'en', Shown>> = {
  stamp: {
    'zh-CN': ['2025/11/25 14:33:20', '2025/11/26 07:05:09', '2026/01/05 00:05:09'],
    en: ['11/25/2025, 14:33:20', '11/26/2025, 07:05:09', '01/05/2026, 00:05:09'],
  },
  minute: {
    'zh-CN': ['2025/11/25 14:33', '2025/11/26 07:05', '2026/01/05 00:05'],
    en: ['11/25/2025, 14:33', '11/26/2025, 07:05', '01/05/2026, 00:05'],
  },
  daySecond: {
    'zh-CN': ['11/25 14:33:20', '11/26 07:05:09', '01/05 00:05:09'],
    en: ['11/25, 14:33:20', '11/26, 07:05:09', '01/05, 00:05:09'],
  },
  dayMinute: {
    'zh-CN': ['11/25 14:33', '11/26 07:05', '01/05 00:05'],
    en: ['11/25, 14:33', '11/26, 07:05', '01/05, 00:05'],
  },
  dayMinuteUnpadded: {
    'zh-CN': ['11/25 14:33', '11/26 07:05', '1/5 00:05'],
    en: ['11/25, 14:33', '11/26, 07:05', '1/5, 00:05'],
  },
  time: { 'zh-CN': ['14:33', '07:05', '00:05'], en: ['14:33', '07:05', '00:05'] },
  timeMedium: {
    'zh-CN': ['14:33:20', '07:05:09', '00:05:09'],
    en: ['14:33:20', '07:05:09', '00:05:09'],
  },
  dateTimeMedium: {
    'zh-CN': ['2025年11月25日 14:33:20', '2025年11月26日 07:05:09', '2026年1月5日 00:05:09'],
    en: ['Nov 25, 2025, 14:33:20', 'Nov 26, 2025, 07:05:09', 'Jan 5, 2026, 00:05:09'],
  },
}

const NAMES = Object.keys(DATE_TIME_FORMATS) as DateTimeFormatName[]

describe.each(['zh-CN', 'en'] as const)('date-time formats [%s]', (locale) => {
  // As i18n/request.ts configures next-intl; a format it cannot find throws (the app would show
  // the raw number).
  const format = createFormatter({
    locale,
    ...TIME_CONFIG,
    onError: (e) => {
      throw e
    },
  })

  it.each(NAMES)('%s reads as its screens show it, in Beijing time', (name) => {
    expect(INSTANTS.map((at) => format.dateTime(at, name))).toEqual(SHOWN[name][locale])
  })

  it.each(NAMES)('%s outside next-intl (formatTime) is the same text', (name) => {
    expect(INSTANTS.map((at) => formatTime(at, locale, name))).toEqual(SHOWN[name][locale])
  })
})
