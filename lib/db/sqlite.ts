import 'server-only'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type SqliteDialectConfig,
} from 'kysely'
import { withStatementCache } from './statement-cache'
import type { SqliteLane } from './sqlite-lane'
import { keepSqliteStatsFresh } from './sqlite-stats'
import { TurnQueue } from './turn-queue'

/*
 * Every transaction on SQLite starts with BEGIN IMMEDIATE. A plain (deferred) BEGIN that reads and
 * then writes fails at once with SQLITE_BUSY when another process (the user CLI, a second server)
 * wrote in between, whatever the busy timeout. IMMEDIATE takes the write lock up front, so the
 * busy timeout applies and the transaction waits its turn instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #turns: TurnQueue

  constructor(config: SqliteDialectConfig, turns: TurnQueue) {
    super(config)
    this.#turns = turns
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  // Kysely's own lock wakes every waiter at each release and all but one go back to sleep: with
  // 200 screens polling at once each query paid for 200 wake-ups (15 µs a query alone, 40 µs at 200
  // concurrent callers). Waiting here in turn, one at a time, leaves its lock never contended.
  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#turns.take()
    return super.acquireConnection()
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection()
    this.#turns.pass()
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig
  readonly #turns: TurnQueue

  constructor(config: SqliteDialectConfig, turns: TurnQueue) {
    super(config)
    this.#config = config
    this.#turns = turns
  }

  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config, this.#turns)
  }
}

/**
 * Opens (creating if needed) the SQLite file with the pragmas a server + CLI setup needs. Returns
 * Kysely's dialect and the lane that prepared reads use beside it (lib/db/prepared-read.ts).
 */
export function openSqlite(path: string): { dialect: SqliteDialect; lane: SqliteLane } {
  if (path !== ':memory:' && !path.startsWith('file:'))
    mkdirSync(dirname(path), { recursive: true })
  const database = new BetterSqlite3(path)
  // busy_timeout first: switching to WAL takes a lock that another process may hold right now.
  database.pragma('busy_timeout = 5000')
  database.pragma('journal_mode = WAL')
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the
  // last commits, which is the usual trade for a desk machine.
  database.pragma('synchronous = NORMAL')
  database.pragma('foreign_keys = ON')
  const statements = withStatementCache(database)
  const turns = new TurnQueue()
  keepSqliteStatsFresh(database, turns)
  return {
    dialect: new ImmediateSqliteDialect({ database: statements }, turns),
    lane: { connection: database, turns },
  }
}
