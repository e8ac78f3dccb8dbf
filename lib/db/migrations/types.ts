import type { Kysely } from 'kysely'
import type { DialectName } from '../dialect'

/*
 * Migrations are forward-only and frozen once shipped: never edit one, add the next.
 * They get an untyped Kysely on purpose: a migration describes the schema as it was then, not
 * the current `Database` interface.
 */
export interface Migration {
  /** Sortable and unique, e.g. '0001-core'. Recorded in schema_migrations. */
  name: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  up(db: Kysely<any>, dialect: DialectName): Promise<void>
}

/** An autoincrement primary key that reads back as a JS number on both dialects. */
export const autoIdType = (dialect: DialectName) =>
  dialect === 'postgres' ? 'bigserial' : 'integer'
