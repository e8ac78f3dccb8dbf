import 'server-only'
import type BetterSqlite3 from 'better-sqlite3'
import type { TurnQueue } from './turn-queue'

/*
 * SQLite's planner statistics (sqlite_stat1), kept fresh the way SQLite recommends for long-lived
 * connections: `PRAGMA optimize=0x10002` when the connection opens (every table checked, the ones
 * never analysed or grown a lot analysed), then `PRAGMA optimize` every hour, and once after
 * migrations add indexes (migrate.ts). Without statistics the planner guessed: over a million
 * charges it walked the wrong index for a whole-set total. PRAGMA optimize caps its own work
 * (a temporary analysis_limit since SQLite 3.46), so it takes milliseconds, not a full ANALYZE.
 * PostgreSQL needs none of this: autovacuum analyses tables as they grow.
 */

const EVERY_MS = 3_600_000

export function optimizeSqlite(connection: BetterSqlite3.Database, everyTable = true): void {
  connection.pragma(everyTable ? 'optimize=0x10002' : 'optimize')
}

/** Runs optimize now and every hour, each time in its turn (never inside someone's transaction). */
export function keepSqliteStatsFresh(connection: BetterSqlite3.Database, turns: TurnQueue): void {
  optimizeSqlite(connection)
  const timer = setInterval(() => {
    if (!connection.open) return clearInterval(timer)
    void turns.take().then(() => {
      try {
        if (connection.open) optimizeSqlite(connection, false)
      } catch (error) {
        console.error('PRAGMA optimize failed:', (error as Error).message)
      } finally {
        turns.pass()
      }
    })
  }, EVERY_MS)
  timer.unref()
}
