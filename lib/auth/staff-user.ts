import 'server-only'
import { ensureDatabase } from '@/lib/db'
import { findUserById } from '@/lib/users/repo'
import { can, type Permission } from './permissions'
import { isRole, type Role } from './roles'
import { isSessionEnded } from './ended-sessions'
import { sessionClaims } from './session-token'

/*
 * The staff member behind a request, from its cookies alone: no Next request context needed, so the
 * screens' polls and streams (lib/polling) and Next's pages and actions (lib/auth/session.ts) answer
 * alike, and the answers are plain functions to test.
 */

export interface StaffUser {
  id: string
  username: string
  displayName: string
  role: Role
}

export type Access =
  | { ok: true; user: StaffUser }
  | { ok: false; status: 401 | 403; error: 'unauthenticated' | 'forbidden' }

/**
 * Re-read from the database on every call: a disabled account or a changed role counts at once, and
 * a session made before the user's session version was raised (a password reset, a disable, a role
 * change, "sign out everywhere") or signed out of (lib/auth/ended-sessions.ts) is no session any more.
 */
export async function staffUserFromCookies(
  cookies: Readonly<Record<string, string>>,
  https: boolean,
): Promise<StaffUser | null> {
  const claims = await sessionClaims(cookies, https)
  if (!claims) return null
  await ensureDatabase()
  const user = await findUserById(claims.uid)
  if (!user || user.disabled || !isRole(user.role)) return null
  if (user.sessionVersion !== claims.sv) return null
  if (claims.sid && (await isSessionEnded(claims.sid))) return null
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role }
}

export function accessOf(user: StaffUser | null, permission: Permission): Access {
  if (!user) return { ok: false, status: 401, error: 'unauthenticated' }
  if (!can(user.role, permission)) return { ok: false, status: 403, error: 'forbidden' }
  return { ok: true, user }
}

/**
 * A staff stream's recheck (lib/feed/sse.ts): whether the session it was opened with still holds
 * `permission`, asked before each read, so a sign-out, a disable or a role change ends the stream.
 */
export function staffRecheck(
  req: { cookies: Readonly<Record<string, string>>; https: boolean },
  permission: Permission,
): () => Promise<boolean> {
  return async () => accessOf(await staffUserFromCookies(req.cookies, req.https), permission).ok
}
