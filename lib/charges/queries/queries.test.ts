import { afterAll, beforeAll, expect, it } from 'vitest'
import type { NewChargeRow } from '@/lib/db/schema'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { isOpen, type ChargeStatus } from '../status'
import { countNeedsAttention, listNeedsAttention, REVIEWED_EVENT } from './attention'
import { decodeCursor, type PageRequest } from './cursor'
import { dailyPaid } from './daily'
import { paidChart } from './paid-chart'
import { dayStartMs } from '../beijing-day'
import { EMPTY_FILTER, toChargeQuery, type ChargeFilter } from './filters'
import { listCharges, type ChargeListRow } from './list'
import { chargeTotals } from './totals'

const NOW = dayStartMs('2025-11-26') + 10 * 3_600_000 // 10:00 in Beijing
const T0 = dayStartMs('2025-11-24') // Monday 00:00 in Beijing
const H = 3_600_000
const query = (f: Partial<ChargeFilter>) => toChargeQuery({ ...EMPTY_FILTER, ...f }, NOW)

describeDialects('manager queries', (target) => {
  let t: TestDatabase
  let a: { stationId: string; cashierId: string }
  let b: { stationId: string; cashierId: string }
  const seeded: NewChargeRow[] = []

  async function add(
    refs: typeof a,
    bill: string,
    status: ChargeStatus,
    over: Partial<NewChargeRow>,
  ) {
    const row = openCharge(refs, bill, {
      status,
      open_bill: isOpen(status) ? bill : null,
      expires_at: NOW + H,
      ...over,
    })
    await t.db.insertInto('charges').values(row).execute()
    seeded.push(row)
    return row
  }

  beforeAll(async () => {
    t = await target.open()
    a = {
      stationId: await insertStation(t.db, '前台 A'),
      cashierId: await insertUser(t.db, 'wang'),
    }
    b = { stationId: await insertStation(t.db, '前台 B'), cashierId: await insertUser(t.db, 'li') }
    // Three charges share one created_at: paging must order and split them by id.
    const tie = T0 + 30 * H
    await add(a, 'WX-0001', 'paid', {
      created_at: T0 + 1000,
      amount_fen: 12850,
      biz_order_no: '1285453080879468544',
    })
    await add(a, 'WX-0002', 'failed', { created_at: T0 + 5 * H, amount_fen: 999 })
    await add(b, 'wx-0003', 'paid', { created_at: tie, amount_fen: 100, pay_way: 'SCAN_ALIPAY' })
    await add(b, 'AB%C', 'closed', {
      created_at: tie,
      amount_fen: 20000,
      order_no: '2000000000000000001',
    })
    await add(a, '=cmd', 'paid', { created_at: tie, amount_fen: 50, paid_after_cancel: 1 })
    await add(a, 'WX-0006', 'unknown', { created_at: NOW - 2 * H, amount_fen: 300 })
    await add(b, 'WX-0007', 'pending', {
      created_at: NOW - H,
      amount_fen: 400,
      expires_at: NOW - 10 * 60_000,
    })
    await add(b, 'WX-0008', 'paying', {
      created_at: NOW - 60_000,
      amount_fen: 500,
      check_failures: 2,
    })
    await add(a, 'WX-0009', 'pending', { created_at: NOW - 30_000, amount_fen: 600 })
    // Just before and just after midnight in Beijing on the 25th.
    await add(a, 'WX-0010', 'paid', { created_at: dayStartMs('2025-11-25') - 1, amount_fen: 7 })
    await add(a, 'WX-0011', 'paid', { created_at: dayStartMs('2025-11-25'), amount_fen: 11 })
  })
  afterAll(() => t.close())

  async function allPages(f: Partial<ChargeFilter>, limit: number) {
    const q = query(f)
    const pages: ChargeListRow[][] = []
    let page: PageRequest = { kind: 'first' }
    for (;;) {
      const p = await listCharges(q, page, { limit, db: t.db })
      pages.push(p.rows)
      if (!p.older) return pages
      page = { kind: 'after', cursor: decodeCursor(p.older)! }
    }
  }

  const expectedOrder = () =>
    [...seeded]
      .sort((x, y) => y.created_at - x.created_at || (y.id < x.id ? -1 : 1))
      .map((r) => r.id)

  it('pages newest first by (created_at, id) without skipping or repeating a row', async () => {
    const pages = await allPages({}, 2)
    expect(pages.flat().map((r) => r.id)).toEqual(expectedOrder())
    expect(pages.at(-1)!.length).toBeGreaterThan(0)
  })

  it('goes back to the newer page it came from', async () => {
    const q = query({})
    const first = await listCharges(q, { kind: 'first' }, { limit: 4, db: t.db })
    expect(first.newer).toBeNull()
    const second = await listCharges(
      q,
      { kind: 'after', cursor: decodeCursor(first.older)! },
      { limit: 4, db: t.db },
    )
    const back = await listCharges(
      q,
      { kind: 'before', cursor: decodeCursor(second.newer)! },
      { limit: 4, db: t.db },
    )
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id))
    expect(back.newer).toBeNull()
    expect(back.older).toBe(first.older)
  })

  it('returns names and DMS ids exactly as stored', async () => {
    const [row] = (await allPages({ q: '1285453080879468544' }, 10)).flat()
    expect(row).toMatchObject({ bzOrder: 'WX-0001', stationName: '前台 A', cashierName: 'wang' })
    expect(row!.bizOrderNo).toBe('1285453080879468544')
  })

  it.each([
    [
      { statuses: ['paid', 'failed'] },
      ['WX-0001', 'WX-0002', 'wx-0003', '=cmd', 'WX-0010', 'WX-0011'],
    ],
    [{ payWays: ['SCAN_ALIPAY'] }, ['wx-0003']],
    [{ minFen: 500, maxFen: 12850 }, ['WX-0001', 'WX-0002', 'WX-0008', 'WX-0009']],
    [{ from: '2025-11-25', to: '2025-11-25' }, ['wx-0003', 'AB%C', '=cmd', 'WX-0011']],
    [{ preset: 'today' }, ['WX-0006', 'WX-0007', 'WX-0008', 'WX-0009']],
    [
      { q: 'wx-000' },
      ['WX-0001', 'WX-0002', 'wx-0003', 'WX-0006', 'WX-0007', 'WX-0008', 'WX-0009'],
    ],
    [{ q: 'B%C' }, ['AB%C']],
    [{ q: '2000000000000000001' }, ['AB%C']],
  ] as Array<[Partial<ChargeFilter>, string[]]>)('filters %o', async (f, bills) => {
    const got = (await allPages(f, 3)).flat().map((r) => r.bzOrder)
    expect(got.sort()).toEqual([...bills].sort())
  })

  it('filters by station and cashier', async () => {
    const got = (await allPages({ stationId: b.stationId, cashierId: b.cashierId }, 50)).flat()
    expect(got.map((r) => r.bzOrder).sort()).toEqual(['AB%C', 'WX-0007', 'WX-0008', 'wx-0003'])
  })

  it('totals the whole filtered set, every page', async () => {
    const f = { stationId: a.stationId }
    const rows = (await allPages(f, 2)).flat()
    const totals = await chargeTotals(query(f), t.db)
    expect(totals.all).toEqual({
      count: rows.length,
      sumFen: rows.reduce((s, r) => s + r.amountFen, 0),
    })
    expect(totals.paid).toEqual({ count: 4, sumFen: 12850 + 50 + 7 + 11 })
    expect(totals.byStatus.find((s) => s.status === 'failed')).toMatchObject({
      count: 1,
      sumFen: 999,
    })
    expect(totals.byPayWay.find((w) => w.payWay === 'SCAN_ALIPAY')!.all.count).toBe(0)
  })

  it('charts paid amounts per Beijing day, midnight included', async () => {
    const chart = await dailyPaid(query({}), { from: '2025-11-24', to: '2025-11-26' }, NOW, t.db)
    expect(chart.points).toEqual([
      { day: '2025-11-24', fen: 12850 + 7 },
      { day: '2025-11-25', fen: 100 + 50 + 11 },
      { day: '2025-11-26', fen: 0 },
    ])
  })

  it('charts one day by hour (Beijing hours) and several days by day', async () => {
    const day = await paidChart(query({}), { from: '2025-11-24', to: '2025-11-24' }, NOW, t.db)
    expect(day.unit).toBe('hour')
    expect(day.points).toHaveLength(24)
    // Each hour's bar is what the seeded paid rows of that Beijing hour add up to.
    const paidThatDay = seeded.filter(
      (r) => r.status === 'paid' && r.created_at >= T0 && r.created_at < T0 + 24 * H,
    )
    const expected = new Map<string, number>()
    for (const r of paidThatDay) {
      const k = String(Math.floor((r.created_at - T0) / H)).padStart(2, '0')
      expected.set(k, (expected.get(k) ?? 0) + r.amount_fen)
    }
    expect(paidThatDay.length).toBeGreaterThan(0)
    expect(day.points.filter((p) => p.fen > 0)).toEqual(
      [...expected].sort().map(([key, fen]) => ({ key, fen })),
    )
    const days = await paidChart(query({}), { from: '2025-11-24', to: '2025-11-26' }, NOW, t.db)
    expect(days.unit).toBe('day')
    expect(days.points.map((p) => p.key)).toEqual(['2025-11-24', '2025-11-25', '2025-11-26'])
  })

  it('finds what needs a manager, and forgets a payment after cancel once reviewed', async () => {
    const bills = async () =>
      (await listNeedsAttention(NOW, t.db)).map((r) => [r.bzOrder, r.reasons])
    expect(await bills()).toEqual([
      ['WX-0008', ['check-failing']],
      ['WX-0007', ['overdue']],
      ['WX-0006', ['unknown']],
      ['=cmd', ['paid-after-cancel']],
    ])
    expect(await countNeedsAttention(NOW, t.db)).toBe(4)
    const flagged = seeded.find((r) => r.bz_order === '=cmd')!
    await t.db
      .insertInto('charge_events')
      .values({ charge_id: flagged.id, at: NOW, actor_type: 'user', type: REVIEWED_EVENT })
      .execute()
    expect(await countNeedsAttention(NOW, t.db)).toBe(3)
  })
})
