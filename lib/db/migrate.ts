import 'server-only'
import { sql, type Kysely } from 'kysely'
import { getDb } from './connection'
import { processWide } from '@/lib/server/process-wide'
import { dialectOf } from './dialect'
import { migrations as allMigrations } from './migrations'
import type { Migration } from './migrations/types'
import type { Database } from './schema'

// Any constant works as long as every cashier process uses the same one.
const PG_MIGRATION_LOCK = 0x444d5343 // 'DMSC'

export interface MigrateResult {
  /** Names applied by this call, in order. Empty when the database was already current. */
  applied: string[]
  /** Recorded in the database but unknown to this code: a newer version ran here before. */
  unknown: string[]
}

async function appliedNames(db: Kysely<Database>): Promise<string[] | null> {
  try {
    const rows = await db.selectFrom('schema_migrations').select('name').execute()
    return rows.map((r) => r.name)
  } catch {
    return null // no schema_migrations table yet
  }
}

function unknownNames(done: string[], list: readonly Migration[]): string[] {
  const known = new Set(list.map((m) => m.name))
  return done.filter((n) => !known.has(n))
}

/**
 * Applies the pending migrations, each recorded once in schema_migrations. Safe when several
 * processes start at once: all the work happens in one transaction that first takes a
 * database-wide lock (SQLite: BEGIN IMMEDIATE, see sqlite.ts; PostgreSQL: an advisory lock),
 * then re-reads what is applied. A failing migration rolls back with everything before it.
 */
export async function migrate(
  db: Kysely<Database>,
  list: readonly Migration[] = allMigrations,
): Promise<MigrateResult> {
  // Fast path without the write lock: the usual start-up finds nothing to do.
  const before = await appliedNames(db)
  if (before && list.every((m) => before.includes(m.name))) {
    return { applied: [], unknown: unknownNames(before, list) }
  }

  const dialect = dialectOf(db)
  const result = await db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') {
      await sql`select pg_advisory_xact_lock(${sql.lit(PG_MIGRATION_LOCK)})`.execute(trx)
    }
    await trx.schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('applied_at', 'bigint', (c) => c.notNull())
      .execute()
    const done = (await appliedNames(trx)) ?? []
    const applied: string[] = []
    for (const m of list) {
      if (done.includes(m.name)) continue
      await m.up(trx, dialect)
      await trx
        .insertInto('schema_migrations')
        .values({ name: m.name, applied_at: Date.now() })
        .execute()
      applied.push(m.name)
    }
    return { applied, unknown: unknownNames(done, list) }
  })
  // New indexes have no statistics yet: SQLite's planner would guess (see sqlite-stats.ts).
  if (dialect === 'sqlite' && result.applied.length > 0) {
    await sql`pragma optimize=0x10002`.execute(db)
  }
  return result
}

// Once per process, not once per bundle copy of this module (lib/server/process-wide.ts).
const ready = processWide('db-ready', () => new WeakMap<Kysely<Database>, Promise<void>>())

/** The process-wide database, migrated once per process (the first caller runs it, others wait). */
export async function ensureDatabase(): Promise<Kysely<Database>> {
  const db = getDb()
  let done = ready.get(db)
  if (!done) {
    done = migrate(db).then(() => undefined)
    ready.set(db, done)
    // A failed attempt is not remembered: the next call tries again.
    done.catch(() => ready.delete(db))
  }
  await done
  return db
}
