import 'server-only'
import { cookies } from 'next/headers'
import { getSettings } from '@/lib/settings'
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from './locales'

/** A person's own choice (cookie) wins; otherwise the shop's language setting; zh-CN by default. */
export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value
  if (isLocale(chosen)) return chosen
  const shop = await getSettings().catch(() => null)
  return shop && isLocale(shop.language) ? shop.language : DEFAULT_LOCALE
}
