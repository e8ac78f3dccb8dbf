import { createDb } from '@/lib/db'
import { newId } from '@/lib/db/ids'
import type { NewChargeRow } from '@/lib/db/schema'

/*
 * A year of settled charges for one station, so that the polls are measured against the ledger a
 * shop has after a while, not an empty one: what a tablet asks every second must not grow with it.
 * Inserted straight into the database file (the server keeps running; SQLite's WAL takes a second
 * writer), newest last.
 */

const YEAR_MS = 365 * 24 * 3600_000
const BATCH = 1_000

export async function seedStationHistory(sqlitePath: string, count: number): Promise<void> {
  const { db } = createDb({ sqlitePath })
  try {
    const station = await db.selectFrom('stations').select('id').executeTakeFirstOrThrow()
    const cashier = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'cashier')
      .executeTakeFirstOrThrow()
    const start = Date.now() - YEAR_MS
    const step = (YEAR_MS - 3600_000) / count
    await db.transaction().execute(async (trx) => {
      for (let from = 0; from < count; from += BATCH) {
        const rows: NewChargeRow[] = []
        for (let i = from; i < Math.min(count, from + BATCH); i++) {
          const at = Math.round(start + i * step)
          const paid = i % 10 !== 0
          rows.push({
            id: newId(),
            bz_order: `HIST-${i}`,
            amount_fen: 1_000 + (i % 50_000),
            pay_way: i % 3 === 0 ? 'SCAN_ALIPAY' : 'SCAN_WEIXIN',
            station_id: station.id,
            cashier_id: cashier.id,
            payer_id: '1000000000000000001',
            reciever_id: '2000000000000000002',
            status: paid ? 'paid' : 'closed',
            open_bill: null,
            biz_order_no: `9${String(i).padStart(18, '0')}`,
            expires_at: at + 300_000,
            paid_at: paid ? at + 45_000 : null,
            created_at: at,
            updated_at: at + 45_000,
          })
        }
        await trx.insertInto('charges').values(rows).execute()
      }
    })
  } finally {
    await db.destroy()
  }
}
