import { afterAll, beforeAll, expect, it } from 'vitest'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { byWholeDays } from './day-totals'
import { addDays, dayStartMs } from '../beijing-day'
import { EMPTY_FILTER, toChargeQuery, type ChargeFilter } from './filters'
import { totalsFromCharges, totalsFromDays } from './totals'

const NOW = dayStartMs('2025-11-26') + 10 * 3_600_000
const H = 3_600_000
const query = (f: Partial<ChargeFilter>) => toChargeQuery({ ...EMPTY_FILTER, ...f }, NOW)

describeDialects('per-day charge totals', (target) => {
  let t: TestDatabase
  let a: { stationId: string; cashierId: string }
  let b: { stationId: string; cashierId: string }

  beforeAll(async () => {
    t = await target.open()
    a = { stationId: await insertStation(t.db), cashierId: await insertUser(t.db) }
    b = { stationId: await insertStation(t.db), cashierId: await insertUser(t.db) }
    const ways = ['SCAN_WEIXIN', 'SCAN_ALIPAY'] as const
    const statuses = ['paid', 'failed', 'closed', 'pending'] as const
    const rows = Array.from({ length: 40 }, (_, i) => {
      const status = statuses[i % statuses.length]!
      return openCharge(i % 3 ? a : b, `DAY-${i}`, {
        status,
        open_bill: status === 'pending' ? `DAY-${i}` : null,
        pay_way: ways[i % 2]!,
        amount_fen: 100 + i * 37,
        // Over four Beijing days, midnight on both sides included.
        created_at:
          dayStartMs(addDays('2025-11-23', i % 4)) + ((i * 7) % 24) * H - (i % 5 === 0 ? 1 : 0),
      })
    })
    await t.db.insertInto('charges').values(rows).execute()
    // The charge's life after insert: paid, amount corrected, moved a day, deleted.
    await t.db
      .updateTable('charges')
      .set({ status: 'paid', open_bill: null })
      .where('bz_order', '=', 'DAY-3')
      .execute()
    await t.db
      .updateTable('charges')
      .set({ amount_fen: 1 })
      .where('bz_order', '=', 'DAY-4')
      .execute()
    await t.db
      .updateTable('charges')
      .set({ created_at: dayStartMs('2025-11-26') + H, station_id: b.stationId })
      .where('bz_order', '=', 'DAY-8')
      .execute()
    await t.db.deleteFrom('charges').where('bz_order', '=', 'DAY-9').execute()
  })
  afterAll(() => t.close())

  it.each([
    {},
    { preset: 'all' },
    { preset: 'today' },
    { from: '2025-11-24', to: '2025-11-25' },
    { statuses: ['paid', 'closed'] },
    { payWays: ['SCAN_ALIPAY'], from: '2025-11-24', to: '2025-11-24' },
  ] as Array<Partial<ChargeFilter>>)('equal the charges themselves for %o', async (f) => {
    const q = query(f)
    expect(byWholeDays(q)).toBe(true)
    const fromCharges = await totalsFromCharges(q, t.db)
    expect(fromCharges.all.count).toBeGreaterThan(0)
    expect(await totalsFromDays(q, t.db)).toEqual(fromCharges)
  })

  it('equal them per station and cashier', async () => {
    for (const refs of [a, b]) {
      const q = query({ stationId: refs.stationId, cashierId: refs.cashierId })
      const fromCharges = await totalsFromCharges(q, t.db)
      expect(fromCharges.all.count).toBeGreaterThan(0)
      expect(await totalsFromDays(q, t.db)).toEqual(fromCharges)
    }
  })

  it('are not used for a search, an amount range or a window starting mid-day', () => {
    expect(byWholeDays(query({ q: 'DAY' }))).toBe(false)
    expect(byWholeDays(query({ minFen: 100 }))).toBe(false)
    expect(byWholeDays({ ...query({}), createdFrom: NOW })).toBe(false)
  })
})
