import Database from 'better-sqlite3'
import bcrypt from 'bcryptjs'
import { ROLE_USERS } from './config'

/*
 * The seeded staff's stored password hashes, made again at bcrypt's lowest cost (4) from the same
 * password, in a server's database before any test signs in. A sign-in compares at the cost its
 * stored hash was made with: at BCRYPT_COST (12, lib/users/password.ts) that is 0.56 s of a core
 * per sign-in on an idle machine here (5 ms at cost 4), more on CI's two busy shards, and the
 * suite signs the seeded staff in dozens of times. The app is untouched: a sign-in still runs
 * the same bcrypt compare against the stored hash, an unknown name still the cost-12 dummy, and
 * whatever the app hashes itself (a user a test adds, a password it resets) is at cost 12.
 * BCRYPT_COST and the dummy hash are the unit tests' to check (users.test.ts,
 * credentials.test.ts); the abuse bench's servers keep their seeded hashes. The unit tests' own
 * users get the same lowest cost (`bcryptCost: 4`).
 */
const TEST_COST = 4

export function useTestCostHashes(sqlitePath: string, password: string): void {
  const db = new Database(sqlitePath)
  try {
    const update = db.prepare('update users set password_hash = ? where username = ?')
    const users = Object.values(ROLE_USERS)
    const changed = users.reduce(
      (n, username) => n + update.run(bcrypt.hashSync(password, TEST_COST), username).changes,
      0,
    )
    if (changed !== users.length) {
      throw new Error(`${changed} of the ${users.length} seeded users found in ${sqlitePath}`)
    }
  } finally {
    db.close()
  }
}
