import 'server-only'
import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { TurnQueue } from './turn-queue'

/*
 * What a prepared read needs to run beside Kysely on a SQLite connection: the connection itself
 * (for statements of its own), and its turn queue, to know that no query or transaction is using
 * it right now.
 */
export interface SqliteLane {
  connection: BetterSqlite3.Database
  turns: TurnQueue
}

const lanes = new WeakMap<object, SqliteLane>()

export function registerSqliteLane<D>(db: Kysely<D>, lane: SqliteLane): void {
  lanes.set(db, lane)
}

/** The lane of a database opened by createDb on SQLite; none for PostgreSQL or a transaction. */
export function sqliteLaneOf<D>(db: Kysely<D>): SqliteLane | undefined {
  return lanes.get(db)
}
