import type { Migration } from './types'

/*
 * ended_sessions: one row per session its user signed out of. A session is a self-contained token
 * (JWT), so deleting the cookie alone does not end it: a copy of the token — a request in flight
 * whose answer re-sets the cookie, a stolen cookie — would still be let in. The row lives until
 * the token itself expires; after that the token is refused anyway and the row is pruned.
 */
export const endedSessionsMigration: Migration = {
  name: '0015-ended-sessions',
  async up(db) {
    await db.schema
      .createTable('ended_sessions')
      .addColumn('session_id', 'text', (c) => c.primaryKey())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('ended_sessions_expires_idx')
      .on('ended_sessions')
      .column('expires_at')
      .execute()
  },
}
