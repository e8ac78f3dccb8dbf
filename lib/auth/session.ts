import 'server-only'
import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { connection } from 'next/server'
import { requestIsHttps } from '@/lib/server/request-origin'
import { ensureDatabase } from '@/lib/db'
import { REQUESTED_PATH_HEADER, loginPathFor } from './callback-url'
import { endSession } from './ended-sessions'
import type { Permission } from './permissions'
import { sessionClaims } from './session-token'
import { accessOf, staffUserFromCookies, type Access, type StaffUser } from './staff-user'

export type { Access, StaffUser }

/**
 * The signed-in staff member of the current Next request (page, action, route handler), re-read from
 * the database on every call. Null when signed out, disabled or deleted.
 */
export async function currentUser(): Promise<StaffUser | null> {
  await connection()
  return staffUserFromCookies(await cookieJar(), await requestIsHttps())
}

async function cookieJar(): Promise<Record<string, string>> {
  return Object.fromEntries((await cookies()).getAll().map((c) => [c.name, c.value]))
}

/**
 * For pages: sends a signed-out visitor to the login page (and back here afterwards) and a wrong
 * role to /forbidden. The proxy already redirected visitors with no session token at all; this
 * catches the tokens it cannot judge: signed out of, a raised session version, a disabled user.
 */
export async function requirePageUser(permission?: Permission): Promise<StaffUser> {
  const user = await currentUser()
  if (!user) redirect(loginPathFor((await headers()).get(REQUESTED_PATH_HEADER)))
  if (permission && !accessOf(user, permission).ok) redirect('/forbidden')
  return user
}

/** For actions and route handlers: never redirects, answers what went wrong. */
export async function checkAccess(permission: Permission): Promise<Access> {
  return accessOf(await currentUser(), permission)
}

/** Ends the current request's session on the server, before Auth.js deletes its cookie. */
export async function endCurrentSession(): Promise<void> {
  const claims = await sessionClaims(await cookieJar(), await requestIsHttps())
  if (!claims?.sid) return
  await ensureDatabase()
  await endSession(claims.sid, claims.expiresAt)
}
