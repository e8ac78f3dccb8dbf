import type { DATE_TIME_FORMATS } from '@/lib/time-text'

// next-intl checks a format's name against this: format.dateTime(at, 'stamp') compiles, a name
// that lib/time-text.ts does not define does not.
declare module 'next-intl' {
  interface AppConfig {
    Formats: { dateTime: typeof DATE_TIME_FORMATS }
  }
}
