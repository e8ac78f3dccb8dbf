import { expect, it } from 'vitest'
import { getDb } from '@/lib/db'
import { beijingDayStart } from '@/lib/charges/beijing-day'
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
      openCharge(refs, bill, { status, open_bill: null, amount_fen: fen, created_at: at(i) })
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
        }),
        openCharge(other, 'TOTAL-O', { status: 'paid', open_bill: null, created_at: at(5) }),
      ])
      .execute()

    const view = await readToday(refs.stationId)
    expect(view.rows).toHaveLength(200)
    expect(view.paid).toEqual({ count: 2, fen: 17_850 })
  })
})
