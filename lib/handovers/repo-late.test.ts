import { afterAll, beforeAll, expect, it } from 'vitest'
import { insertEvent } from '@/lib/charges/repo-events'
import { lateTotals } from '@/lib/charges/queries/late-fold'
import type { ChargeStatus } from '@/lib/charges/status'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { getHandover } from './records'
import { openWindow, recordHandover, windowLateChanges } from './repo'

const H = 3_600_000
// 2025-11-26 00:00 in Beijing.
const DAY = Date.UTC(2025, 10, 25, 16)
const actor = { kind: 'user' as const, id: 'u-mgr', name: 'manager', ip: '10.0.0.9' }
const SYSTEM = { type: 'system', name: 'system' } as const

/*
 * Money that moves after its shift's 交班 (a closed charge DMS says paid, a counted payment refunded)
 * lands in the next handover's late changes, frozen with it, and is never counted twice: the sum of
 * every handover's paid total and late net is the money the shop holds.
 */
describeDialects('handover late changes', (target) => {
  let t: TestDatabase
  let refs: { stationId: string; cashierId: string }
  const ids: Record<string, string> = {}
  const scope = () => ({ stationId: refs.stationId, cashierId: null })

  /** A charge created at `at` that went through `path` (its events written, oldest first). */
  async function charge(bill: string, at: number, fen: number, path: ChargeStatus[]) {
    const row = openCharge(refs, bill, {
      status: path[path.length - 1]!,
      open_bill: null,
      created_at: at,
      amount_fen: fen,
      expires_at: at + H,
    })
    await t.db.insertInto('charges').values(row).execute()
    ids[bill] = row.id
    let from: ChargeStatus | null = null
    for (const [i, to] of path.entries()) {
      await insertEvent(t.db, row.id, { actor: SYSTEM, type: 'step', from, to }, at + i)
      from = to
    }
  }

  /** DMS's late word: the row moves and its timeline says so, as applyInput writes them. */
  async function move(bill: string, from: ChargeStatus, to: ChargeStatus, at: number) {
    await t.db.updateTable('charges').set({ status: to }).where('id', '=', ids[bill]!).execute()
    await insertEvent(t.db, ids[bill]!, { actor: SYSTEM, type: to, from, to }, at)
  }

  beforeAll(async () => {
    t = await target.open()
    refs = {
      stationId: await insertStation(t.db, '前台 L'),
      cashierId: await insertUser(t.db, 'qian'),
    }
    await charge('L-1', DAY + 9 * H, 1234, ['creating', 'pending', 'paid'])
    await charge('L-2', DAY + 10 * H, 300, ['creating', 'pending', 'closed'])
    await charge('L-3', DAY + 11 * H, 700, ['creating', 'pending', 'failed'])
  })
  afterAll(() => t.close())

  it('lists an earlier shift’s charge paid or refunded after its 交班 in the next shift, frozen', async () => {
    const a = await recordHandover(
      { scope: scope(), ...(await openWindow(scope(), DAY + 12 * H, t.db)), actor },
      t.db,
    )
    expect(a.paidFen).toBe(1234)
    expect(a.lateChanges).toEqual([])

    // In shift B: the closed L-2 is paid after all, the counted L-1 refunded; L-3 stays failed.
    await move('L-2', 'closed', 'paid', DAY + 12 * H + 600_000)
    await move('L-1', 'paid', 'refunded', DAY + 13 * H)
    await charge('L-4', DAY + 14 * H, 5000, ['creating', 'pending', 'paid'])
    const b = await openWindow(scope(), DAY + 15 * H, t.db)
    expect(b).toMatchObject({ from: DAY + 12 * H, lastMark: a.eventsThrough })
    const open = await windowLateChanges(scope(), b, Number.MAX_SAFE_INTEGER, t.db)
    expect(open.map((c) => [c.bzOrder, c.from, c.to, c.deltaFen, c.at])).toEqual([
      ['L-2', 'closed', 'paid', 300, DAY + 12 * H + 600_000],
      ['L-1', 'paid', 'refunded', -1234, DAY + 13 * H],
    ])
    expect(lateTotals(open)).toEqual({
      in: { count: 1, sumFen: 300 },
      out: { count: 1, sumFen: 1234 },
      netFen: -934,
    })

    const recorded = await recordHandover({ scope: scope(), ...b, actor }, t.db)
    // The window's own totals are its own charges only; the late changes stand beside them.
    expect(recorded.paidFen).toBe(5000)
    expect(recorded.lateChanges).toEqual(open)
    // The audit entry says what each shift took (本班实收), beside its own paid sum, where money of
    // an earlier shift moved in it; the first shift's entry has no such line.
    const audit = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'handover.record')
      .orderBy('id')
      .execute()
    const details = audit.map((r) => JSON.parse(r.detail!) as Record<string, unknown>)
    expect(details.map((d) => [d.paidYuan, d.lateNetYuan, d.takenYuan])).toEqual([
      ['12.34', undefined, undefined],
      ['50.00', '-9.34', '40.66'],
    ])

    // In shift C L-2's payment is refunded: C's change, B's record keeps what it was.
    await move('L-2', 'paid', 'refunded', DAY + 16 * H)
    const kept = await getHandover(recorded.id, t.db)
    expect(kept!.lateChanges).toEqual(open)
    const c = await openWindow(scope(), DAY + 17 * H, t.db)
    const inC = await windowLateChanges(scope(), c, Number.MAX_SAFE_INTEGER, t.db)
    expect(inC.map((x) => [x.bzOrder, x.from, x.to, x.deltaFen])).toEqual([
      ['L-2', 'paid', 'refunded', -300],
    ])
    // Counted once each: what all handovers took in is what is left, L-4's 50 yuan.
    const net = [a, recorded].reduce((s, h) => s + h.paidFen + lateTotals(h.lateChanges).netFen, 0)
    expect(net + lateTotals(inC).netFen).toBe(5000)
  })

  it('has no late changes without a previous handover, nor for another cashier’s scope', async () => {
    const own = { stationId: refs.stationId, cashierId: refs.cashierId }
    const first = await openWindow(own, DAY + 17 * H, t.db)
    expect(first.lastMark).toBeNull()
    expect(await windowLateChanges(own, first, Number.MAX_SAFE_INTEGER, t.db)).toEqual([])
    const other = await insertUser(t.db, 'sun')
    const theirs = { stationId: refs.stationId, cashierId: other }
    const window = { from: DAY + 17 * H, to: DAY + 18 * H, continuesLast: true, lastMark: 0 }
    expect(await windowLateChanges(theirs, window, Number.MAX_SAFE_INTEGER, t.db)).toEqual([])
    // From the timeline's start, the station's earlier charges net out but L-4's payment: a charge
    // not yet in the ledger at the span's start was in no handover's totals.
    const all = await windowLateChanges(scope(), window, Number.MAX_SAFE_INTEGER, t.db)
    expect(all.map((x) => [x.bzOrder, x.from, x.deltaFen])).toEqual([['L-4', null, 5000]])
  })
})
