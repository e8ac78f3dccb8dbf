import { sql } from 'kysely'
import type { Migration } from './types'
import { autoIdType } from './types'

/** The charge ledger and its timeline. */
export const chargesMigration: Migration = {
  name: '0002-charges',
  async up(db, dialect) {
    await db.schema
      .createTable('charges')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('bz_order', 'text', (c) => c.notNull())
      .addColumn('amount_fen', 'bigint', (c) => c.notNull())
      .addColumn('pay_way', 'text', (c) => c.notNull())
      .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
      .addColumn('cashier_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('payer_id', 'text', (c) => c.notNull())
      .addColumn('reciever_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('open_bill', 'text')
      .addColumn('biz_order_no', 'text')
      .addColumn('order_no', 'text')
      .addColumn('pay_info', 'text')
      .addColumn('dms_expire_at', 'bigint')
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('cancel_requested_at', 'bigint')
      .addColumn('cancel_requested_by', 'text')
      .addColumn('paid_after_cancel', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('paid_at', 'bigint')
      .addColumn('error_code', 'integer')
      .addColumn('error_message', 'text')
      .addColumn('next_check_at', 'bigint')
      .addColumn('check_failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('claim_until', 'bigint')
      .addColumn('claim_owner', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      // open_bill can only ever hold this charge's own bill number, so the unique index below
      // means exactly "one open charge per bill".
      .addCheckConstraint(
        'charges_open_bill_is_bill',
        sql`open_bill is null or open_bill = bz_order`,
      )
      .execute()

    // NULLs are distinct in a unique index on both dialects: any number of terminal charges per bill.
    await db.schema
      .createIndex('charges_open_bill_uq')
      .unique()
      .on('charges')
      .column('open_bill')
      .execute()
    await db.schema
      .createIndex('charges_biz_order_no_uq')
      .unique()
      .on('charges')
      .column('biz_order_no')
      .where('biz_order_no', 'is not', null)
      .execute()
    await db.schema.createIndex('charges_order_no_idx').on('charges').column('order_no').execute()
    await db.schema.createIndex('charges_bz_order_idx').on('charges').column('bz_order').execute()
    await db.schema
      .createIndex('charges_station_created_idx')
      .on('charges')
      .columns(['station_id', 'created_at'])
      .execute()
    await db.schema
      .createIndex('charges_created_id_idx')
      .on('charges')
      .columns(['created_at', 'id'])
      .execute()
    await db.schema
      .createIndex('charges_status_created_idx')
      .on('charges')
      .columns(['status', 'created_at'])
      .execute()
    // The background sweep: open charges due for a DMS check.
    await db.schema
      .createIndex('charges_due_check_idx')
      .on('charges')
      .column('next_check_at')
      .where(sql.ref('open_bill'), 'is not', null)
      .execute()

    await db.schema
      .createTable('charge_events')
      .addColumn('id', autoIdType(dialect), (c) =>
        dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
      )
      .addColumn('charge_id', 'text', (c) => c.notNull().references('charges.id'))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text')
      .addColumn('dms_code', 'integer')
      .addColumn('dms_message', 'text')
      .addColumn('detail', 'text')
      .execute()
    await db.schema
      .createIndex('charge_events_charge_idx')
      .on('charge_events')
      .columns(['charge_id', 'id'])
      .execute()
  },
}
