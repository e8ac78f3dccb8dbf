import { afterAll, beforeAll, expect, it } from 'vitest'
import type { NewChargeRow } from '@/lib/db/schema'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { EMPTY_FILTER, toChargeQuery } from './filters'
import { listCharges } from './list'
import { resolveSearch } from './search'
import { selectiveParts } from './search-parts'

/*
 * A fragment whose head every charge shares is looked up by its selective parts, then checked whole
 * (search.ts, search-parts.ts): it must find what the plain trigram search finds, nothing more,
 * and the charges written after the index was built.
 */
describeDialects('charge search by selective parts', (target) => {
  let t: TestDatabase
  let refs: { stationId: string; cashierId: string }
  const rows: NewChargeRow[] = []
  const text = '53080884048'

  async function add(bill: string, biz: string, over: Partial<NewChargeRow> = {}) {
    const row = openCharge(refs, bill, {
      status: 'paid',
      open_bill: null,
      biz_order_no: biz,
      ...over,
    })
    await t.db.insertInto('charges').values(row).execute()
    rows.push(row)
    return row
  }

  /** Bills found for `q` as the page finds them, after checking the plain search agrees. */
  async function search(q: string): Promise<string[]> {
    const query = toChargeQuery({ ...EMPTY_FILTER, q }, Date.now())
    const resolved = await resolveSearch(query, t.db)
    expect(resolved.matchIds).toBeDefined()
    const bills = async (each: typeof query) =>
      (await listCharges(each, { kind: 'first' }, { limit: 100, db: t.db })).rows
        .map((r) => r.bzOrder)
        .sort()
    const found = await bills(resolved)
    expect(await bills(query)).toEqual(found)
    return found
  }

  beforeAll(async () => {
    t = await target.open()
    refs = { stationId: await insertStation(t.db), cashierId: await insertUser(t.db) }
    for (let k = 0; k < 10; k++) await add(`ROA2511260010${k}`, `1285453080${100000000 + k * 7}`)
    await add('ROA25112600777', '1285453080884048791')
    // Hold the looked-up part, not the whole text: one in the same number, one across two numbers.
    await add('ROA25112600788', '1285453080980884048')
    await add('RO80884048', '1285453080100000077')
  })
  afterAll(() => t.close())

  it('looks up only the part most charges do not share', () => {
    const sample = rows.map((r) => [r.bz_order, r.biz_order_no ?? null, r.order_no ?? null])
    expect(selectiveParts(text, sample)).toEqual(['80884048'])
    expect(selectiveParts('a2511260077', sample)).toEqual(['077'])
  })

  it('finds a middle fragment, in any case, and nothing that only holds its part', async () => {
    expect(await search(text)).toEqual(['ROA25112600777'])
    expect(await search('a2511260077')).toEqual(['ROA25112600777'])
    expect(await search('80884048')).toEqual(['RO80884048', 'ROA25112600777', 'ROA25112600788'])
  })

  it('finds a charge created or paid after the index was built, and not once its number changed', async () => {
    const later = await add('ROB25112600901', '1285453080100000901')
    expect(await search(text)).toEqual(['ROA25112600777'])
    await t.db
      .updateTable('charges')
      .set({ order_no: '4200053080884048000' })
      .where('id', '=', later.id)
      .execute()
    await add('ROC25112600902', '1253080884048000001')
    expect(await search(text)).toEqual(['ROA25112600777', 'ROB25112600901', 'ROC25112600902'])
    await t.db
      .updateTable('charges')
      .set({ biz_order_no: '1285453080100000777' })
      .where('bz_order', '=', 'ROA25112600777')
      .execute()
    expect(await search(text)).toEqual(['ROB25112600901', 'ROC25112600902'])
  })
})
