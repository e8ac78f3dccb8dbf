import 'server-only'
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'
import { dialectOf, type DialectName } from '@/lib/db/dialect'
import type { Database } from '@/lib/db/schema'
import type { ChargeQuery } from './filters'
import { selectiveParts } from './search-parts'
import { ftsPhrase, isShortSearch, likeContains } from './search-text'

type Eb = ExpressionBuilder<Database, 'charges'>

/*
 * The one search rule of the app (the manager's list, its totals, chart and exports, the cashier's
 * bill search, the handover's window all go through chargeWhere): any part of the bill number, the
 * DMS business order no. or the DMS order no., any case. Indexes from migration 0013: on SQLite an
 * FTS5 trigram table kept in step with `charges` by triggers, on PostgreSQL pg_trgm GIN indexes on
 * the three columns. Numbers stay text everywhere (DMS order nos. exceed 2^53). A page looks the
 * text up once beforehand (resolveSearch, below), asking the index for its selective parts only.
 */
export function searchMatch(eb: Eb, text: string, dialect: DialectName): Expression<SqlBool> {
  const columns = ['charges.bz_order', 'charges.biz_order_no', 'charges.order_no'] as const
  if (isShortSearch(text)) {
    // Too short for a trigram: the whole number, through the plain indexes of migration 0002.
    return eb.or(columns.map((c) => eb(c, '=', text)))
  }
  if (dialect === 'sqlite') {
    // The FTS table shares the rowid of `charges`; the phrase finds the text inside any column.
    return sql<SqlBool>`${sql.ref('charges.rowid')} in (select rowid from charges_search where charges_search match ${ftsPhrase(text)})`
  }
  // The matching ids first, once (an InitPlan over the three pg_trgm indexes, OR-ed as a bitmap),
  // then those rows. Written as a plain OR in the WHERE, the planner walked the whole created_at
  // index backwards for the list's newest-first LIMIT, testing every charge (0.1 s at 100k).
  const pattern = likeContains(text)
  const like = (c: string) => sql`${sql.id(c)} ilike ${pattern} escape '\\'`
  const any = sql.join(
    columns.map((c) => like(c.replace('charges.', ''))),
    sql` or `,
  )
  return sql<SqlBool>`${eb.ref('charges.id')} = any(array(select id from charges where ${any}))`
}

/** Past this many matches the search stays a subquery (resolveSearch): a long IN list costs more. */
const MAX_RESOLVED = 500

/** Past this many charges holding the selective parts, the whole text goes to the index instead. */
const MAX_CANDIDATES = 2000

/**
 * The charges whose numbers tell which trigrams most charges share (search-parts.ts): SAMPLE_RUNS
 * runs of SAMPLE_RUN consecutive charges, spread evenly over the ledger's time. Spread, not the
 * newest: a trigram of today's date is in every charge of today but in few of the ledger's.
 */
const SAMPLE_RUNS = 10
const SAMPLE_RUN = 10
/** The ledger's shape changes over days, not seconds: one sample serves a minute of searches. */
const SAMPLE_TTL_MS = 60_000
const samples = new WeakMap<
  Kysely<Database>,
  { at: number; numbers: Array<Array<string | null>> }
>()

/**
 * The search of `q` run once, up front: the list, the totals and the chart then read those charges
 * by primary key instead of each running the trigram search again (a third of the time of a search
 * page). A text matching more than MAX_RESOLVED charges, or a short one, is left as it is.
 */
export async function resolveSearch(q: ChargeQuery, db: Kysely<Database>): Promise<ChargeQuery> {
  if (!q.q || isShortSearch(q.q)) return q
  const ids = (await narrowSearch(q.q, db)) ?? (await wholeSearch(q.q, db))
  return ids.length > MAX_RESOLVED ? q : { ...q, matchIds: ids }
}

/** The charges matching all of `text` through the index (up to MAX_RESOLVED + 1 of them). */
async function wholeSearch(text: string, db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('charges')
    .where((eb) => searchMatch(eb, text, dialectOf(db)))
    .select('charges.id')
    .limit(MAX_RESOLVED + 1)
    .execute()
  return rows.map((r) => r.id)
}

const NUMBERS = ['bz_order', 'biz_order_no', 'order_no'] as const
const numberRefs = NUMBERS.map((c) => sql.ref(`charges.${c}`))

