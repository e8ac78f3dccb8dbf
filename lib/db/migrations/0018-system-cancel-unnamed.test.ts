import { sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { migrate } from '../migrate'
import { migrations } from './index'

/*
 * Charges cancelled before cancel_requested_by was left empty for the system: the system's own
 * closes (its timeline's cancel-requested event is the system's) lose the name "cashier"; a
 * person's cancel keeps the name, whatever it is, "cashier" included.
 */
describeDialects('0018-system-cancel-unnamed', (target) => {
  let t: TestDatabase | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  it('clears the name on the system’s cancels only', async () => {
    t = await target.open({ migrated: false })
    const before = migrations.slice(
      0,
      migrations.findIndex((m) => m.name === '0018-system-cancel-unnamed'),
    )
    expect(before.length).toBeGreaterThan(0)
    await migrate(t.db, before)

    await sql`insert into users (id, username, display_name, password_hash, role, created_at, updated_at)
      values ('u-1', 'cashier', 'cashier', 'x', 'cashier', 1, 1)`.execute(t.db)
    await sql`insert into stations (id, name, created_at, updated_at) values ('s-1', 'Desk', 1, 1)`.execute(
      t.db,
    )
    const charges = [
      // id, cancel_requested_by, the cancel event's actor (type, id)
      ['c-timeout', 'cashier', 'system', null],
      ['c-person', 'cashier', 'user', 'u-1'],
      ['c-named', '收银员小王', 'user', 'u-1'],
      ['c-open', null, null, null],
    ] as const
    for (const [id, by, actorType, actorId] of charges) {
      await sql`insert into charges (id, bz_order, amount_fen, pay_way, station_id, cashier_id,
          payer_id, reciever_id, status, expires_at, cancel_requested_at, cancel_requested_by,
          created_at, updated_at)
        values (${id}, ${`B-${id}`}, 100, 'SCAN_WEIXIN', 's-1', 'u-1', 'p', 'r',
          ${by ? 'closed' : 'pending'}, 9000, ${by ? 9000 : null}, ${by}, 900, 900)`.execute(t.db)
      await sql`insert into charge_events (charge_id, at, actor_type, actor_id, actor_name, type)
        values (${id}, 900, 'user', 'u-1', 'cashier', 'created')`.execute(t.db)
      if (actorType) {
        await sql`insert into charge_events (charge_id, at, actor_type, actor_id, actor_name, type)
          values (${id}, 9000, ${actorType}, ${actorId}, 'cashier', 'cancel-requested')`.execute(
          t.db,
        )
      }
    }

    await migrate(t.db)
    const rows = await t.db
      .selectFrom('charges')
      .select(['id', 'cancel_requested_by'])
      .orderBy('id')
      .execute()
    expect(rows.map((r) => [r.id, r.cancel_requested_by])).toEqual([
      ['c-named', '收银员小王'],
      ['c-open', null],
      ['c-person', 'cashier'],
      ['c-timeout', null],
    ])
  })
})
