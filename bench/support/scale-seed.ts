import BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { createDb, migrate, type CreateDbOptions, type Database, type NewChargeRow } from '@/lib/db'
import { migrations as allMigrations } from '@/lib/db/migrations'
import { CHARGE_COLUMNS, chargeRows, SCALE_CASHIERS, SCALE_STATIONS } from './scale-data'

/*
 * Bulk loading of the synthetic ledger into a fresh database whose schema comes from migrate(), as
 * the app's would. The app's own insert path (one charge per transaction, with its events) would take
 * hours for a million rows, so the rows go in the fastest way each driver offers.
 * The migrations up to LOAD_AFTER (the schema this loader was written against) run before the load,
 * the later ones after it, on the loaded data: as they would on a shop's database, and faster.
 */

const LOAD_AFTER = '0003-devices'

const PG_BATCH = 5_000
const BIGINT_COLUMNS = new Set<string>([
  'amount_fen',
  'dms_expire_at',
  'expires_at',
  'cancel_requested_at',
  'paid_at',
  'created_at',
  'updated_at',
])
const pgType = (c: string) =>
  BIGINT_COLUMNS.has(c) ? 'int8' : c === 'error_code' ? 'int4' : 'text'

/** The stations and cashiers the charges reference (foreign keys are on). */
async function insertRefs(db: Kysely<Database>, now: number): Promise<void> {
  await db
    .insertInto('stations')
    .values(
      SCALE_STATIONS.map((s) => ({ id: s.id, name: s.name, created_at: now, updated_at: now })),
    )
    .execute()
  await db
    .insertInto('users')
    .values(
      SCALE_CASHIERS.map((c) => ({
        id: c.id,
        username: c.username,
        display_name: c.name,
        password_hash: 'x',
        role: 'cashier' as const,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute()
}

export interface SeedOptions {
  /** Migration names to leave out, to measure the schema as it was before them. */
  without?: string[]
}

export interface SeedTimes {
  loadMs: number
  /** The migrations after LOAD_AFTER, run on the loaded database. */
  later: string[]
  laterMs: number
}

const values = (row: NewChargeRow) => CHARGE_COLUMNS.map((c) => row[c] ?? null)

async function seed(
  target: CreateDbOptions,
  now: number,
  opts: SeedOptions,
  load: () => Promise<void>,
): Promise<SeedTimes> {
  const list = allMigrations.filter((m) => !opts.without?.includes(m.name))
  // Names sort in the order migrations run (see migrations/types.ts).
  const first = list.filter((m) => m.name <= LOAD_AFTER)
  const { db } = createDb(target)
  try {
    await migrate(db, first)
    await insertRefs(db, now)
    let t0 = performance.now()
    await load()
    const loadMs = performance.now() - t0
    t0 = performance.now()
    const { applied } = await migrate(db, list)
    return { loadMs, later: applied, laterMs: performance.now() - t0 }
  } finally {
    await db.destroy()
  }
}

/** Migrates `path` (created if needed) and loads `total` charges in one transaction. */
export async function seedSqlite(
  path: string,
  total: number,
  now: number,
  opts: SeedOptions = {},
): Promise<SeedTimes> {
  return await seed({ sqlitePath: path }, now, opts, async () => {
    // A raw handle on the same file: better-sqlite3 runs one prepared statement a million times far
    // faster than Kysely compiles a million queries. The bigger page cache only serves this load.
    const raw = new BetterSqlite3(path)
    try {
      raw.pragma('cache_size = -262144')
      const insert = raw.prepare(
        `insert into charges (${CHARGE_COLUMNS.join(', ')}) values (${CHARGE_COLUMNS.map(() => '?').join(', ')})`,
      )
      raw.transaction(() => {
        for (const row of chargeRows(total, now)) insert.run(values(row))
      })()
    } finally {
      raw.close()
    }
  })
}

/**
 * Migrates the database at `url` and loads `total` charges, PG_BATCH rows per INSERT … SELECT FROM
 * unnest(…): one parameter per column, so the batch size is not bound by PostgreSQL's 65,535
 * parameters. Then VACUUM ANALYZE, which autovacuum would do soon after such a load anyway.
 */
export async function seedPostgres(
  url: string,
  total: number,
  now: number,
  opts: SeedOptions = {},
): Promise<SeedTimes> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    // Only this session: a crash mid-load loses at most the last batches of a throwaway database.
    await client.query('set synchronous_commit = off')
    const text =
      `insert into charges (${CHARGE_COLUMNS.join(', ')}) select * from unnest(` +
      CHARGE_COLUMNS.map((c, i) => `$${i + 1}::${pgType(c)}[]`).join(', ') +
      ')'
    const times = await seed({ databaseUrl: url }, now, opts, async () => {
      let columns: unknown[][] = CHARGE_COLUMNS.map(() => [])
      const flush = async () => {
        if (columns[0]!.length > 0) await client.query(text, columns)
        columns = CHARGE_COLUMNS.map(() => [])
      }
      for (const row of chargeRows(total, now)) {
        values(row).forEach((v, i) => columns[i]!.push(v))
        if (columns[0]!.length >= PG_BATCH) await flush()
      }
      await flush()
    })
    await client.query('vacuum analyze charges')
    return times
  } finally {
    await client.end()
  }
}
