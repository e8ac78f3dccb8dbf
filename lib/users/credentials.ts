import 'server-only'
import type { Kysely } from 'kysely'
import { getDb } from '@/lib/db/connection'
import type { Database } from '@/lib/db/schema'
import { dummyVerify, verifyPassword } from './password'
import { findUserWithHash } from './repo'
import { usernameSchema } from './schemas'
import type { User } from './types'

/**
 * The user when the username exists, is enabled and the password matches; otherwise null.
 * Every path runs one bcrypt comparison, so the response time does not tell an attacker whether
 * the username exists or is disabled. Does not record the login: call touchUserLogin on success.
 */
export async function verifyCredentials(
  username: string,
  password: string,
  db: Kysely<Database> = getDb(),
): Promise<User | null> {
  const name = usernameSchema.safeParse(username)
  const found = name.success ? await findUserWithHash(name.data, db) : null
  if (!found || found.user.disabled) return dummyVerify(password).then(() => null)
  return (await verifyPassword(password, found.passwordHash)) ? found.user : null
}
