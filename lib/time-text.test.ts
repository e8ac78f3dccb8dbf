import { createFormatter } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { DATE_TIME_FORMATS, formatTime, TIME_CONFIG, type DateTimeFormatName } from './time-text'

// 2025-11-25 14:33:20 in Beijing, 06:33:20 UTC: an afternoon hour tells a 24-hour clock from a
// 12-hour one, and the zone from the host's (UTC here would show 06:33).
const AFTERNOON = Date.UTC(2025, 10, 25, 6, 33, 20)
// 2025-11-26 07:05:09 in Beijing, still the 25th in UTC: the date follows Beijing too.
const NEXT_MORNING = Date.UTC(2025, 10, 25, 23, 5, 9)

/*
 * What the screens showed before the formats had a home, each written out where it was used (the
 * option objects of commit ed7f34c, formatted in both languages): a format that changes changes
 * these screens, so it changes here first.
 */
const SHOWN: Record<DateTimeFormatName, Record<'zh-CN' | 'en', [string, string]>> = {
  stamp: {
    'zh-CN': ['2025/11/25 14:33:20', '2025/11/26 07:05:09'],
    en: ['11/25/2025, 02:33:20 PM', '11/26/2025, 07:05:09 AM'],
  },
  stamp24: {
    'zh-CN': ['2025/11/25 14:33:20', '2025/11/26 07:05:09'],
    en: ['11/25/2025, 14:33:20', '11/26/2025, 07:05:09'],
  },
  minute: {
    'zh-CN': ['2025/11/25 14:33', '2025/11/26 07:05'],
    en: ['11/25/2025, 02:33 PM', '11/26/2025, 07:05 AM'],
  },
  minute24: {
    'zh-CN': ['2025/11/25 14:33', '2025/11/26 07:05'],
    en: ['11/25/2025, 14:33', '11/26/2025, 07:05'],
  },
  daySecond: {
    'zh-CN': ['11/25 14:33:20', '11/26 07:05:09'],
    en: ['11/25, 02:33:20 PM', '11/26, 07:05:09 AM'],
  },
  dayMinute: {
    'zh-CN': ['11/25 14:33', '11/26 07:05'],
    en: ['11/25, 02:33 PM', '11/26, 07:05 AM'],
  },
  time: { 'zh-CN': ['14:33', '07:05'], en: ['02:33 PM', '07:05 AM'] },
  time24: { 'zh-CN': ['14:33', '07:05'], en: ['14:33', '07:05'] },
  dayTime24: { 'zh-CN': ['11/25 14:33', '11/26 07:05'], en: ['11/25, 14:33', '11/26, 07:05'] },
  timeMedium: { 'zh-CN': ['14:33:20', '07:05:09'], en: ['2:33:20 PM', '7:05:09 AM'] },
  dateTimeMedium: {
    'zh-CN': ['2025年11月25日 14:33:20', '2025年11月26日 07:05:09'],
    en: ['Nov 25, 2025, 2:33:20 PM', 'Nov 26, 2025, 7:05:09 AM'],
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

  it.each(NAMES)('%s reads as the screens have always shown it, in Beijing time', (name) => {
    const shown = [format.dateTime(AFTERNOON, name), format.dateTime(NEXT_MORNING, name)]
    expect(shown).toEqual(SHOWN[name][locale])
  })

  it.each(NAMES)('%s outside next-intl (formatTime) is the same text', (name) => {
    expect([formatTime(AFTERNOON, locale, name), formatTime(NEXT_MORNING, locale, name)]).toEqual(
      SHOWN[name][locale],
    )
  })
})
