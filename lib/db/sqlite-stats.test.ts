import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, expect, it } from 'vitest'
import { createDb } from './connection'
import { migrate } from './migrate'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'

const dir = mkdtempSync(join(tmpdir(), 'cashier-stats-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('gives the planner statistics of the charges when the database opens (PRAGMA optimize)', async () => {
  const sqlitePath = join(dir, 'stats.db')
  const first = createDb({ sqlitePath }).db
  await migrate(first)
  const refs = { stationId: await insertStation(first), cashierId: await insertUser(first) }
  const rows = Array.from({ length: 300 }, (_, i) =>
    openCharge(refs, `STAT-${i}`, { status: 'paid', open_bill: null }),
  )
  await first.insertInto('charges').values(rows).execute()
  await first.destroy()

  const reopened = createDb({ sqlitePath }).db
  try {
    const { rows: stats } = await sql<{ idx: string; stat: string }>`
      select idx, stat from sqlite_stat1 where tbl = 'charges'`.execute(reopened)
    const byIndex = new Map(stats.map((s) => [s.idx, s.stat]))
    // "300 …": analysed with the charges in it, not the empty table migrate() saw.
    expect(byIndex.get('charges_created_id_idx')).toMatch(/^300 /)
    expect(byIndex.get('charges_amount_totals_idx')).toMatch(/^300 /)
  } finally {
    await reopened.destroy()
  }
})
