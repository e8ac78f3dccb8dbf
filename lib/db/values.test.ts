import { expect, it } from 'vitest'
import { countAll, sumOf } from './aggregates'
import { dialectOf } from './dialect'
import { isUniqueViolation } from './errors'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import { describeDialects } from '@/tests/support/db/targets'
import { afterAll, beforeAll } from 'vitest'
import type { TestDatabase } from '@/tests/support/db/targets'

describeDialects('values round-trip', (target) => {
  let t: TestDatabase
  let refs: { stationId: string; cashierId: string }
  beforeAll(async () => {
    t = await target.open()
    refs = { stationId: await insertStation(t.db), cashierId: await insertUser(t.db) }
  })
  afterAll(() => t.close())

  it('knows its dialect, in a transaction too', async () => {
    expect(dialectOf(t.db)).toBe(target.dialect)
    await t.db.transaction().execute(async (trx) => expect(dialectOf(trx)).toBe(target.dialect))
  })

  it('keeps 19-digit DMS ids exactly', async () => {
    const ids = {
      payer_id: '9223372036854775807',
      reciever_id: '1234567890123456789',
      biz_order_no: '9007199254740993001',
      order_no: '0000000000000000042',
    }
    const charge = openCharge(refs, 'BIG-IDS', ids)
    await t.db.insertInto('charges').values(charge).execute()
    const row = await t.db
      .selectFrom('charges')
      .select(['payer_id', 'reciever_id', 'biz_order_no', 'order_no'])
      .where('id', '=', charge.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual(ids)
    const found = await t.db
      .selectFrom('charges')
      .select('id')
      .where('biz_order_no', '=', '9007199254740993001')
      .execute()
    expect(found).toEqual([{ id: charge.id }])
  })

  it('returns timestamps, fen, autoincrement ids and aggregates as numbers', async () => {
    const at = 1_795_000_000_123
    const big = 12_345_678_901 // over 2^31: a bigint column on PostgreSQL
    const charge = openCharge(refs, 'NUMBERS', { amount_fen: big, created_at: at, updated_at: at })
    await t.db.insertInto('charges').values(charge).execute()
    const row = await t.db
      .selectFrom('charges')
      .select(['amount_fen', 'created_at', 'paid_after_cancel', 'check_failures', 'paid_at'])
      .where('id', '=', charge.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({
      amount_fen: big,
      created_at: at,
      paid_after_cancel: 0,
      check_failures: 0,
      paid_at: null,
    })

    const event = await t.db
      .insertInto('charge_events')
      .values({ charge_id: charge.id, at, actor_type: 'system', type: 'created' })
      .returning(['id', 'at'])
      .executeTakeFirstOrThrow()
    expect(typeof event.id).toBe('number')
    expect(event.at).toBe(at)

    const agg = await t.db
      .selectFrom('charges')
      .select([countAll().as('n'), sumOf('amount_fen').as('total')])
      .where('bz_order', '=', 'NUMBERS')
      .executeTakeFirstOrThrow()
    expect(agg).toEqual({ n: 1, total: big })
    // Kysely's own fn.sum / fn.count too, thanks to the pool's type parsers.
    const raw = await t.db
      .selectFrom('charges')
      .select((eb) => [eb.fn.sum<number>('amount_fen').as('s'), eb.fn.count<number>('id').as('c')])
      .where('bz_order', '=', 'NUMBERS')
      .executeTakeFirstOrThrow()
    expect(raw).toEqual({ s: big, c: 1 })
    const empty = await t.db
      .selectFrom('charges')
      .select([countAll().as('n'), sumOf('amount_fen').as('total')])
      .where('bz_order', '=', 'NO-SUCH-BILL')
      .executeTakeFirstOrThrow()
    expect(empty).toEqual({ n: 0, total: 0 })
  })

  it('recognises unique violations by column', async () => {
    const err = await t.db
      .insertInto('stations')
      .values({ id: 'dup', name: 'same', created_at: 1, updated_at: 1 })
      .execute()
      .then(() =>
        t.db
          .insertInto('stations')
          .values({ id: 'dup2', name: 'same', created_at: 1, updated_at: 1 })
          .execute(),
      )
      .catch((e: unknown) => e)
    expect(isUniqueViolation(err)).toBe(true)
    expect(isUniqueViolation(err, 'name')).toBe(true)
    expect(isUniqueViolation(err, 'id')).toBe(false)
    expect(isUniqueViolation(new Error('other'))).toBe(false)
  })

  it('enforces foreign keys', async () => {
    const orphan = openCharge({ stationId: 'no-such-station', cashierId: refs.cashierId }, 'FK')
    await expect(t.db.insertInto('charges').values(orphan).execute()).rejects.toThrow()
  })
})
