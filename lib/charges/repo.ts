import 'server-only'
import { sql, type Kysely, type Updateable } from 'kysely'
import { getDb, isUniqueViolation } from '@/lib/db'
import { preparedRead } from '@/lib/db/prepared-read'
import { publish } from '@/lib/feed/feed'
import { inTransaction } from '@/lib/db/transaction'
import type { ChargesTable, Database } from '@/lib/db/schema'
import { beijingDayStart } from './beijing-day'
import { REPEATING_EVENT_TYPES, repeatedEventId } from './event-repeats'
import { isOpen, type ChargeStatus } from './status'
import { toCharge, toChargeEvent } from './rows'
import type { Actor, Charge, ChargeEvent } from './types'

export interface NewEvent {
  actor: Actor
  type: string
  from?: ChargeStatus | null
  to?: ChargeStatus | null
  dmsCode?: number | null
  dmsMessage?: string | null
  detail?: Record<string, unknown> | null
}

export type ChargePatch = Omit<Updateable<ChargesTable>, 'id' | 'open_bill' | 'updated_at'>

async function insertEvent(db: Kysely<Database>, chargeId: string, ev: NewEvent, at: number) {
  await db
    .insertInto('charge_events')
    .values({
      charge_id: chargeId,
      at,
      actor_type: ev.actor.type,
      actor_id: 'id' in ev.actor ? ev.actor.id : null,
      actor_name: ev.actor.name,
      type: ev.type,
      from_status: ev.from ?? null,
      to_status: ev.to ?? null,
      dms_code: ev.dmsCode ?? null,
      dms_message: ev.dmsMessage ?? null,
      detail: ev.detail ? JSON.stringify(ev.detail) : null,
    })
    .execute()
}

export type InsertResult = { ok: true; charge: Charge } | { ok: false; open: Charge | null }

/** Records a charge as `creating` before DMS is called. The unique open_bill index refuses a second open one. */
export async function insertCharge(
  values: Omit<
    ChargesTable,
    | 'open_bill'
    | 'status'
    | 'paid_after_cancel'
    | 'check_failures'
    | 'close_failures'
    | 'close_retry_at'
    | 'version'
    | 'settled_outcome'
    | 'settle_disputed'
  >,
  event: NewEvent,
): Promise<InsertResult> {
  const db = getDb()
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('charges')
        .values({
          ...values,
          status: 'creating',
          open_bill: values.bz_order,
          paid_after_cancel: 0,
          check_failures: 0,
        })
        .execute()
      await insertEvent(trx, values.id, { ...event, to: 'creating' }, values.created_at)
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return { ok: false, open: await findOpenByBill(values.bz_order) }
  }
  const charge = (await getCharge(values.id))!
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

export async function findOpenByBill(bzOrder: string): Promise<Charge | null> {
  const row = await getDb()
    .selectFrom('charges')
    .selectAll()
    .where('open_bill', '=', bzOrder)
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
 * The newest charge of a bill a manager settled by hand before DMS gave it an attempt id: a DMS
 * notification about the bill is then news about it (it can be matched no other way).
 */
export async function findHandSettledByBill(bzOrder: string): Promise<Charge | null> {
  const row = await getDb()
    .selectFrom('charges')
    .selectAll()
    .where('bz_order', '=', bzOrder)
    .where('settled_outcome', 'is not', null)
    .where('biz_order_no', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  return row ? toCharge(row) : null
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
          ...patch,
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

/**
 * Appends an event to the timeline; a repeat of a refusal (event-repeats.ts) is counted on the
 * earlier event instead, with its latest message and time.
 */
export async function appendEvent(chargeId: string, event: NewEvent, now: number): Promise<void> {
  if (!REPEATING_EVENT_TYPES.has(event.type)) return insertEvent(getDb(), chargeId, event, now)
  await inTransaction(getDb(), async (trx) => {
    const recent = await trx
      .selectFrom('charge_events')
      .select(['id', 'type', 'dms_code'])
      .where('charge_id', '=', chargeId)
      .orderBy('id', 'desc')
      .limit(8)
      .execute()
    const repeated = repeatedEventId(
      recent.map((r) => ({ id: Number(r.id), type: r.type, dmsCode: r.dms_code })),
      { type: event.type, dmsCode: event.dmsCode ?? null },
    )
    if (repeated === null) return insertEvent(trx, chargeId, event, now)
    await trx
      .updateTable('charge_events')
      .set({
        repeat_count: sql<number>`repeat_count + 1`,
        last_at: now,
        dms_message: event.dmsMessage ?? null,
        detail: event.detail ? JSON.stringify(event.detail) : null,
      })
      .where('id', '=', repeated)
      .execute()
  })
}

export async function listEvents(chargeId: string): Promise<ChargeEvent[]> {
  const rows = await getDb()
    .selectFrom('charge_events')
    .selectAll()
    .where('charge_id', '=', chargeId)
    .orderBy('id')
    .execute()
  return rows.map(toChargeEvent)
}

export async function listStationCharges(stationId: string, since: number, limit = 200) {
  const rows = await getDb()
    .selectFrom('charges')
    .selectAll()
    .where('station_id', '=', stationId)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toCharge)
}

/** The station's charges since midnight, Beijing time. */
export function listStationChargesToday(stationId: string, limit = 200) {
  return listStationCharges(stationId, beijingDayStart(Date.now()), limit)
}
