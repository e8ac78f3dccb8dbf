import type { Migration } from './types'

/*
 * stations.auto_print_receipt (0/1): the station prints a paid charge's receipt by itself on the
 * cashier's screen. Off for every existing station: a printer that suddenly starts printing is a
 * surprise the manager should choose.
 */
export const stationAutoPrintMigration: Migration = {
  name: '0014-station-auto-print',
  async up(db) {
    await db.schema
      .alterTable('stations')
      .addColumn('auto_print_receipt', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
  },
}
