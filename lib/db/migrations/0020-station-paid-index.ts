import type { Migration } from './types'

/*
 * The today list's 今日已收 counts a station's payments by when they were paid (paid_at), read on
 * every change of the station's charges and every minute. Without this index it walked every paid
 * charge the station ever had and read each row for its paid_at; with it, a range of today's only,
 * from the index alone (amount_fen is in it).
 */
export const stationPaidIndexMigration: Migration = {
  name: '0020-station-paid-index',
  async up(db) {
    await db.schema
      .createIndex('charges_station_paid_idx')
      .on('charges')
      .columns(['station_id', 'status', 'paid_at', 'amount_fen'])
      .execute()
  },
}
