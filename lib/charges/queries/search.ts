import 'server-only'
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'
import { dialectOf, type DialectName } from '@/lib/db/dialect'
import type { Database } from '@/lib/db/schema'
import type { ChargeQuery } from './filters'
import { ftsPhrase, isShortSearch, likeContains } from './search-text'

type Eb = ExpressionBuilder<Database, 'charges'>

/*
 * The one search rule of the app (the manager's list, its totals, chart and exports, the cashier's
 * bill search, the handover's window all go through chargeWhere): any part of the bill number, the
 * DMS business order no. or the DMS order no., any case. Indexes from migration 0013: on SQLite an
 * FTS5 trigram table kept in step with `charges` by triggers, on PostgreSQL pg_trgm GIN indexes on
 * the three columns. Numbers stay text everywhere (DMS order nos. exceed 2^53).
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

/**
 * The search of `q` run once, up front: the list, the totals and the chart then read those charges
 * by primary key instead of each running the trigram search again (a third of the time of a search
 * page). A text matching more than MAX_RESOLVED charges, or a short one, is left as it is.
 */
export async function resolveSearch(q: ChargeQuery, db: Kysely<Database>): Promise<ChargeQuery> {
  if (!q.q || isShortSearch(q.q)) return q
  const rows = await db
    .selectFrom('charges')
    .where((eb) => searchMatch(eb, q.q!, dialectOf(db)))
    .select('charges.id')
    .limit(MAX_RESOLVED + 1)
    .execute()
  return rows.length > MAX_RESOLVED ? q : { ...q, matchIds: rows.map((r) => r.id) }
}
