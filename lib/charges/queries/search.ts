import 'server-only'
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { DialectName } from '@/lib/db/dialect'
import type { Database } from '@/lib/db/schema'
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
