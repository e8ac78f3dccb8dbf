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

/*
 * Every transaction on SQLite starts with BEGIN IMMEDIATE. A plain (deferred) BEGIN that reads and
 * then writes fails at once with SQLITE_BUSY when another process (the user CLI, a second server)
 * wrote in between, whatever the busy timeout. IMMEDIATE takes the write lock up front, so the
 * busy timeout applies and the transaction waits its turn instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig

  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }

  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

/** Opens (creating if needed) the SQLite file with the pragmas a server + CLI setup needs. */
export function sqliteDialect(path: string): SqliteDialect {
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
  return new ImmediateSqliteDialect({ database })
}
