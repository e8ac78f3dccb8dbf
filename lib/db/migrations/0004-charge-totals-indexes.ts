import type { Migration } from './types'

/*
 * Covering indexes for the manager's totals (count and sum per status and pay way over the whole
 * filtered set), found by `npm run bench charges-scale` on a million charges. Without them every
 * large total read the table row by row (SQLite: an index walk plus one table lookup per charge, then
 * a sort for the GROUP BY; PostgreSQL: a parallel sequential scan).
 */
export const chargeTotalsIndexesMigration: Migration = {
  name: '0004-charge-totals-indexes',
  async up(db) {
    // Date-range totals (today, this month, from/to, with an amount range): a range scan of the
    // index alone (PostgreSQL: an index-only scan), never the table.
    await db.schema
      .createIndex('charges_created_totals_idx')
      .on('charges')
      .columns(['created_at', 'status', 'pay_way', 'amount_fen'])
      .execute()
    // Totals with no date (the list as first opened) or by status / pay way: already in GROUP BY
    // order, so SQLite aggregates as it reads instead of sorting every row; with planner statistics
    // (ANALYZE) SQLite also serves date ranges from it by skip-scan.
    await db.schema
      .createIndex('charges_status_totals_idx')
      .on('charges')
      .columns(['status', 'pay_way', 'created_at', 'amount_fen'])
      .execute()
    // Totals of one station (the station filter, with or without days): the same, within the station.
    await db.schema
      .createIndex('charges_station_totals_idx')
      .on('charges')
      .columns(['station_id', 'status', 'pay_way', 'created_at', 'amount_fen'])
      .execute()
  },
}
