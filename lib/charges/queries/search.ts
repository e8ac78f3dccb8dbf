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

/** The newest charges whose numbers tell which trigrams nearly every charge shares (search-parts.ts). */
const SAMPLE_SIZE = 100

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
 * The index asked for the selective parts of `text` only (search-parts.ts), then the whole text
 * checked on the charges found, by key. Undefined when no part is left out, or when the parts match
 * more than MAX_CANDIDATES charges: wholeSearch then. Both reads stop at a LIMIT, so a part
 * commoner than the sample said costs a bounded detour.
 */
async function narrowSearch(text: string, db: Kysely<Database>): Promise<string[] | undefined> {
  const sample = await db
    .selectFrom('charges')
    .select(NUMBERS)
    .orderBy('created_at', 'desc')
    .limit(SAMPLE_SIZE)
    .execute()
  const parts = selectiveParts(
    text,
    sample.map((r) => NUMBERS.map((c) => r[c])),
  )
  if (parts.length === 0 || (parts.length === 1 && parts[0] === text)) return undefined
  const keys = await holdingParts(parts, db)
  if (keys.length > MAX_CANDIDATES) return undefined
  return keys.length === 0 ? [] : await holdingWhole(text, keys, db)
}

/** Keys of the charges holding every part (up to MAX_CANDIDATES + 1): rowids on SQLite, ids on PostgreSQL. */
async function holdingParts(
  parts: string[],
  db: Kysely<Database>,
): Promise<Array<number | string>> {
  const limit = MAX_CANDIDATES + 1
  if (dialectOf(db) === 'sqlite') {
    // Read lazily from the FTS table up to the LIMIT (charges_search match … in a subquery would
    // collect every match first).
    const match = parts.map(ftsPhrase).join(' AND ')
    const { rows } = await sql<{
      key: number
    }>`select rowid as key from charges_search where charges_search match ${match} limit ${limit}`.execute(
      db,
    )
    return rows.map((r) => r.key)
  }
  // One column holding every part, through that column's pg_trgm index.
  const each = (c: (typeof numberRefs)[number]) =>
    sql`(${sql.join(
      parts.map((p) => sql`${c} ilike ${likeContains(p)} escape '\\'`),
      sql` and `,
    )})`
  const { rows } = await sql<{
    key: string
  }>`select id as key from charges where ${sql.join(numberRefs.map(each), sql` or `)} limit ${limit}`.execute(
    db,
  )
  return rows.map((r) => r.key)
}

/**
 * Those of the charges `keys` holding all of `text`, in any case, as a plain filter on them: strpos
 * is no pg_trgm operator, so PostgreSQL cannot trade the key lookup for the very index scans this
 * avoids (and ILIKE is lower() on both sides in a UTF-8 database: the same rule).
 */
async function holdingWhole(
  text: string,
  keys: Array<number | string>,
  db: Kysely<Database>,
): Promise<string[]> {
  const sqlite = dialectOf(db) === 'sqlite'
  const holds = (c: (typeof numberRefs)[number]) =>
    sqlite
      ? sql`instr(lower(${c}), lower(${text})) > 0`
      : sql`strpos(lower(${c}), lower(${text})) > 0`
  const key = sql.ref(sqlite ? 'charges.rowid' : 'charges.id')
  const { rows } = await sql<{ id: string }>`select charges.id from charges
    where ${key} in (${sql.join(keys)}) and (${sql.join(numberRefs.map(holds), sql` or `)})`.execute(
    db,
  )
  return rows.map((r) => r.id)
}
