import type { Migration } from './types'
import { autoIdType } from './types'

/*
 * Every printed receipt, so that a later copy says it is one (a customer must not pass a reprint off
 * as a second payment), and the manager can see who printed what.
 */
export const receiptPrintsMigration: Migration = {
  name: '0012-receipt-prints',
  async up(db, dialect) {
    await db.schema
      .createTable('receipt_prints')
      .addColumn('id', autoIdType(dialect), (c) =>
        dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
      )
      .addColumn('charge_id', 'text', (c) => c.notNull().references('charges.id'))
      .addColumn('printed_at', 'bigint', (c) => c.notNull())
      .addColumn('printed_by', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('receipt_prints_charge_idx')
      .on('receipt_prints')
      .column('charge_id')
      .execute()
  },
}
