import 'server-only'
import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { processWide } from '@/lib/server/process-wide'
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

/*
 * On globalThis, like the connection it describes (lib/db/connection.ts): under `next start` the
 * server bundles this module more than once (instrumentation, route handlers, pages each get a
 * copy), and the one connection is opened by whichever copy runs first. A registry per copy left
 * every other copy without the lane: every poll's prepared reads went through Kysely's queue
 * instead (measured: ≈2 ms of CPU an answer, 0.04× the bare server, bench/load.ts).
 */
const lanes = processWide('sqlite-lanes', () => new WeakMap<object, SqliteLane>())

export function registerSqliteLane<D>(db: Kysely<D>, lane: SqliteLane): void {
  lanes.set(db, lane)
}

/** The lane of a database opened by createDb on SQLite; none for PostgreSQL or a transaction. */
export function sqliteLaneOf<D>(db: Kysely<D>): SqliteLane | undefined {
  return lanes.get(db)
}
