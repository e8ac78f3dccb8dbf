import { sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { migrate } from '../migrate'
import { migrations } from './index'

/*
 * A handover recorded before events_through existed gets the largest event id stamped no later than
 * its own time: an event in its very instant counts, one a millisecond after does not, and an event
 * written late with an earlier time counts by its id, not by its place in time.
 */
describeDialects('0017-handover-timeline-mark', (target) => {
  let t: TestDatabase | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  it('marks each earlier handover with the last event at or before its time', async () => {
    t = await target.open({ migrated: false })
    const before = migrations.slice(
      0,
      migrations.findIndex((m) => m.name === '0017-handover-timeline-mark'),
    )
    expect(before.length).toBeGreaterThan(0)
    await migrate(t.db, before)

    await sql`insert into users (id, username, display_name, password_hash, role, created_at, updated_at)
      values ('u-1', 'cashier', 'Cashier', 'x', 'cashier', 1, 1)`.execute(t.db)
    await sql`insert into stations (id, name, created_at, updated_at) values ('s-1', 'Desk', 1, 1)`.execute(
      t.db,
    )
    for (const id of ['c-1', 'c-2']) {
      await sql`insert into charges (id, bz_order, amount_fen, pay_way, station_id, cashier_id,
          payer_id, reciever_id, status, expires_at, created_at, updated_at)
        values (${id}, ${`B-${id}`}, 100, 'weixin', 's-1', 'u-1', 'p', 'r', 'paid', 9000, 900, 900)`.execute(
        t.db,
      )
    }
    // In the order written; the 1500 one was stamped before its write committed, after 4000's.
    const stamps = [
      ['c-1', 1000],
      ['c-2', 2000],
      ['c-1', 4000],
      ['c-2', 1500],
      ['c-1', 3000],
      ['c-2', 3001],
    ] as const
    for (const [chargeId, at] of stamps) {
      await sql`insert into charge_events (charge_id, at, actor_type, type)
        values (${chargeId}, ${at}, 'user', 'status')`.execute(t.db)
    }
    const events = await t.db
      .selectFrom('charge_events')
      .select(['id', 'at'])
      .orderBy('id')
      .execute()
    expect(events.map((e) => Number(e.at))).toEqual(stamps.map(([, at]) => at))
    const idAt = (at: number) => Number(events.find((e) => Number(e.at) === at)!.id)

    const handovers = [
      ['h-at-3000', 3000],
      ['h-before-all', 500],
      ['h-after-all', 5000],
      ['h-at-2000', 2000],
    ] as const
    for (const [i, [id, createdAt]] of handovers.entries()) {
      await sql`insert into handovers (id, station_id, cashier_key, window_from, window_to, handed_by,
          handed_by_name, created_at, paid_count, paid_fen, totals)
        values (${id}, 's-1', '', ${i}, ${createdAt}, 'u-1', 'cashier', ${createdAt}, 0, 0, '{}')`.execute(
        t.db,
      )
    }

    await migrate(t.db)
    const rows = await t.db
      .selectFrom('handovers')
      .select(['id', 'events_through'])
      .orderBy('window_from')
      .execute()
    // Read as lib/handovers/repo.ts reads it.
    expect(rows.map((r) => [r.id, Number(r.events_through)])).toEqual([
      // The event at 3000 is in, the one at 3001 is out.
      ['h-at-3000', idAt(3000)],
      ['h-before-all', 0],
      ['h-after-all', Math.max(...events.map((e) => Number(e.id)))],
      // 2000's event is the latest in time, but the one at 1500 was written after it.
      ['h-at-2000', idAt(1500)],
    ])
    // The ids are the write order, so each expectation above names a different event.
    expect([idAt(3000), idAt(1500), idAt(2000)]).toEqual([5, 4, 2])
  })
})