/**
 * The index asked for the selective parts of `text` only (search-parts.ts), the whole text checked
 * on the rows it finds, in the same read. Undefined when no part is left out, or when the parts
 * match more than MAX_CANDIDATES charges: wholeSearch then. The read stops at a LIMIT, so a part
 * commoner than the sample said costs a bounded detour.
 */
async function narrowSearch(text: string, db: Kysely<Database>): Promise<string[] | undefined> {
  let sample = samples.get(db)
  if (!sample || Date.now() - sample.at > SAMPLE_TTL_MS) {
    sample = { at: Date.now(), numbers: await sampleNumbers(db) }
    samples.set(db, sample)
  }
  const parts = selectiveParts(text, sample.numbers)
  if (parts.length === 0 || (parts.length === 1 && parts[0] === text)) return undefined
  const found = await holdingParts(parts, text, db)
  if (found.length > MAX_CANDIDATES) return undefined
  return found.filter((r) => Number(r.whole) === 1).map((r) => r.id)
}

/** The numbers of the sampled charges (SAMPLE_RUNS): each one index seek on created_at. */
async function sampleNumbers(db: Kysely<Database>): Promise<Array<Array<string | null>>> {
  // Two scalar subqueries: SQLite reads min() and max() from the index only one at a time.
  const span = await sql<{ lo: number | string | null; hi: number | string | null }>`select
    (select min(created_at) from charges) as lo, (select max(created_at) from charges) as hi`.execute(
    db,
  )
  const { lo, hi } = span.rows[0] ?? { lo: null, hi: null }
  if (lo === null || hi === null) return []
  const from = Number(lo)
  const step = (Number(hi) - from) / SAMPLE_RUNS
  const runs = Array.from(
    { length: SAMPLE_RUNS },
    (_, k) =>
      sql`select * from (select ${sql.join(numberRefs)} from charges
        where charges.created_at >= ${Math.floor(from + k * step)}
        order by charges.created_at limit ${SAMPLE_RUN}) as ${sql.id(`run${k}`)}`,
  )
  const { rows } = await sql<Record<(typeof NUMBERS)[number], string | null>>`${sql.join(
    runs,
    sql` union all `,
  )}`.execute(db)
  return rows.map((r) => NUMBERS.map((c) => r[c]))
}

/**
 * The charges holding every part (up to MAX_CANDIDATES + 1), each with whether it holds all of
 * `text` in one of its numbers, in any case. That check is a plain expression on the row: strpos is
 * no pg_trgm operator, so PostgreSQL cannot fold it into the very index scans this avoids (and ILIKE
 * is lower() on both sides in a UTF-8 database: the same rule).
 */
async function holdingParts(
  parts: string[],
  text: string,
  db: Kysely<Database>,
): Promise<Array<{ id: string; whole: number | boolean }>> {
  const limit = MAX_CANDIDATES + 1
  const sqlite = dialectOf(db) === 'sqlite'
  const holds = (c: (typeof numberRefs)[number]) =>
    sqlite
      ? sql`instr(lower(${c}), lower(${text})) > 0`
      : sql`strpos(lower(${c}), lower(${text})) > 0`
  const whole = sql`(${sql.join(numberRefs.map(holds), sql` or `)}) as whole`
  if (sqlite) {
    // The FTS table drives, read lazily up to the LIMIT (charges_search match … in a subquery
    // would collect every match first); each charge is then read by its rowid.
    const match = parts.map(ftsPhrase).join(' AND ')
    const { rows } = await sql<{ id: string; whole: number }>`select charges.id, ${whole}
      from charges_search join charges on charges.rowid = charges_search.rowid
      where charges_search match ${match} limit ${limit}`.execute(db)
    return rows
  }
  // One column holding every part, through that column's pg_trgm index.
  const each = (c: (typeof numberRefs)[number]) =>
    sql`(${sql.join(
      parts.map((p) => sql`${c} ilike ${likeContains(p)} escape '\\'`),
      sql` and `,
    )})`
  const { rows } = await sql<{ id: string; whole: boolean }>`select charges.id, ${whole}
    from charges where ${sql.join(numberRefs.map(each), sql` or `)} limit ${limit}`.execute(db)
  return rows
}
