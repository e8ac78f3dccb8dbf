import 'server-only'
import { cookies } from 'next/headers'
import { resolveLocale } from '@/lib/settings/repo'
import { LOCALE_COOKIE, type Locale } from '@/lib/locale'

/** The locale of the current Next request (see resolveLocale). */
export async function requestLocale(): Promise<Locale> {
  return resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value)
}
