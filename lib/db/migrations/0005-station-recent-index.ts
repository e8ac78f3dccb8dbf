import type { Migration } from './types'

/*
 * What a station's tablet asks every second, "did a charge of this station just end?", walked all
 * of the station's settled charges and sorted them by updated_at (found by `npm run bench load` on a
 * station with 100k past charges). With this index it reads from the last few seconds only.
 */
export const stationRecentIndexMigration: Migration = {
  name: '0005-station-recent-index',
  async up(db) {
    await db.schema
      .createIndex('charges_station_updated_idx')
      .on('charges')
      .columns(['station_id', 'updated_at'])
      .execute()
  },
}
