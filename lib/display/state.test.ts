import { afterEach, beforeEach, expect, it } from 'vitest'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import type { NewChargeRow } from '@/lib/db/schema'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { STALE_OPEN_MS, TERMINAL_WINDOW_MS } from './constants'
import { findDisplayCharge, markShownOnDisplay, SHOWN_EVENT } from './state'

const NOW = 1_800_000_000_000

describeDialects('the charge a tablet shows', (target) => {
  let t: TestDatabase
  let refs: { stationId: string; cashierId: string }
  beforeEach(async () => {
    t = await target.open()
    refs = { stationId: await insertStation(t.db), cashierId: await insertUser(t.db) }
  })
  afterEach(() => t.close())

  const add = async (bill: string, over: Partial<NewChargeRow>) => {
    const row = openCharge(refs, bill, {
      created_at: NOW - 60_000,
      updated_at: NOW - 60_000,
      expires_at: NOW + 240_000,
      ...over,
    })
    if (over.status && !['creating', 'pending', 'paying', 'unknown'].includes(over.status)) {
      row.open_bill = null
    }
    await t.db.insertInto('charges').values(row).execute()
    return row.id
  }
  const shown = async (now = NOW) => (await findDisplayCharge(refs.stationId, now, t.db))?.id

  it('shows nothing when the station has no charge in play', async () => {
    expect(await shown()).toBeUndefined()
    await add('OLD', { status: 'paid', updated_at: NOW - TERMINAL_WINDOW_MS - 1 })
    expect(await shown()).toBeUndefined()
  })

  it('shows the newest open charge of its own station only', async () => {
    await add('A', { status: 'pending', created_at: NOW - 50_000 })
    const b = await add('B', { status: 'pending', created_at: NOW - 40_000 })
    const other = { ...refs, stationId: await insertStation(t.db) }
    await t.db
      .insertInto('charges')
      .values(openCharge(other, 'C', { created_at: NOW - 1_000, expires_at: NOW + 1000 }))
      .execute()
    expect(await shown()).toBe(b)
  })

  it('shows a charge that just ended for a few seconds, then no more', async () => {
    const paid = await add('P', { status: 'paid', updated_at: NOW - 1_000 })
    expect(await shown()).toBe(paid)
    expect(await shown(NOW - 1_000 + TERMINAL_WINDOW_MS + 1)).toBeUndefined()
  })

  it('prefers whichever is newer: a new open charge, or one that just ended', async () => {
    const open = await add('OPEN', { status: 'pending', created_at: NOW - 120_000 })
    const ended = await add('END', {
      status: 'closed',
      created_at: NOW - 30_000,
      updated_at: NOW - 500,
    })
    expect(await shown()).toBe(ended)
    const newer = await add('NEW', { status: 'creating', created_at: NOW - 100 })
    expect(await shown()).toBe(newer)
    expect(open).toBeTruthy()
  })

  it('forgets an open charge long past its deadline', async () => {
    await add('STUCK', { status: 'unknown', expires_at: NOW - STALE_OPEN_MS - 1 })
    expect(await shown()).toBeUndefined()
  })

  it('records "shown on display" once per charge and tablet', async () => {
    const id = await add('Q', { status: 'pending' })
    const dev = { id: 'device-1', name: 'iPad #1' }
    expect(await markShownOnDisplay(id, dev, NOW, t.db)).toBe(true)
    expect(await markShownOnDisplay(id, dev, NOW + 1000, t.db)).toBe(false)
    expect(await markShownOnDisplay(id, { id: 'device-2', name: 'iPad #2' }, NOW, t.db)).toBe(true)
    const events = await t.db
      .selectFrom('charge_events')
      .selectAll()
      .where('charge_id', '=', id)
      .where('type', '=', SHOWN_EVENT)
      .execute()
    expect(events.map((e) => [e.actor_type, e.actor_id, e.actor_name])).toEqual([
      ['display', 'device-1', 'iPad #1'],
      ['display', 'device-2', 'iPad #2'],
    ])
  })
})
