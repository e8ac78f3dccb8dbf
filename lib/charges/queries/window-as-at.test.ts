import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createDb } from '@/lib/db/connection'
import { recordHandover, windowQuery } from '@/lib/handovers/repo'
import type { Handover } from '@/lib/handovers/types'
import { insertEvent } from '../repo-events'
import { CHARGE_STATUSES, type ChargeStatus } from '../status'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { windowChargesAsAt, type RecordedCharge } from './window-as-at'
import { windowCharges } from './window-charges'

const H = 3_600_000
// 2025-11-26 00:00 in Beijing.
const DAY = Date.UTC(2025, 10, 25, 16)
const HANDED = DAY + 13 * H
const actor = { kind: 'user' as const, id: 'u-mgr', name: 'manager', ip: '10.0.0.9' }
const cashier = { type: 'user' as const, id: 'u-c', name: 'cashier' }
const dms = { type: 'dms' as const, name: 'DMS' }

/** Per status, the count and sum the rows add up to, in the totals' shape. */
function sumByStatus(rows: Array<{ status: ChargeStatus; amountFen: number }>) {
  return CHARGE_STATUSES.map((status) => {
    const mine = rows.filter((r) => r.status === status)
    return { status, count: mine.length, sumFen: mine.reduce((a, r) => a + r.amountFen, 0) }
  })
}

describeDialects('a recorded window as at 交班', (target) => {
  let t: TestDatabase
  let refs: { stationId: string; cashierId: string }
  let ids: Record<string, string>
  let handover: Handover

  /** A charge created at `at` and walked through `path` with one event per step, as the ledger does. */
  async function charge(bill: string, at: number, fen: number, path: ChargeStatus[]) {
    const row = openCharge(refs, bill, {
      status: path[path.length - 1]!,
      open_bill: null,
      created_at: at,
      amount_fen: fen,
      expires_at: at + H,
    })
    await t.db.insertInto('charges').values(row).execute()
    await insertEvent(t.db, row.id, { actor: cashier, type: 'created', to: 'creating' }, at)
    let from: ChargeStatus = 'creating'
    for (const [i, to] of path.entries()) {
      await insertEvent(t.db, row.id, { actor: dms, type: 'dms-status', from, to }, at + i + 1)
      from = to
    }
    return row.id
  }

  /** A status change after the handover: the row and its event, like updateCharge. */
  async function change(id: string, from: ChargeStatus, to: ChargeStatus, at: number) {
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable('charges').set({ status: to }).where('id', '=', id).execute()
      await insertEvent(trx, id, { actor: dms, type: 'dms-status', from, to }, at)
    })
  }

  beforeAll(async () => {
    t = await target.open()
    refs = {
      stationId: await insertStation(t.db, '前台 W'),
      cashierId: await insertUser(t.db, 'wang'),
    }
    ids = {
      refunded: await charge('W-1', DAY + 9 * H, 12850, ['pending', 'paid']),
      paidAfterCancel: await charge('W-2', DAY + 10 * H, 500, ['pending', 'closed']),
      late: await charge('W-3', DAY + 11 * H, 999, ['pending', 'failed']),
      kept: await charge('W-4', DAY + 12 * H, 300, ['pending', 'paid']),
    }
    const scope = { stationId: refs.stationId, cashierId: null }
    handover = await recordHandover({ scope, from: DAY, to: HANDED, actor }, t.db)
    // After 交班: DMS reports a refund, a payment that beat the cancel, and a late answer whose
    // time was stamped before the handover (a check stamps it before asking DMS) but written after.
    await change(ids.refunded!, 'paid', 'refunded', HANDED + 2 * H)
    await change(ids.paidAfterCancel!, 'closed', 'paid', HANDED + H)
    await change(ids.late!, 'failed', 'paid', HANDED - 1000)
    // Created in the window's time but written after the totals were read: not in the record.
    await charge('W-5', DAY + 12 * H + 1, 700, ['pending', 'paid'])
  })
  afterAll(() => t.close())

  const recorded = () =>
    windowChargesAsAt(
      windowQuery(handover, { from: handover.windowFrom, to: handover.windowTo }),
      handover.eventsThrough,
      t.db,
    )

  it('lists each charge with its status at 交班, and what it became since', async () => {
    const rows = await recorded()
    const view = (r: RecordedCharge) => [r.bzOrder, r.status, r.later]
    expect(rows.map(view)).toEqual([
      ['W-1', 'paid', { status: 'refunded', at: HANDED + 2 * H }],
      ['W-2', 'closed', { status: 'paid', at: HANDED + H }],
      ['W-3', 'failed', { status: 'paid', at: HANDED - 1000 }],
      ['W-4', 'paid', null],
    ])
    // The ledger now says otherwise (that is what the rows must not show as the record).
    const now = await windowCharges(windowQuery(handover, { from: DAY, to: HANDED }), t.db)
    expect(now.map((r) => [r.bzOrder, r.status])).toEqual([
      ['W-1', 'refunded'],
      ['W-2', 'paid'],
      ['W-3', 'paid'],
      ['W-4', 'paid'],
      ['W-5', 'paid'],
    ])
  })

  it('adds up, status by status, to the totals frozen at 交班', async () => {
    const rows = await recorded()
    expect(sumByStatus(rows)).toEqual(handover.totals.byStatus)
    expect(handover.totals.paid).toEqual({ count: 2, sumFen: 13150 })
    expect(handover.totals.all.count).toBe(rows.length)
  })
})

