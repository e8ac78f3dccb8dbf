'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { defineAction, type ActionState } from '@/lib/actions/define-action'
import { signInLimiter } from '@/lib/auth/sign-in-limiter'
import { UserError } from '@/lib/users/errors'
import {
  addUser,
  changeUserRole,
  endSessions,
  resetUserPassword,
  setUserEnabled,
} from '@/lib/users/manage'
import { displayNameSchema, passwordSchema, roleSchema, usernameSchema } from '@/lib/users/schemas'
import { auditActor } from '../audit-actor'
import { checkedBy, optionalCheckedBy } from '../checked-by'

/*
 * Staff accounts. lib/users/manage validates again, refuses to disable or demote the last enabled
 * admin, refuses the signed-in admin's own disable or role change (the actor's id is the session's
 * user), and records each change in the audit log in the same transaction.
 */

export type UserActionState = ActionState<{ username: string }>

const existing = z.string({ error: 'missing' }).trim().toLowerCase().min(1).max(64)

function refused(err: unknown): UserActionState {
  if (!(err instanceof UserError)) throw err
  if (err.code === 'duplicate_username') {
    return { status: 'error', error: 'invalid-input', fieldErrors: { username: ['duplicate'] } }
  }
  return { status: 'error', error: err.code }
}

async function done(username: string): Promise<UserActionState> {
  revalidatePath('/admin/users')
  return { status: 'ok', data: { username } }
}

export const addUserAction = defineAction({
  schema: z.object({
    username: checkedBy(usernameSchema),
    display_name: optionalCheckedBy(displayNameSchema),
    role: checkedBy(roleSchema),
    password: checkedBy(passwordSchema),
  }),
  permission: 'users:manage',
  async handler(input, user): Promise<UserActionState> {
    try {
      const { username, password, role } = input
      await addUser(
        { username, password, role, displayName: input.display_name },
        await auditActor(user),
      )
    } catch (err) {
      return refused(err)
    }
    return done(input.username)
  },
})

export const changeRoleAction = defineAction({
  schema: z.object({ username: existing, role: checkedBy(roleSchema) }),
  permission: 'users:manage',
  async handler({ username, role }, user): Promise<UserActionState> {
    try {
      await changeUserRole(username, role, await auditActor(user))
    } catch (err) {
      return refused(err)
    }
    return done(username)
  },
})

export const setEnabledAction = defineAction({
  schema: z.object({ username: existing, enabled: z.enum(['true', 'false']) }),
  permission: 'users:manage',
  async handler({ username, enabled }, user): Promise<UserActionState> {
    const enable = enabled === 'true'
    try {
      await setUserEnabled(username, enable, await auditActor(user))
    } catch (err) {
      return refused(err)
    }
    return done(username)
  },
})

export const resetPasswordAction = defineAction({
  schema: z.object({ username: existing, password: checkedBy(passwordSchema) }),
  permission: 'users:manage',
  async handler({ username, password }, user): Promise<UserActionState> {
    try {
      await resetUserPassword(username, password, await auditActor(user))
    } catch (err) {
      return refused(err)
    }
    // The sign-in refusal tells a locked-out person to ask for a reset: it must then let them in.
    await signInLimiter().forget(username)
    return done(username)
  },
})

/** "Sign out everywhere": a lost phone or a shared computer; the person signs in again. */
export const endSessionsAction = defineAction({
  schema: z.object({ username: existing }),
  permission: 'users:manage',
  async handler({ username }, user): Promise<UserActionState> {
    try {
      await endSessions(username, await auditActor(user))
    } catch (err) {
      return refused(err)
    }
    return done(username)
  },
})
