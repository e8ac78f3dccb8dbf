'use server'

import { cookies } from 'next/headers'
import { isLocale, LOCALE_COOKIE } from '@/lib/locale'
import { requestIsHttps } from '@/lib/server/request-origin'

/** A person's language choice for this browser; the shop's setting applies when none is made. */
export async function chooseLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return
  ;(await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: 365 * 24 * 3600,
    sameSite: 'lax',
    httpOnly: true,
    secure: await requestIsHttps(),
  })
}
