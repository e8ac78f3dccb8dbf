import type { Migration } from './types'

/*
 * charges.version: raised by every change a screen can see. The change feed (lib/feed) carries the
 * id and this number, never data; a screen keeps the view with the highest version it has seen, so
 * an answer that overtakes a newer one on the way never wins.
 */
export const chargeVersionMigration: Migration = {
  name: '0008-charge-version',
  async up(db) {
    await db.schema
      .alterTable('charges')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
  },
}
