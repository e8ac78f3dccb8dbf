import { afterAll, beforeAll, expect, it } from 'vitest'
import { isUniqueViolation } from './errors'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'

describeDialects('one open charge per bill', (target) => {
  let t: TestDatabase
  let refs: { stationId: string; cashierId: string }
  beforeAll(async () => {
    t = await target.open()
    refs = { stationId: await insertStation(t.db), cashierId: await insertUser(t.db) }
  })
  afterAll(() => t.close())

  const insert = (bill: string, over = {}) =>
    t.db
      .insertInto('charges')
      .values(openCharge(refs, bill, over))
      .execute()

  const close = (bill: string) =>
    t.db
      .updateTable('charges')
      .set({ status: 'closed', open_bill: null })
      .where('open_bill', '=', bill)
      .execute()

  it('refuses a second open charge for the same bill, from any station or cashier', async () => {
    await insert('B-1')
    const other = { stationId: await insertStation(t.db), cashierId: await insertUser(t.db) }
    const err = await t.db
      .insertInto('charges')
      .values(openCharge(other, 'B-1'))
      .execute()
      .catch((e: unknown) => e)
    expect(isUniqueViolation(err, 'open_bill')).toBe(true)
  })

  it('allows a new charge once the open one is terminal, as often as needed', async () => {
    await insert('B-2')
    await close('B-2')
    await insert('B-2')
    await close('B-2')
    await insert('B-2')
    const rows = await t.db
      .selectFrom('charges')
      .select(['status', 'open_bill'])
      .where('bz_order', '=', 'B-2')
      .orderBy('created_at')
      .execute()
    expect(rows.filter((r) => r.open_bill === 'B-2')).toHaveLength(1)
    expect(rows.filter((r) => r.open_bill === null)).toHaveLength(2)
  })

  it('lets open_bill hold only the charge’s own bill number', async () => {
    await expect(insert('B-3', { open_bill: 'B-OTHER' })).rejects.toThrow()
  })

  it('keeps DMS business order numbers unique, and any number of them missing', async () => {
    await insert('B-4', { biz_order_no: '1111111111111111111' })
    await close('B-4')
    const err = await insert('B-5', { biz_order_no: '1111111111111111111' }).catch(
      (e: unknown) => e,
    )
    expect(isUniqueViolation(err, 'biz_order_no')).toBe(true)
    await insert('B-6', { biz_order_no: null })
    await insert('B-7', { biz_order_no: null })
  })
})
