import { sql } from 'kysely'
import type { Migration } from './types'

/*
 * charges.cancel_requested_by holds who asked to cancel only when a person did; the cashier's own
 * closes (the timeout, a QR that never reached us) leave it null. It used to hold the system's
 * actor name, "cashier", which a staff member can be called too (a display name defaults to the
 * username): that person's cancels were then told as timeouts. The timeline tells the two apart
 * (its cancel-requested event names the actor's kind), so the system's are cleared by it.
 */
export const systemCancelUnnamedMigration: Migration = {
  name: '0018-system-cancel-unnamed',
  async up(db) {
    await db
      .updateTable('charges')
      .set({ cancel_requested_by: null })
      .where('cancel_requested_by', '=', 'cashier')
      .where(
        sql<boolean>`exists (select 1 from charge_events e where e.charge_id = charges.id and e.type = 'cancel-requested' and e.actor_type = 'system')`,
      )
      .execute()
  },
}
