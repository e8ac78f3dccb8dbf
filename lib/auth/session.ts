import 'server-only'
import { redirect } from 'next/navigation'
import { connection } from 'next/server'
import { ensureDatabase } from '@/lib/db'
import { findUserById } from '@/lib/users/repo'
import { auth } from './auth'
import { can, type Permission } from './permissions'
import { isRole, type Role } from './roles'

export interface StaffUser {
  id: string
  username: string
  displayName: string
  role: Role
}

/**
 * The signed-in staff member, re-read from the database on every call so that a disabled account or a
 * changed role takes effect at once. Null when signed out, disabled or deleted.
 */
export async function currentUser(): Promise<StaffUser | null> {
  await connection()
  const session = await auth()
  const id = session?.user?.id
  if (!id) return null
  await ensureDatabase()
  const user = await findUserById(id)
  if (!user || user.disabled || !isRole(user.role)) return null
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role }
}

/** For pages: sends a signed-out visitor to the login page and a wrong role to /forbidden. */
export async function requirePageUser(permission?: Permission): Promise<StaffUser> {
  const user = await currentUser()
  if (!user) redirect('/login')
  if (permission && !can(user.role, permission)) redirect('/forbidden')
  return user
}

export type Access =
  | { ok: true; user: StaffUser }
  | { ok: false; status: 401 | 403; error: 'unauthenticated' | 'forbidden' }

/** For actions and route handlers: never redirects, answers what went wrong. */
export async function checkAccess(permission: Permission): Promise<Access> {
  const user = await currentUser()
  if (!user) return { ok: false, status: 401, error: 'unauthenticated' }
  if (!can(user.role, permission)) return { ok: false, status: 403, error: 'forbidden' }
  return { ok: true, user }
}
