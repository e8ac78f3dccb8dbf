import { testDatabaseEnv } from '@/lib/env'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { describe, it } from 'vitest'
import { createDb, type CreateDbOptions } from '@/lib/db/connection'
import type { DialectName } from '@/lib/db/dialect'
import { migrate } from '@/lib/db/migrate'
import type { Database } from '@/lib/db/schema'

/*
 * The two databases every data-layer suite runs against: SQLite in a temp file and PostgreSQL in a
 * fresh schema. PostgreSQL missing is a failure on CI and a loud skip on a laptop.
 */

const testDb = testDatabaseEnv()
export const PG_URL = testDb.url

export interface TestDatabase {
  dialect: DialectName
  db: Kysely<Database>
  /** Options that open another connection to the same database (a second "process"). */
  options: CreateDbOptions
  /** Environment that points a child process (the CLI scripts) at the same database. */
  childEnv: Record<string, string | undefined>
  close(): Promise<void>
}

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

async function pgAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

async function openSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'cashier-db-'))
  const options = { sqlitePath: join(dir, 'test.db') }
  const { db } = createDb(options)
  return {
    dialect: 'sqlite',
    db,
    options,
    childEnv: { SQLITE_PATH: options.sqlitePath, DATABASE_URL: undefined, PGOPTIONS: undefined },
    async close() {
      await db.destroy()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function openPostgres(): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`
  await pgAdmin(`create schema ${schema}`)
  const options = { databaseUrl: PG_URL, pgSchema: schema }
  const { db } = createDb(options)
  return {
    dialect: 'postgres',
    db,
    options,
    childEnv: { DATABASE_URL: PG_URL, PGOPTIONS: `-c search_path=${schema}` },
    async close() {
      await db.destroy()
      await pgAdmin(`drop schema ${schema} cascade`)
    },
  }
}

const pgUp = await pgReachable()
if (!pgUp) {
  const message = `PostgreSQL is not reachable at ${PG_URL} (set TEST_DATABASE_URL)`
  if (testDb.required)
    throw new Error(`${message}: the PostgreSQL half of the data-layer suite must run on CI`)
  console.warn(
    `\n!!!!!!!! ${message}: SKIPPING the PostgreSQL half of the data-layer suite !!!!!!!!\n`,
  )
}

export interface DialectTarget {
  dialect: DialectName
  /** A new empty database; `migrated` (default true) applies the migrations first. */
  open(opts?: { migrated?: boolean }): Promise<TestDatabase>
}

function target(dialect: DialectName): DialectTarget {
  return {
    dialect,
    async open({ migrated = true } = {}) {
      const t = dialect === 'sqlite' ? await openSqlite() : await openPostgres()
      if (migrated) await migrate(t.db)
      return t
    },
  }
}

/** The targets to run: both, or SQLite only when PostgreSQL is unreachable off CI. */
export const dialectTargets: DialectTarget[] = pgUp
  ? [target('sqlite'), target('postgres')]
  : [target('sqlite')]

/** describe.each over the dialects, with a visible skipped block when PostgreSQL is missing. */
export function describeDialects(title: string, body: (target: DialectTarget) => void): void {
  describe.each(dialectTargets)(`${title} [$dialect]`, body)
  if (!pgUp) {
    describe.skip(`${title} [postgres]`, () => {
      it(`needs PostgreSQL at ${PG_URL}`, () => {})
    })
  }
}
