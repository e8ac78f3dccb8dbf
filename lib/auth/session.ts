import 'server-only'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { connection } from 'next/server'
import { requestIsHttps } from '@/lib/server/request-origin'
import type { Permission } from './permissions'
import { accessOf, staffUserFromCookies, type Access, type StaffUser } from './staff-user'

export type { Access, StaffUser }

/**
 * The signed-in staff member of the current Next request (page, action, route handler), re-read from
 * the database on every call. Null when signed out, disabled or deleted.
 */
export async function currentUser(): Promise<StaffUser | null> {
  await connection()
  const jar = Object.fromEntries((await cookies()).getAll().map((c) => [c.name, c.value]))
  return staffUserFromCookies(jar, await requestIsHttps())
}

/** For pages: sends a signed-out visitor to the login page and a wrong role to /forbidden. */
export async function requirePageUser(permission?: Permission): Promise<StaffUser> {
  const user = await currentUser()
  if (!user) redirect('/login')
  if (permission && !accessOf(user, permission).ok) redirect('/forbidden')
  return user
}

/** For actions and route handlers: never redirects, answers what went wrong. */
export async function checkAccess(permission: Permission): Promise<Access> {
  return accessOf(await currentUser(), permission)
}
