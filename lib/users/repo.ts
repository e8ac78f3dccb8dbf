import 'server-only'
import { sql, type Kysely } from 'kysely'
import { countAll } from '@/lib/db/aggregates'
import { getDb } from '@/lib/db/connection'
import { dialectOf } from '@/lib/db/dialect'
import { isUniqueViolation } from '@/lib/db/errors'
import { newId } from '@/lib/db/ids'
import { preparedRead } from '@/lib/db/prepared-read'
import type { Database, UserRow } from '@/lib/db/schema'
import { UserError } from './errors'
import type { UserRole } from './roles'
import type { User } from './types'

/*
 * Plain data access: no validation, hashing or audit (see manage.ts for those).
 * Usernames are lower-cased here too, so a lookup never depends on the caller remembering.
 */

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
    sessionVersion: Number(row.session_version),
  }
}

const norm = (username: string) => username.trim().toLowerCase()

export interface CreateUserRow {
  username: string
  displayName: string
  passwordHash: string
  role: UserRole
}

/** Throws UserError('duplicate_username') when the username is taken. */
export async function createUser(
  input: CreateUserRow,
  db: Kysely<Database> = getDb(),
): Promise<User> {
  const now = Date.now()
  try {
    const row = await db
      .insertInto('users')
      .values({
        id: newId(),
        username: norm(input.username),
        display_name: input.displayName,
        password_hash: input.passwordHash,
        role: input.role,
        disabled: 0,
        created_at: now,
        updated_at: now,
        last_login_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toUser(row)
  } catch (err) {
    if (isUniqueViolation(err, 'username')) {
      throw new UserError('duplicate_username', `User "${norm(input.username)}" already exists`)
    }
    throw err
  }
}

// Every staff page, action and poll re-reads its user: a prepared read.
const userById = preparedRead((db, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id),
)

export async function findUserById(
  id: string,
  db: Kysely<Database> = getDb(),
): Promise<User | null> {
  const row = await userById(db, id)
  return row ? toUser(row) : null
}

export async function findUserByUsername(
  username: string,
  db: Kysely<Database> = getDb(),
): Promise<User | null> {
  const row = await findUserRowByUsername(username, db)
  return row ? toUser(row) : null
}

/** With the password hash: for credentials.ts only. */
export async function findUserWithHash(
  username: string,
  db: Kysely<Database> = getDb(),
): Promise<{ user: User; passwordHash: string } | null> {
  const row = await findUserRowByUsername(username, db)
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null
}

function findUserRowByUsername(username: string, db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', norm(username))
    .executeTakeFirst()
}

/** Everyone, enabled first, then by role (admin first) and username. */
export async function listUsers(db: Kysely<Database> = getDb()): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute()
  const rank = { admin: 0, manager: 1, cashier: 2 } as const
  return rows
    .map(toUser)
    .sort((a, b) => Number(a.disabled) - Number(b.disabled) || rank[a.role] - rank[b.role])
}

/** Changes that end the user's existing sessions (see endsSessions). */
type SessionEnding = Pick<UserRow, 'disabled' | 'password_hash' | 'role'>

async function update(
  id: string,
  set: Partial<Pick<UserRow, 'disabled' | 'password_hash' | 'role' | 'display_name'>>,
  db: Kysely<Database>,
): Promise<User | null> {
  const endsSessions = (['disabled', 'password_hash', 'role'] as (keyof SessionEnding)[]).some(
    (k) => set[k] !== undefined,
  )
  const row = await db
    .updateTable('users')
    .set({
      ...set,
      updated_at: Date.now(),
      // A new password, a disable or a new role is a reason to sign in again everywhere.
      ...(endsSessions ? { session_version: sql<number>`session_version + 1` } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  return row ? toUser(row) : null
}

/** The updated user, or null when there is no such id (likewise for the setters below). */
export function setUserDisabled(id: string, disabled: boolean, db: Kysely<Database> = getDb()) {
  return update(id, { disabled: disabled ? 1 : 0 }, db)
}

export function setUserPasswordHash(id: string, hash: string, db: Kysely<Database> = getDb()) {
  return update(id, { password_hash: hash }, db)
}

export function setUserRole(id: string, role: UserRole, db: Kysely<Database> = getDb()) {
  return update(id, { role }, db)
}

export function setUserDisplayName(id: string, name: string, db: Kysely<Database> = getDb()) {
  return update(id, { display_name: name }, db)
}

/** Ends every session of the user at its next request ("sign out everywhere"). */
export async function endUserSessions(id: string, db: Kysely<Database> = getDb()) {
  const row = await db
    .updateTable('users')
    .set({ session_version: sql<number>`session_version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  return row ? toUser(row) : null
}

/** Records a successful sign-in; does not change updated_at (that tracks edits to the account). */
export async function touchUserLogin(
  id: string,
  at: number = Date.now(),
  db: Kysely<Database> = getDb(),
): Promise<void> {
  await db.updateTable('users').set({ last_login_at: at }).where('id', '=', id).execute()
}

/**
 * Enabled admins, for the "never lock everyone out" rule, inside the transaction that disables or
 * demotes one: on PostgreSQL their rows stay locked until it ends, so two admins disabling each
 * other at once are taken one after the other, and the second counts what the first left (under
 * read committed both used to count two and went ahead). SQLite's write transaction already holds
 * the one write lock from its start.
 */
export async function lockEnabledAdmins(db: Kysely<Database>): Promise<number> {
  let read = db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .orderBy('id')
  if (dialectOf(db) === 'postgres') read = read.forUpdate()
  return (await read.execute()).length
}

/** Enabled admins, for the "never lock everyone out" rule. */
export async function countEnabledAdmins(db: Kysely<Database> = getDb()): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(countAll().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow()
  return row.n
}
