import { afterAll, beforeAll, expect, it } from 'vitest'
import { preparedRead } from './prepared-read'
import { sqliteLaneOf } from './sqlite-lane'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'

const userById = preparedRead((db, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id),
)
const newestOpen = preparedRead((db, stationId: string, notBefore: number) =>
  db
    .selectFrom('charges')
    .select(['id', 'bz_order'])
    .where('station_id', '=', stationId)
    .where('status', 'in', ['creating', 'pending'])
    .where('expires_at', '>=', notBefore)
    .orderBy('created_at', 'desc')
    .limit(1),
)

describeDialects('preparedRead', (target) => {
  let t: TestDatabase
  let refs: { stationId: string; cashierId: string }
  beforeAll(async () => {
    t = await target.open()
    refs = { stationId: await insertStation(t.db), cashierId: await insertUser(t.db, 'alice') }
  })
  afterAll(() => t.close())

  it('answers what the same Kysely query answers, for each argument', async () => {
    const other = await insertUser(t.db, 'bob')
    const viaKysely = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', other)
      .executeTakeFirst()
    expect(await userById(t.db, other)).toEqual(viaKysely)
    expect((await userById(t.db, refs.cashierId))?.username).toBe('alice')
    expect(await userById(t.db, 'no-such-id')).toBeUndefined()
  })

  it('keeps the query’s own constants (lists, limits) and binds each argument in its place', async () => {
    const now = Date.now()
    const early = openCharge(refs, 'PR-1', { created_at: now - 2_000, expires_at: now + 60_000 })
    const late = openCharge(refs, 'PR-2', { created_at: now - 1_000, expires_at: now + 1_000 })
    await t.db.insertInto('charges').values(early).execute()
    await t.db.insertInto('charges').values(late).execute()
    expect(await newestOpen(t.db, refs.stationId, now)).toEqual({ id: late.id, bz_order: 'PR-2' })
    // The later one expires before this bound: the earlier one is the answer.
    expect(await newestOpen(t.db, refs.stationId, now + 5_000)).toEqual({
      id: early.id,
      bz_order: 'PR-1',
    })
    expect(await newestOpen(t.db, 'another-station', now)).toBeUndefined()
  })

  it('never reads inside another request’s transaction', async () => {
    const id = await insertUser(t.db, 'carol')
    // The order of events, not how fast they come: a read that must wait cannot be asserted by
    // how far it got after some milliseconds.
    const events: string[] = []
    let read: Promise<unknown> = Promise.resolve()
    await t.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ display_name: 'uncommitted' })
        .where('id', '=', id)
        .execute()
      // Another request polls now. SQLite: it waits for its turn on the one connection (it must
      // not run inside this transaction), so it ends after the commit. PostgreSQL: another
      // connection reads the committed row while the transaction is still open.
      read = userById(t.db, id).then((row) => void events.push(`read ${row?.display_name}`))
      if (target.dialect === 'postgres') await read
      else await new Promise((r) => setTimeout(r, 20)) // a chance to run where it must not
      events.push('commit')
    })
    await read
    expect(events).toEqual(
      target.dialect === 'sqlite' ? ['commit', 'read uncommitted'] : ['read carol', 'commit'],
    )
    expect((await userById(t.db, id))?.display_name).toBe('uncommitted')
    if (target.dialect === 'sqlite') expect(sqliteLaneOf(t.db)?.turns.held).toBe(false)
  })

  it('refuses a query that computes with an argument instead of binding it', async () => {
    const computed = preparedRead((db, since: number) =>
      db
        .selectFrom('users')
        .select('id')
        .where('created_at', '>=', since - 1000),
    )
    await expect(async () => computed(t.db, 0)).rejects.toThrow(/argument 1 is not bound/)
  })

  it('inside a transaction, reads through it', async () => {
    const id = await insertUser(t.db, 'dave')
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ display_name: 'in-trx' }).where('id', '=', id).execute()
      expect((await userById(trx, id))?.display_name).toBe('in-trx')
    })
  })
})
