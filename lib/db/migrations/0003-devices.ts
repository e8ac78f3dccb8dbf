import type { Migration } from './types'

/** Customer tablets and the short codes that pair them with a station. */
export const devicesMigration: Migration = {
  name: '0003-devices',
  async up(db) {
    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint')
      .addColumn('revoked_at', 'bigint')
      .execute()
    await db.schema
      .createIndex('devices_token_hash_uq')
      .unique()
      .on('devices')
      .column('token_hash')
      .execute()
    await db.schema.createIndex('devices_station_idx').on('devices').column('station_id').execute()

    await db.schema
      .createTable('pairing_codes')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute()
  },
}
