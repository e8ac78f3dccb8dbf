import 'server-only'
import { Kysely, PostgresDialect } from 'kysely'
import pg, { type CustomTypesConfig } from 'pg'
import { dbEnv } from '@/lib/env'
import type { DialectName } from './dialect'
import type { Database } from './schema'
import { openSqlite } from './sqlite'
import { registerSqliteLane } from './sqlite-lane'

const INT8 = 20
const NUMERIC = 1700

/*
 * node-postgres returns int8 and numeric as strings because they can exceed 2^53. Ours are
 * milliseconds, fen, autoincrement ids and sum()/count() of those: all far below 2^53, and the
 * SQLite driver already returns numbers. Parse them so both dialects give callers the same types,
 * and refuse (rather than round) anything that would not fit.
 * Installed per pool, not globally, so no other pg user in the process is affected.
 */
function toSafeNumber(text: string): number {
  const n = Number(text)
  if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n))) {
    throw new RangeError(`Database number ${text} does not fit a JS number`)
  }
  return n
}

const pgTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if ((oid === INT8 || oid === NUMERIC) && format !== 'binary') return toSafeNumber
    return pg.types.getTypeParser(oid, format)
  }) as CustomTypesConfig['getTypeParser'],
}

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
