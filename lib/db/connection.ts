import 'server-only'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { dbEnv } from '@/lib/env'
import type { DialectName } from './dialect'
import { pgTypes } from './pg-types'
import type { Database } from './schema'
import { openSqlite } from './sqlite'
import { registerSqliteLane } from './sqlite-lane'

export interface CreateDbOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite at sqlitePath. */
  databaseUrl?: string
  sqlitePath?: string
  /** PostgreSQL only: the search_path for every connection (tests use one schema per run). */
  pgSchema?: string
}

export interface DbHandle {
  db: Kysely<Database>
  dialect: DialectName
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/

/** A new connection (pool) for the given options. The caller owns it: `await db.destroy()`. */
export function createDb(opts: CreateDbOptions): DbHandle {
  if (opts.databaseUrl) {
    if (opts.pgSchema !== undefined && !SCHEMA_NAME.test(opts.pgSchema)) {
      throw new Error(`Invalid PostgreSQL schema name: ${opts.pgSchema}`)
    }
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      types: pgTypes,
      // Sent at connection start-up, so every pooled connection gets it with no extra round trip.
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    })
    // An idle pooled connection that dies (database restart, network blip) is reported here; with
    // no listener Node would crash the whole server. The pool replaces it on the next query.
    pool.on('error', (err) => console.error('PostgreSQL connection lost:', err.message))
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
    }
  }
  const { dialect, lane } = openSqlite(opts.sqlitePath ?? 'data/cashier.db')
  const db = new Kysely<Database>({ dialect })
  registerSqliteLane(db, lane)
  return { db, dialect: 'sqlite' }
}

// On globalThis so that Next's dev-mode module reloads reuse the connection instead of leaking one
// per edit (and, on SQLite, piling up file handles).
const holder = globalThis as typeof globalThis & { __cashierDb?: DbHandle }

/** The process-wide database, configured from the environment (DATABASE_URL or SQLITE_PATH). */
export function getDb(): Kysely<Database> {
  holder.__cashierDb ??= createDb(dbEnv())
  return holder.__cashierDb.db
}

/** Closes the process-wide database (scripts, tests). The next getDb() opens a new one. */
export async function closeDb(): Promise<void> {
  const handle = holder.__cashierDb
  holder.__cashierDb = undefined
  await handle?.db.destroy()
}
