import { sql } from 'kysely'
import type { Migration } from './types'

/*
 * audit_log.actor_kind: who the actor is (lib/audit/types.ts AUDIT_ACTOR_KINDS), so the log names
 * the system, the demo set-up or the command line in words without reading meaning into a name:
 * a failed sign-in records whatever was typed, and someone may type "system".
 *
 * Entries already written are sorted by what only their writers did: a signed-in user has an id;
 * sign-in entries (auth.*) with no id carry the typed name; every other entry with no id was
 * written by one of the tools under its fixed name, the one place the name is trusted.
 */
export const auditActorKindMigration: Migration = {
  name: '0016-audit-actor-kind',
  async up(db) {
    await db.schema
      .alterTable('audit_log')
      .addColumn('actor_kind', 'text', (c) => c.notNull().defaultTo('user'))
      .execute()
    await db
      .updateTable('audit_log')
      .set({ actor_kind: 'sign-in' })
      .where('actor_id', 'is', null)
      .where('action', 'like', 'auth.%')
      .execute()
    await db
      .updateTable('audit_log')
      .set({ actor_kind: sql.ref('actor_name') })
      .where('actor_id', 'is', null)
      .where('action', 'not like', 'auth.%')
      .where('actor_name', 'in', ['system', 'seed', 'cli', 'display'])
      .execute()
  },
}
