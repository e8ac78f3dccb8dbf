'use server'

import { cookies } from 'next/headers'
import { isLocale, LOCALE_COOKIE } from '@/lib/locale'
import { signOut } from '@/lib/auth/auth'
import { endCurrentSession } from '@/lib/auth/session'
import { requestIsHttps } from '@/lib/server/request-origin'

/* The actions of every layout (staff header and sign-in page): sign out, choose the language. */

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

export async function signOutAction(): Promise<void> {
  // Deleting the cookie alone would not do: see lib/auth/ended-sessions.ts.
  await endCurrentSession()
  await signOut({ redirectTo: '/login' })
}
