import 'server-only'
import { sql, type QueryExecutorProvider } from 'kysely'

export type DialectName = 'sqlite' | 'postgres'

const known = new WeakMap<object, DialectName>()

/**
 * Which dialect a Kysely instance (or a transaction / connection taken from it) talks to.
 * Uses only public API: PostgreSQL numbers its parameters ($1), SQLite does not (?).
 * For the rare query that must differ; most code should not need it.
 */
export function dialectOf(db: QueryExecutorProvider): DialectName {
  let name = known.get(db)
  if (!name) {
    name = sql`${1}`.compile(db).sql === '$1' ? 'postgres' : 'sqlite'
    known.set(db, name)
  }
  return name
}
