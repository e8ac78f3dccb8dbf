import type { Migration } from './types'

/*
 * A receiving account per pay way: a WeChat-only account made "switch to Alipay" fail at DMS (2006).
 * The old single `reciever_id` stays, as "not yet split": which pay ways it takes is known only to
 * DMS, which a migration cannot ask, so lib/charges/station-accounts.ts splits it at the station's
 * next charge (into each pay way it takes, the others left unset) and then clears it.
 */
export const stationPayWayAccountsMigration: Migration = {
  name: '0010-station-pay-way-accounts',
  async up(db) {
    await db.schema.alterTable('stations').addColumn('reciever_weixin_id', 'text').execute()
    await db.schema.alterTable('stations').addColumn('reciever_alipay_id', 'text').execute()
  },
}
