import 'server-only'
import { sql, type RawBuilder } from 'kysely'

/*
 * Aggregates typed as numbers. On PostgreSQL count() is int8 and sum() of a bigint column is
 * numeric; the pool's type parsers (connection.ts) turn both into JS numbers, matching SQLite.
 */

/** count(*) as a number. */
export function countAll(): RawBuilder<number> {
  return sql<number>`count(*)`
}

/** sum(column) as a number, 0 (not NULL) when there are no rows. */
export function sumOf(column: string): RawBuilder<number> {
  return sql<number>`coalesce(sum(${sql.ref(column)}), 0)`
}
