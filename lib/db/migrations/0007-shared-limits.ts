import type { Migration } from './types'

/*
 * State that every instance must share and a restart must not forget:
 * - rate_limits: sign-in and pairing attempts counted per key in fixed windows (lib/rate-limit);
 * - dms_notifications: the ids of DMS notifications already acted on, so a replay does nothing.
 */
export const sharedLimitsMigration: Migration = {
  name: '0007-shared-limits',
  async up(db) {
    await db.schema
      .createTable('rate_limits')
      .addColumn('limit_key', 'text', (c) => c.primaryKey())
      .addColumn('points', 'integer', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('rate_limits_expires_idx')
      .on('rate_limits')
      .column('expires_at')
      .execute()
    await db.schema
      .createTable('dms_notifications')
      .addColumn('notify_id', 'text', (c) => c.primaryKey())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('dms_notifications_received_idx')
      .on('dms_notifications')
      .column('received_at')
      .execute()
  },
}
