/*
 * The languages the cashier speaks, and the cookie a person's own choice is kept in. Client-safe (no
 * server-only): i18n/ (the next-intl config), messages/load.ts and lib/ all take them from here, so
 * the arrows run one way, into lib/. Which locale a request gets: resolveLocale in lib/settings.
 */
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'
export const LOCALE_COOKIE = 'NEXT_LOCALE'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}
