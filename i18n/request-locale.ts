import 'server-only'
import { cookies } from 'next/headers'
import { chooseLocale } from '@/lib/settings/repo'
import { LOCALE_COOKIE, type Locale } from '@/lib/locale'

/** The locale of the current Next request (see chooseLocale). */
export async function requestLocale(): Promise<Locale> {
  return chooseLocale((await cookies()).get(LOCALE_COOKIE)?.value)
}
