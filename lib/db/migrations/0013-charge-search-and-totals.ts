import { sql } from 'kysely'
import { createDayTotals } from './0013-charge-day-totals'
import type { Migration } from './types'

/*
 * The manager's list at a million charges (issue 16, `npm run bench charges-scale`):
 * - any part of a bill number or a DMS order no., found at once: before this,
 *   `lower(bz_order) like '%…%'` read every charge (1.7 s on SQLite, 0.6 s on PostgreSQL). The
 *   search rule itself is lib/charges/queries/search.ts.
 * - totals and the daily chart of whole days without a search or an amount range, read from
 *   per-day totals instead of every charge (./0013-charge-day-totals.ts); an index for amount ranges.
 */

const COLUMNS = ['bz_order', 'biz_order_no', 'order_no'] as const

/*
 * SQLite: an FTS5 table with the trigram tokenizer (substring match, any case) over the three
 * columns. External content: the text stays in `charges` only, the FTS table holds just the index,
 * keyed by the charge's rowid; triggers keep it in step on every insert, update and delete.
 * `charges` has a text primary key, so its rowid is implicit: a VACUUM may renumber it, after which
 * `insert into charges_search(charges_search) values ('rebuild')` rebuilds the index (the app
 * never runs VACUUM).
 */
async function sqlite(db: Parameters<Migration['up']>[0]): Promise<void> {
  const cols = COLUMNS.join(', ')
  const values = (row: 'new' | 'old') => COLUMNS.map((c) => `${row}.${c}`).join(', ')
  const statements = [
    `create virtual table charges_search using fts5(${cols}, content='charges', content_rowid='rowid', tokenize='trigram')`,
    `create trigger charges_search_ai after insert on charges begin
       insert into charges_search(rowid, ${cols}) values (new.rowid, ${values('new')});
     end`,
    `create trigger charges_search_ad after delete on charges begin
       insert into charges_search(charges_search, rowid, ${cols}) values ('delete', old.rowid, ${values('old')});
     end`,
    `create trigger charges_search_au after update of ${cols} on charges begin
       insert into charges_search(charges_search, rowid, ${cols}) values ('delete', old.rowid, ${values('old')});
       insert into charges_search(rowid, ${cols}) values (new.rowid, ${values('new')});
     end`,
    // The charges already there, then merged into one b-tree per term: straight after a rebuild
    // the index is thousands of segments, and a fragment of a DMS id (whose trigrams are in every
    // charge) read them all (55 ms median at 1M, 21 ms merged). New charges are merged in by FTS5's
    // own automerge as they come.
    `insert into charges_search(charges_search) values ('rebuild')`,
    `insert into charges_search(charges_search) values ('optimize')`,
  ]
  for (const s of statements) await sql.raw(s).execute(db)
}

/*
 * PostgreSQL: pg_trgm GIN indexes on the columns themselves (ILIKE '%…%' uses them; no trigger, no
 * second copy). The extension lives in one schema of the database, shared by every schema that
 * migrates there (tests use a schema each), so the operator class is named with its schema. When
 * the extension cannot be created (no privilege, not installed on the server), the search still
 * works, by reading every charge; the migration says so on the console rather than fail the app.
 */
async function postgres(db: Parameters<Migration['up']>[0]): Promise<void> {
  const where = async () =>
    (
      await sql<{ schema: string }>`
        select n.nspname as schema from pg_extension e
        join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)
    ).rows[0]?.schema
  let schema = await where()
  if (!schema) {
    // A savepoint: a refused CREATE EXTENSION must not abort the migration's transaction.
    await sql`savepoint pg_trgm`.execute(db)
    try {
      await sql`create extension if not exists pg_trgm with schema public`.execute(db)
      await sql`release savepoint pg_trgm`.execute(db)
      schema = 'public'
    } catch (error) {
      await sql`rollback to savepoint pg_trgm`.execute(db)
      console.warn(
        `pg_trgm is not available (${(error as Error).message}): searching by part of a number reads every charge`,
      )
      return
    }
  }
  for (const c of COLUMNS) {
    await sql`create index ${sql.id(`charges_${c}_trgm_idx`)} on charges using gin (${sql.ref(c)} ${sql.id(schema)}.gin_trgm_ops)`.execute(
      db,
    )
  }
}

export const chargeSearchMigration: Migration = {
  name: '0013-charge-search-and-totals',
  async up(db, dialect) {
    await (dialect === 'sqlite' ? sqlite(db) : postgres(db))
    await createDayTotals(db, dialect)
    // An amount range (with or without days) can't use the per-day totals: a covering index that
    // reads only the charges in the range (the 0004 ones read every charge of the days). SQLite
    // skips through the few (status, pay way) pairs, reading each one's amount range already in
    // GROUP BY order (90 → 13 ms at 1M); PostgreSQL 15 has no skip scan, so there the amount leads.
    await db.schema
      .createIndex('charges_amount_totals_idx')
      .on('charges')
      .columns(
        dialect === 'sqlite'
          ? ['status', 'pay_way', 'amount_fen', 'created_at']
          : ['amount_fen', 'created_at', 'status', 'pay_way'],
      )
      .execute()
  },
}