/*
 * PostgreSQL hands out event ids before commit: a status change still in flight when 交班 reads its
 * totals holds an id below a later, already committed event's. The handover's mark must not pass it
 * (the totals would miss the change while the rows, read against the mark, showed it): it waits for
 * the change, then counts it on both sides. SQLite serializes writers, so only PostgreSQL is asked.
 */
describeDialects('a handover while a status change is in flight', (target) => {
  let t: TestDatabase

  beforeAll(async () => {
    t = await target.open()
  })
  afterAll(() => t.close())

  it('reads its totals and its mark on the same side of the change', async () => {
    if (t.dialect !== 'postgres') return expect(t.dialect).toBe('sqlite')
    const refs = {
      stationId: await insertStation(t.db, '前台 F'),
      cashierId: await insertUser(t.db, 'li'),
    }
    const add = async (bill: string, at: number) => {
      const row = openCharge(refs, bill, {
        status: 'paid',
        open_bill: null,
        created_at: at,
        amount_fen: 100,
      })
      await t.db.insertInto('charges').values(row).execute()
      await insertEvent(
        t.db,
        row.id,
        { actor: dms, type: 'dms-status', from: 'pending', to: 'paid' },
        at,
      )
      return row.id
    }
    const inFlight = await add('F-1', DAY + H)
    const other = await add('F-2', DAY + 2 * H)
    const { db: second } = createDb(t.options)
    let commit!: () => void
    let written!: () => void
    const wrote = new Promise<void>((r) => (written = r))
    // A refund written (its event id taken) but not committed yet…
    const refund = second.transaction().execute(async (trx) => {
      await trx
        .updateTable('charges')
        .set({ status: 'refunded' })
        .where('id', '=', inFlight)
        .execute()
      await insertEvent(
        trx,
        inFlight,
        { actor: dms, type: 'dms-status', from: 'paid', to: 'refunded' },
        HANDED,
      )
      written()
      await new Promise<void>((r) => (commit = r))
    })
    await wrote
    // …while another change commits with a higher id.
    await insertEvent(
      t.db,
      other,
      { actor: dms, type: 'attention-reviewed', from: 'paid', to: 'paid' },
      HANDED,
    )
    const scope = { stationId: refs.stationId, cashierId: null }
    const recording = recordHandover({ scope, from: DAY, to: HANDED, actor }, t.db)
    // The handover waits for the refund's lock (or, were it not to, is done): then the refund commits.
    let done = false
    void recording.finally(() => (done = true)).catch(() => {})
    const waiting = async () => {
      while (!done) {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_locks
          where not granted and relation = 'charge_events'::regclass`.execute(second)
        if (rows[0]!.n > 0) return
        await new Promise((r) => setTimeout(r, 20))
      }
    }
    await Promise.race([recording, waiting()])
    commit()
    await refund
    await second.destroy()
    const handover = await recording
    const rows = await windowChargesAsAt(
      windowQuery(scope, { from: DAY, to: HANDED }),
      handover.eventsThrough,
      t.db,
    )
    expect(rows.map((r) => [r.bzOrder, r.status, r.later])).toEqual([
      ['F-1', 'refunded', null],
      ['F-2', 'paid', null],
    ])
    expect(sumByStatus(rows)).toEqual(handover.totals.byStatus)
  })
})
