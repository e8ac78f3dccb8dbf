import type { Migration } from './types'

/*
 * handovers.late_changes: the charges of earlier shifts whose money moved during this one (paid or
 * refunded after their own 交班), frozen as JSON when the handover is recorded, like its totals.
 * A handover recorded before this column has none: it was counted without them, and a record
 * never changes its figures later.
 */
export const handoverLateChangesMigration: Migration = {
  name: '0019-handover-late-changes',
  async up(db) {
    await db.schema
      .alterTable('handovers')
      .addColumn('late_changes', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute()
  },
}
