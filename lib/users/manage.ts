import 'server-only'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { recordAuditBy } from '@/lib/audit/repo'
import type { AuditActor } from '@/lib/audit/types'
import { getDb } from '@/lib/db/connection'
import type { Database } from '@/lib/db/schema'
import { inTransaction } from '@/lib/db/transaction'
import { UserError } from './errors'
import { hashPassword } from './password'
import * as repo from './repo'
import type { UserRole } from './roles'
import { newUserSchema, passwordSchema, roleSchema, type NewUserInput } from './schemas'
import type { User } from './types'

/*
 * User management as the CLI and the manager's screens use it: validate, hash (outside the
 * transaction: bcrypt is slow and SQLite's write lock is shared with the whole shop), write,
 * and record who did it, in one transaction.
 */

export interface ManageOptions {
  db?: Kysely<Database>
  /** Tests only: a lower bcrypt cost. */
  bcryptCost?: number
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) {
    throw new UserError('invalid_input', result.error.issues[0]?.message ?? 'Invalid input')
  }
  return result.data
}

async function mustFind(username: string, db: Kysely<Database>) {
  const user = await repo.findUserByUsername(username, db)
  if (!user) throw new UserError('unknown_user', `No user "${username.trim().toLowerCase()}"`)
  return user
}

// Disabling or demoting the last enabled admin would leave nobody able to manage staff.
async function guardLastAdmin(user: User, db: Kysely<Database>) {
  if (user.role === 'admin' && !user.disabled && (await repo.lockEnabledAdmins(db)) <= 1) {
    throw new UserError('last_admin', `"${user.username}" is the last enabled admin`)
  }
}

/*
 * Signed in, an admin who disables their own account or changes their own role (only an admin can,
 * so any change lowers it) locks themself out mid-task: another admin must do it. The last-admin
 * rule does not cover it, since a shop usually has a second admin. Checked by id, as the session
 * knows the user; a tool with no id (the CLI, run by whoever holds the server) is not a session.
 */
const SELF_REFUSED = { self_disable: 'disable', self_role: 'change the role of' } as const

function guardSelf(user: User, actor: AuditActor, code: keyof typeof SELF_REFUSED) {
  if (actor.id !== null && actor.id === user.id) {
    throw new UserError(code, `"${user.username}" cannot ${SELF_REFUSED[code]} their own account`)
  }
}

const target = (u: User) => `user:${u.username}`

export async function addUser(
  input: NewUserInput,
  actor: AuditActor,
  opts: ManageOptions = {},
): Promise<User> {
  const data = parse(newUserSchema, input)
  const passwordHash = await hashPassword(data.password, opts.bcryptCost)
  return inTransaction(opts.db ?? getDb(), async (trx) => {
    const user = await repo.createUser(
      {
        username: data.username,
        displayName: data.displayName ?? data.username,
        passwordHash,
        role: data.role,
      },
      trx,
    )
    const detail = { id: user.id, role: user.role, displayName: user.displayName }
    await recordAuditBy(actor, { action: 'user.create', target: target(user), detail }, trx)
    return user
  })
}

export async function setUserEnabled(
  username: string,
  enabled: boolean,
  actor: AuditActor,
  opts: ManageOptions = {},
): Promise<User> {
  return inTransaction(opts.db ?? getDb(), async (trx) => {
    const user = await mustFind(username, trx)
    if (user.disabled === !enabled) return user
    if (!enabled) {
      guardSelf(user, actor, 'self_disable')
      await guardLastAdmin(user, trx)
    }
    const updated = (await repo.setUserDisabled(user.id, !enabled, trx)) ?? user
    const action = enabled ? 'user.enable' : 'user.disable'
    await recordAuditBy(actor, { action, target: target(user), detail: { id: user.id } }, trx)
    return updated
  })
}

export async function resetUserPassword(
  username: string,
  password: string,
  actor: AuditActor,
  opts: ManageOptions = {},
): Promise<User> {
  const hash = await hashPassword(parse(passwordSchema, password), opts.bcryptCost)
  return inTransaction(opts.db ?? getDb(), async (trx) => {
    const user = await mustFind(username, trx)
    const updated = (await repo.setUserPasswordHash(user.id, hash, trx)) ?? user
    await recordAuditBy(
      actor,
      { action: 'user.password_reset', target: target(user), detail: { id: user.id } },
      trx,
    )
    return updated
  })
}

/** "Sign out everywhere": every session of the user ends at its next request. */
export async function endSessions(
  username: string,
  actor: AuditActor,
  opts: ManageOptions = {},
): Promise<User> {
  return inTransaction(opts.db ?? getDb(), async (trx) => {
    const user = await mustFind(username, trx)
    const updated = (await repo.endUserSessions(user.id, trx)) ?? user
    await recordAuditBy(
      actor,
      { action: 'user.sessions_end', target: target(user), detail: { id: user.id } },
      trx,
    )
    return updated
  })
}

export async function changeUserRole(
  username: string,
  role: UserRole,
  actor: AuditActor,
  opts: ManageOptions = {},
): Promise<User> {
  const newRole = parse(roleSchema, role)
  return inTransaction(opts.db ?? getDb(), async (trx) => {
    const user = await mustFind(username, trx)
    if (user.role === newRole) return user
    guardSelf(user, actor, 'self_role')
    if (newRole !== 'admin') await guardLastAdmin(user, trx)
    const updated = (await repo.setUserRole(user.id, newRole, trx)) ?? user
    const detail = { id: user.id, from: user.role, to: newRole }
    await recordAuditBy(actor, { action: 'user.role', target: target(user), detail }, trx)
    return updated
  })
}
