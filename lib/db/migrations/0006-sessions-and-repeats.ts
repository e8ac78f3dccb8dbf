import type { Migration } from './types'

/*
 * - users.session_version: a session carries the version it was made under; a password reset, a
 *   disable, a role change or "sign out everywhere" raises it, which ends the older sessions.
 * - charge_events.repeat_count / last_at: DMS refusing the same thing again (a close, a query) adds
 *   to one event instead of a row per try.
 * - charges.close_failures / close_retry_at: a close DMS keeps refusing is retried later and later.
 */
export const sessionsAndRepeatsMigration: Migration = {
  name: '0006-sessions-and-repeats',
  async up(db) {
    await db.schema
      .alterTable('users')
      .addColumn('session_version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema
      .alterTable('charge_events')
      .addColumn('repeat_count', 'integer', (c) => c.notNull().defaultTo(1))
      .execute()
    await db.schema.alterTable('charge_events').addColumn('last_at', 'bigint').execute()
    await db.schema
      .alterTable('charges')
      .addColumn('close_failures', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema.alterTable('charges').addColumn('close_retry_at', 'bigint').execute()
  },
}
