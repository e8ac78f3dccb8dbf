import { afterAll, beforeAll, expect, it } from 'vitest'
import { isOpen, type ChargeStatus } from '@/lib/charges/status'
import type { NewChargeRow } from '@/lib/db/schema'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { listHandovers } from './records'
import { openWindow, recordHandover } from './repo'
import { HandoverError } from './types'

const H = 3_600_000
// 2025-11-26 00:00 in Beijing.
const DAY = Date.UTC(2025, 10, 25, 16)
const actor = { kind: 'user' as const, id: 'u-mgr', name: 'manager', ip: '10.0.0.9' }

describeDialects('handovers', (target) => {
  let t: TestDatabase
  let refs: { stationId: string; cashierId: string }

  async function add(bill: string, status: ChargeStatus, at: number, fen: number, way?: string) {
    const row: NewChargeRow = openCharge(refs, bill, {
      status,
      open_bill: isOpen(status) ? bill : null,
      created_at: at,
      amount_fen: fen,
      expires_at: at + H,
      ...(way ? { pay_way: way } : {}),
    })
    await t.db.insertInto('charges').values(row).execute()
    return row
  }

  beforeAll(async () => {
    t = await target.open()
    refs = {
      stationId: await insertStation(t.db, '前台 H'),
      cashierId: await insertUser(t.db, 'zhao'),
    }
    await add('H-1', 'paid', DAY + 9 * H, 12850)
    await add('H-2', 'paid', DAY + 10 * H, 100, 'SCAN_ALIPAY')
    await add('H-3', 'failed', DAY + 11 * H, 999)
    await add('H-4', 'closed', DAY + 12 * H, 5000)
  })
  afterAll(() => t.close())

  const scope = () => ({ stationId: refs.stationId, cashierId: null })

  it('freezes the paid totals per pay way, the others apart, and starts the next window there', async () => {
    const first = await openWindow(scope(), DAY + 13 * H, t.db)
    expect(first).toEqual({ from: DAY, to: DAY + 13 * H, continuesLast: false, lastMark: null })
    const done = await recordHandover({ scope: scope(), ...first, actor }, t.db)
    expect(done.paidCount).toBe(2)
    expect(done.paidFen).toBe(12950)
    expect(done.totals.byPayWay.map((w) => [w.payWay, w.paid.sumFen])).toEqual([
      ['SCAN_WEIXIN', 12850],
      ['SCAN_ALIPAY', 100],
    ])
    expect(done.totals.byStatus.find((s) => s.status === 'failed')).toMatchObject({
      count: 1,
      sumFen: 999,
    })
    // A charge of the closed window changing later does not rewrite the record.
    await t.db
      .updateTable('charges')
      .set({ status: 'refunded' })
      .where('bz_order', '=', 'H-1')
      .execute()
    const [kept] = (await listHandovers({ stationId: refs.stationId }, t.db)).handovers
    expect(kept).toMatchObject({ id: done.id, paidFen: 12950, paidCount: 2, stationName: '前台 H' })
    expect(kept!.totals).toEqual(done.totals)
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'handover.record')
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.detail!)).toEqual({
      cashierId: null,
      windowFrom: '2025-11-26 00:00:00',
      windowTo: '2025-11-26 13:00:00',
      paidCount: 2,
      paidYuan: '129.50',
    })
    expect(await openWindow(scope(), DAY + 20 * H, t.db)).toEqual({
      from: DAY + 13 * H,
      to: DAY + 20 * H,
      continuesLast: true,
      lastMark: done.eventsThrough,
    })
  })

  it('refuses a stale window (handed over meanwhile) and a window with an open charge', async () => {
    const stale = recordHandover({ scope: scope(), from: DAY, to: DAY + 14 * H, actor }, t.db)
    await expect(stale).rejects.toEqual(new HandoverError('window-moved'))
    await add('H-5', 'unknown', DAY + 15 * H, 700)
    const from = DAY + 13 * H
    const open = recordHandover({ scope: scope(), from, to: DAY + 16 * H, actor }, t.db)
    await expect(open).rejects.toMatchObject({ code: 'open-charges', openCount: 1 })
    expect((await listHandovers({ stationId: refs.stationId }, t.db)).handovers).toHaveLength(1)
  })

  it('keeps a cashier’s own window apart from the whole station’s', async () => {
    const own = { stationId: refs.stationId, cashierId: refs.cashierId }
    expect(await openWindow(own, DAY + 14 * H, t.db)).toMatchObject({
      from: DAY,
      continuesLast: false,
    })
  })
})
