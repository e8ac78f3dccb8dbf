import { sql } from 'kysely'
import type { Migration } from './types'

/*
 * handovers.events_through: the last charge_events id written when the handover was recorded (its
 * totals were read in the same transaction). A charge's status at 交班 is then the from_status of
 * its first status event past that id, so the recorded page lists each charge as the totals counted
 * it, however it changed later, without a second copy of the rows.
 *
 * A handover recorded before this column gets the last event stamped no later than its own time: the
 * nearest the timeline can tell (an event's time is taken before its write commits, so one written
 * in the instant of a handover may sit on the wrong side; the id taken in the transaction cannot).
 */
export const handoverTimelineMarkMigration: Migration = {
  name: '0017-handover-timeline-mark',
  async up(db) {
    await db.schema
      .alterTable('handovers')
      .addColumn('events_through', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute()
    await db
      .updateTable('handovers')
      .set({
        events_through: sql`(select coalesce(max(e.id), 0) from charge_events e where e.at <= handovers.created_at)`,
      })
      .execute()
  },
}
