import type { Migration } from './types'

/*
 * 交班: one row per handover, its totals frozen as they were when it was recorded (a charge that
 * changes later does not rewrite a closed shift). The scope is a station, optionally one cashier
 * (cashier_key '' = the whole station), so the UNIQUE index on (scope, window_from) lets only one of
 * two simultaneous handovers of the same window through, on both dialects.
 */
export const handoversMigration: Migration = {
  name: '0009-handovers',
  async up(db) {
    await db.schema
      .createTable('handovers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('station_id', 'text', (c) => c.notNull())
      .addColumn('cashier_key', 'text', (c) => c.notNull())
      .addColumn('window_from', 'bigint', (c) => c.notNull())
      .addColumn('window_to', 'bigint', (c) => c.notNull())
      .addColumn('handed_by', 'text', (c) => c.notNull())
      .addColumn('handed_by_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('paid_count', 'integer', (c) => c.notNull())
      .addColumn('paid_fen', 'bigint', (c) => c.notNull())
      .addColumn('totals', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('handovers_scope_window_idx')
      .on('handovers')
      .columns(['station_id', 'cashier_key', 'window_from'])
      .unique()
      .execute()
    await db.schema
      .createIndex('handovers_scope_to_idx')
      .on('handovers')
      .columns(['station_id', 'cashier_key', 'window_to'])
      .execute()
    await db.schema
      .createIndex('handovers_created_idx')
      .on('handovers')
      .column('created_at')
      .execute()
  },
}
