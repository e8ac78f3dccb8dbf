import 'server-only'
import type { Kysely } from 'kysely'
import type { Database } from './schema'

/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one, so a repository
 * function can be atomic on its own and still join a larger unit of work.
 * On SQLite this takes the write lock up front (BEGIN IMMEDIATE, see sqlite.ts) and holds the one
 * connection: keep it short and never await a network call (DMS) inside it.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn)
}
