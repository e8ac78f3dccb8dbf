import type { Migration } from './types'

/*
 * A manager's way out for a charge DMS cannot confirm: what they settled it as ('not-charged' or
 * 'paid'; NULL for every charge DMS settled), and whether a later DMS answer disagreed with them
 * (then it is on the needs-attention list until a manager marks it handled).
 */
export const chargeSettlementMigration: Migration = {
  name: '0011-charge-settlement',
  async up(db) {
    await db.schema.alterTable('charges').addColumn('settled_outcome', 'text').execute()
    await db.schema
      .alterTable('charges')
      .addColumn('settle_disputed', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
  },
}
