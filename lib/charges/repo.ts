import 'server-only'
import { sql, type Kysely } from 'kysely'
import { dialectOf, getDb, isUniqueViolation, type Database } from '@/lib/db'
import { preparedRead } from '@/lib/db/prepared-read'
import { publish } from '@/lib/feed/feed'
import { insertEvent, type NewEvent } from './repo-events'
import { isOpen, type ChargeStatus } from './status'
import { toCharge, toNewChargeRow, toRowPatch } from './rows'
import type { Charge, ChargePatch, NewCharge } from './types'

/*
 * The charges table: with repo-events.ts (its timeline), repo-checks.ts (the check bookkeeping),
 * station-charges.ts (a station's charges, for its screens) and queries/ (the managers' lists and totals), the only
 * code that reads or writes it. Callers speak camelCase (Charge, ChargePatch, NewCharge); rows.ts
 * maps to and from the columns.
 */

export type InsertResult = { ok: true; charge: Charge } | { ok: false; open: Charge | null }

/** Records a charge as `creating` before DMS is called. The unique open_bill index refuses a second open one. */
export async function insertCharge(input: NewCharge, event: NewEvent): Promise<InsertResult> {
  const db = getDb()
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('charges').values(toNewChargeRow(input)).execute()
      await insertEvent(trx, input.id, { ...event, to: 'creating' }, input.createdAt)
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return { ok: false, open: await findOpenByBill(input.bzOrder) }
  }
  const charge = (await getCharge(input.id))!
  published(charge)
  return { ok: true, charge }
}

/** Tells the screens (lib/feed) that a charge changed: its id and version, never its data. */
function published(charge: Charge): Charge {
  publish({ kind: 'charge', id: charge.id, stationId: charge.stationId, version: charge.version })
  return charge
}

// Every poll of a charge screen reads its charge: a prepared read.
const chargeById = preparedRead((db, id: string) =>
  db.selectFrom('charges').selectAll().where('id', '=', id),
)

export async function getCharge(id: string): Promise<Charge | null> {
  const row = await chargeById(getDb(), id)
  return row ? toCharge(row) : null
}

/** Whether the ledger holds any charge at all (the demo adds its first charges only to an empty one). */
export async function ledgerHasCharges(): Promise<boolean> {
  const row = await getDb().selectFrom('charges').select('id').limit(1).executeTakeFirst()
  return row !== undefined
}

/**
 * A charge's status inside a transaction, its row locked for the rest of it on PostgreSQL (SQLite
 * runs one write transaction at a time, which orders writers already). Null: no such charge.
 */
export async function lockedStatus(
  trx: Kysely<Database>,
  id: string,
): Promise<ChargeStatus | null> {
  let read = trx.selectFrom('charges').select('status').where('id', '=', id)
  if (dialectOf(trx) === 'postgres') read = read.forUpdate()
  return (await read.executeTakeFirst())?.status ?? null
}

export async function findOpenByBill(bzOrder: string): Promise<Charge | null> {
  const row = await getDb()
    .selectFrom('charges')
    .selectAll()
    .where('open_bill', '=', bzOrder)
    .executeTakeFirst()
  return row ? toCharge(row) : null
}

/**
 * The ledger's paid charge of a bill, if any (the latest). Looked up before a new charge is recorded,
 * so a bill already paid never reaches DMS; a refunded bill may be charged again, like at DMS.
 */
export async function findPaidByBill(bzOrder: string): Promise<Charge | null> {
  const row = await getDb()
    .selectFrom('charges')
    .selectAll()
    .where('bz_order', '=', bzOrder)
    .where('status', '=', 'paid')
    .orderBy('paid_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? toCharge(row) : null
}

export async function findByBizOrderNo(bizOrderNo: string): Promise<Charge | null> {
  const row = await getDb()
    .selectFrom('charges')
    .selectAll()
    .where('biz_order_no', '=', bizOrderNo)
    .executeTakeFirst()
  return row ? toCharge(row) : null
}

/**
 * The charge of a bill that may have made the bill's latest DMS attempt: its newest charge that is
 * not known to have made none. A query by bill answers with the latest attempt only, and no
 * creation time comes with it, so only this charge may take that answer as news about itself: an
 * older charge (one a manager settled by hand, say) would otherwise claim a newer one's attempt.
 * A charge is known to have made none when DMS refused its create, the create was never sent, or
 * DMS said the bill had no attempt of its (failed or refused, with no attempt id, not by hand).
 */
export async function findLatestAttemptCharge(bzOrder: string): Promise<Charge | null> {
  const row = await getDb()
    .selectFrom('charges')
    .selectAll()
    .where('bz_order', '=', bzOrder)
    .where((eb) =>
      eb.or([
        eb('biz_order_no', 'is not', null),
        eb('settled_outcome', 'is not', null),
        eb('status', 'not in', ['failed', 'refused']),
      ]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return row ? toCharge(row) : null
}

/**
 * The charge that may have made a bill's latest attempt, while it has no attempt id: an unknown
 * charge, or one a manager settled by hand before it learned one. A DMS notification about the bill
 * is then news about it (it can be matched no other way), never about an older charge of the bill.
 */
export async function findAttemptlessByBill(bzOrder: string): Promise<Charge | null> {
  const latest = await findLatestAttemptCharge(bzOrder)
  return latest && latest.bizOrderNo === null ? latest : null
}

/**
 * Writes a change only if the charge is still as it was read — same status and same cancel request —
 * (another process may have moved it meanwhile), with its event, atomically. Returns the fresh
 * charge, or null if it had moved.
 */
export async function updateCharge(
  charge: Charge,
  patch: ChargePatch,
  event: NewEvent | null,
  now: number,
): Promise<Charge | null> {
  const status = patch.status ?? charge.status
  const moved = await getDb()
    .transaction()
    .execute(async (trx) => {
      const res = await trx
        .updateTable('charges')
        .set({
          ...toRowPatch(patch),
          open_bill: isOpen(status) ? charge.bzOrder : null,
          updated_at: now,
          version: sql<number>`version + 1`,
        })
        .where('id', '=', charge.id)
        .where('status', '=', charge.status)
        // The status machine's answer depends on the cancel request too: a poll that read the charge
        // before the cashier cancelled must not store "paid" over it, or paid_after_cancel is lost.
        // It gets the stored charge back instead, and closes it at DMS, which then decides.
        .where((eb) =>
          charge.cancelRequestedAt === null
            ? eb('cancel_requested_at', 'is', null)
            : eb('cancel_requested_at', '=', charge.cancelRequestedAt),
        )
        .executeTakeFirst()
      if (Number(res.numUpdatedRows) !== 1) return false
      if (event) await insertEvent(trx, charge.id, event, now)
      return true
    })
  if (!moved) return null
  const fresh = await getCharge(charge.id)
  return fresh && published(fresh)
}
