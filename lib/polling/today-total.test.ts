import { afterEach, describe, expect, it, vi } from 'vitest'
import { getDb } from '@/lib/db'
import { beijingDayStart, dayStartMs } from '@/lib/charges/beijing-day'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import { useAsAppDatabase } from '@/tests/support/db/app-database'
import { describeDialects } from '@/tests/support/db/targets'
import { readToday } from './today'

/*
 * The today list's total (今日已收) is the station's takings of the day, the figure a cashier reads
 * out at the end of a shift. It was summed in the browser over the rows the list carries, the
 * newest 200: past 200 charges in a day (attempts count: timeouts, switches), the older payments
 * fell out of the total without a word.
 */
describeDialects('the today list’s total', (target) => {
  useAsAppDatabase(target, { DMS_BASE_URL: 'http://127.0.0.1:1', DMS_TOKEN: 'test-token' })

  it('counts every payment of the day, not only the rows the list carries', async () => {
    const db = getDb()
    const refs = { stationId: await insertStation(db), cashierId: await insertUser(db) }
    const other = { stationId: await insertStation(db), cashierId: refs.cashierId }
    const start = Math.max(beijingDayStart(Date.now()), Date.now() - 3_600_000)
    const at = (i: number) => start + i * 10
    const ended = (bill: string, i: number, status: 'paid' | 'closed', fen = 100) =>
      openCharge(refs, bill, {
        status,
        open_bill: null,
        amount_fen: fen,
        created_at: at(i),
        paid_at: status === 'paid' ? at(i) : null,
      })
    await db
      .insertInto('charges')
      .values([
        ended('TOTAL-FIRST', 0, 'paid', 12_850), // the day's first payment: the oldest row
        ...Array.from({ length: 205 }, (_, i) => ended(`TOTAL-${i}`, i + 1, 'closed')),
        ended('TOTAL-LAST', 300, 'paid', 5_000),
        // Yesterday's payment and another station's are not this list's.
        openCharge(refs, 'TOTAL-Y', {
          status: 'paid',
          open_bill: null,
          created_at: beijingDayStart(Date.now()) - 1,
          paid_at: beijingDayStart(Date.now()) - 1,
        }),
        openCharge(other, 'TOTAL-O', {
          status: 'paid',
          open_bill: null,
          created_at: at(5),
          paid_at: at(5),
        }),
      ])
      .execute()

    const view = await readToday(refs.stationId)
    expect(view.rows).toHaveLength(200)
    expect(view.paid).toEqual({ count: 2, fen: 17_850 })
  })

  describe('across midnight', () => {
    afterEach(() => vi.useRealTimers())

    it('counts a payment on the day it was paid, not the day its charge was made', async () => {
      const db = getDb()
      const refs = { stationId: await insertStation(db), cashierId: await insertUser(db) }
      const midnight = dayStartMs('2031-03-10') // Beijing
      const at = (offsetMs: number) => midnight + offsetMs
      const paid = (bill: string, made: number, paidAt: number, fen: number) =>
        openCharge(refs, bill, {
          status: 'paid',
          open_bill: null,
          amount_fen: fen,
          created_at: at(made),
          updated_at: at(paidAt),
          paid_at: at(paidAt),
        })
      vi.useFakeTimers({ toFake: ['Date'] })

      // The shift's end, 23:59:30: one payment at 23:56, and a charge made at 23:59 not paid yet.
      await db
        .insertInto('charges')
        .values(paid('MID-EVE', -300_000, -240_000, 1_000))
        .execute()
      const across = openCharge(refs, 'MID-ACROSS', {
        status: 'pending',
        amount_fen: 20_000,
        created_at: at(-60_000),
        updated_at: at(-60_000),
      })
      await db.insertInto('charges').values(across).execute()
      vi.setSystemTime(at(-30_000))
      const evening = await readToday(refs.stationId)
      expect(evening.paid).toEqual({ count: 1, fen: 1_000 })
      expect(evening.rows.map((r) => r.bzOrder)).toEqual(['MID-ACROSS', 'MID-EVE'])

      // Its ¥200.00 comes at 00:01, another charge is made and paid at 00:02–00:03; read at 00:05.
      await db
        .updateTable('charges')
        .set({ status: 'paid', open_bill: null, paid_at: at(60_000), updated_at: at(60_000) })
        .where('id', '=', across.id)
        .execute()
      await db
        .insertInto('charges')
        .values(paid('MID-MORN', 120_000, 180_000, 300))
        .execute()
      vi.setSystemTime(at(300_000))
      const morning = await readToday(refs.stationId)
      expect(morning.paid).toEqual({ count: 2, fen: 20_300 })
      // The list stays the charges made today.
      expect(morning.rows.map((r) => r.bzOrder)).toEqual(['MID-MORN'])
    })
  })
})
