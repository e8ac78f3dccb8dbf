import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NewChargeRow } from '@/lib/db/schema'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { EMPTY_FILTER, toChargeQuery } from './filters'
import { listCharges } from './list'
import { resolveSearch } from './search'
import { ftsPhrase, isShortSearch, likeContains } from './search-text'
import { chargeTotals } from './totals'

describe('search text', () => {
  it('takes LIKE wildcards and FTS quotes literally', () => {
    expect(likeContains('a%b_c\\d')).toBe('%a\\%b\\_c\\\\d%')
    expect(ftsPhrase('say "hi" OR *')).toBe('"say ""hi"" OR *"')
  })

  it('counts characters, not UTF-16 units, for the 3-character floor', () => {
    expect(isShortSearch('12')).toBe(true)
    expect(isShortSearch('123')).toBe(false)
    expect(isShortSearch('单号')).toBe(true)
    expect(isShortSearch('𠀀𠀀')).toBe(true) // 4 UTF-16 units, 2 characters
  })
})

describeDialects('charge search', (target) => {
  let t: TestDatabase
  let refs: { stationId: string; cashierId: string }

  async function add(bill: string, over: Partial<NewChargeRow> = {}) {
    const row = openCharge(refs, bill, { status: 'failed', open_bill: null, ...over })
    await t.db.insertInto('charges').values(row).execute()
    return row
  }

  /**
   * Bills found for `q`, by the list and by the totals (they must agree), with the search in the
   * WHERE and looked up once beforehand as the page does (resolveSearch): the same charges.
   */
  async function search(q: string): Promise<string[]> {
    const query = toChargeQuery({ ...EMPTY_FILTER, q }, Date.now())
    const found: string[][] = []
    for (const each of [query, await resolveSearch(query, t.db)]) {
      const page = await listCharges(each, { kind: 'first' }, { limit: 100, db: t.db })
      const totals = await chargeTotals(each, t.db)
      expect(totals.all.count).toBe(page.rows.length)
      found.push(page.rows.map((r) => r.bzOrder).sort())
    }
    expect(found[1]).toEqual(found[0])
    return found[0]!
  }

  beforeAll(async () => {
    t = await target.open()
    refs = { stationId: await insertStation(t.db), cashierId: await insertUser(t.db) }
    await add('ROA25112600123', {
      biz_order_no: '1285453080879468544',
      order_no: '4200000000000000003', // > 2^53: only ever text
    })
    await add('ROB25112600456', { biz_order_no: '1285453080879470001' })
    await add('50%_OFF')
    await add('5000OFF')
    await add('AB"C\\D')
    await add('12')
  })
  afterAll(() => t.close())

  it('finds a bill, a DMS business order no. and a DMS order no. by a middle fragment', async () => {
    expect(await search('2511260')).toEqual(['ROA25112600123', 'ROB25112600456'])
    expect(await search('a251126')).toEqual(['ROA25112600123']) // any case
    expect(await search('45308087947')).toEqual(['ROB25112600456'])
    expect(await search('00000000000003')).toEqual(['ROA25112600123'])
  })

  it('takes %, _, " and \\ typed by a user literally', async () => {
    expect(await search('0%_O')).toEqual(['50%_OFF'])
    expect(await search('%_O')).toEqual(['50%_OFF'])
    expect(await search('0_O')).toEqual([])
    expect(await search('B"C\\')).toEqual(['AB"C\\D'])
  })

  it('matches fewer than 3 characters only as a whole number', async () => {
    expect(await search('12')).toEqual(['12'])
    expect(await search('%')).toEqual([])
    expect(await search('AB')).toEqual([])
  })

  it('keeps the index in step as a charge is paid and deleted', async () => {
    const row = await add('ROC25112600789')
    expect(await search('77777777777')).toEqual([])
    await t.db
      .updateTable('charges')
      .set({ order_no: '4200000777777777777' })
      .where('id', '=', row.id)
      .execute()
    expect(await search('77777777777')).toEqual(['ROC25112600789'])
    await t.db.deleteFrom('charges').where('id', '=', row.id).execute()
    expect(await search('77777777777')).toEqual([])
    expect(await search('C251126')).toEqual([])
  })

  it('reads the trigram index, not every charge', async () => {
    const text = 'select id from charges where '
    const plan =
      target.dialect === 'sqlite'
        ? await sql
            .raw<{
              detail: string
            }>(
              `explain query plan ${text} rowid in (select rowid from charges_search where charges_search match '"51126"')`,
            )
            .execute(t.db)
        : await t.db.connection().execute(async (c) => {
            // A handful of rows: without this PostgreSQL rightly prefers reading them all.
            await sql`set enable_seqscan = off`.execute(c)
            const r = await sql
              .raw<{ 'QUERY PLAN': string }>(`explain ${text} bz_order ilike '%51126%'`)
              .execute(c)
            await sql`reset enable_seqscan`.execute(c)
            return r
          })
    const lines = plan.rows.map((r) => Object.values(r).join(' ')).join('\n')
    expect(lines).toMatch(target.dialect === 'sqlite' ? /charges_search VIRTUAL TABLE/ : /trgm_idx/)
  })
})
