import type { Locale } from '@/lib/locale'
import type { DATE_TIME_FORMATS } from '@/lib/time-text'

// next-intl checks a format's name against this: format.dateTime(at, 'stamp') compiles, a name
// that lib/time-text.ts does not define does not. And its locale is one of lib/locale.ts's:
// useLocale() and getLocale() return a Locale, not any string.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale
    Formats: { dateTime: typeof DATE_TIME_FORMATS }
  }
}
