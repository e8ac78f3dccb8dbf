import { encode } from 'next-auth/jwt'
import { expect, it } from 'vitest'
import { CLI_ACTOR } from '@/lib/audit/types'
import { useAsAppDatabase } from '@/tests/support/db/app-database'
import { describeDialects } from '@/tests/support/db/targets'
import {
  addUser,
  changeUserRole,
  endSessions,
  resetUserPassword,
  setUserEnabled,
} from '@/lib/users'
import { endSession } from './ended-sessions'
import { sessionClaims } from './session-token'
import { staffUserFromCookies } from './staff-user'

const SECRET = 'staff-user-test-secret-0123456789abcdef'
const NAME = 'authjs.session-token'

describeDialects('a session ends when its user’s session version is raised', (target) => {
  useAsAppDatabase(target, {
    AUTH_SECRET: SECRET,
    DMS_BASE_URL: 'http://127.0.0.1:1',
    DMS_TOKEN: 'test-token',
  })

  const cookieFor = async (uid: string, sv?: number, sid?: string) => ({
    [NAME]: await encode({
      token: { uid, ...(sv === undefined ? {} : { sv }), ...(sid === undefined ? {} : { sid }) },
      secret: SECRET,
      salt: NAME,
    }),
  })

  it.each([
    [
      'a password reset',
      (u: string) => resetUserPassword(u, 'a-new-password', CLI_ACTOR, { bcryptCost: 4 }),
    ],
    ['a role change', (u: string) => changeUserRole(u, 'manager', CLI_ACTOR)],
    ['sign out everywhere', (u: string) => endSessions(u, CLI_ACTOR)],
    [
      'a disable and enable',
      async (u: string) => {
        await setUserEnabled(u, false, CLI_ACTOR)
        return setUserEnabled(u, true, CLI_ACTOR)
      },
    ],
  ])('%s', async (label, change) => {
    const username = `sv-${label.replace(/\W+/g, '-')}`.slice(0, 30)
    const user = await addUser({ username, password: 'password-1', role: 'cashier' }, CLI_ACTOR, {
      bcryptCost: 4,
    })
    const before = await cookieFor(user.id, 0)
    // A token from before session versions existed counts as version 0.
    const legacy = await cookieFor(user.id)
    expect((await staffUserFromCookies(before, false))?.id).toBe(user.id)
    expect((await staffUserFromCookies(legacy, false))?.id).toBe(user.id)

    const changed = await change(username)
    expect(changed.sessionVersion).toBeGreaterThan(0)
    expect(await staffUserFromCookies(before, false)).toBeNull()
    expect(await staffUserFromCookies(legacy, false)).toBeNull()
    // Signing in again makes a session under the new version, which works.
    const after = await cookieFor(user.id, changed.sessionVersion)
    expect((await staffUserFromCookies(after, false))?.username).toBe(username)
  })

  it('signing out ends that session only, and every copy of its token', async () => {
    const user = await addUser(
      { username: 'sid-sign-out', password: 'password-1', role: 'cashier' },
      CLI_ACTOR,
      { bcryptCost: 4 },
    )
    const desk = await cookieFor(user.id, 0, 'session-at-the-desk')
    const office = await cookieFor(user.id, 0, 'session-in-the-office')
    expect((await staffUserFromCookies(desk, false))?.id).toBe(user.id)
    expect((await staffUserFromCookies(office, false))?.id).toBe(user.id)

    const claims = await sessionClaims(desk, false)
    expect(claims?.sid).toBe('session-at-the-desk')
    await endSession(claims!.sid!, claims!.expiresAt)
    // Signing out twice (two tabs) is no error.
    await endSession(claims!.sid!, claims!.expiresAt)

    expect(await staffUserFromCookies(desk, false)).toBeNull()
    // The same token re-sent (a cookie set again by an answer in flight, a copy) is still refused.
    expect(await staffUserFromCookies({ ...desk }, false)).toBeNull()
    expect((await staffUserFromCookies(office, false))?.id).toBe(user.id)
  })

  it('prunes ended sessions whose tokens have expired anyway', async () => {
    const user = await addUser(
      { username: 'sid-prune', password: 'password-1', role: 'cashier' },
      CLI_ACTOR,
      { bcryptCost: 4 },
    )
    const now = Date.now()
    await endSession('long-gone', now - 1_000, now)
    const db = (await import('@/lib/db')).getDb()
    const before = await db.selectFrom('ended_sessions').select('session_id').execute()
    expect(before.map((r) => r.session_id)).toContain('long-gone')
    await endSession('just-now', now + 60_000, now)
    const after = await db.selectFrom('ended_sessions').select('session_id').execute()
    expect(after.map((r) => r.session_id)).not.toContain('long-gone')
    expect(after.map((r) => r.session_id)).toContain('just-now')
    expect((await staffUserFromCookies(await cookieFor(user.id, 0, 'long-gone'), false))?.id).toBe(
      user.id,
    )
  })
})
