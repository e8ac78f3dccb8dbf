import 'server-only'
import { sql, type Kysely } from 'kysely'
import { dialectOf, getDb } from '@/lib/db'
import { inTransaction } from '@/lib/db/transaction'
import type { Database } from '@/lib/db/schema'
import { REPEATING_EVENT_TYPES, repeatedEventId } from './event-repeats'
import { toChargeEvent } from './rows'
import type { ChargeStatus } from './status'
import type { Actor, ChargeEvent } from './types'

/*
 * The charge_events table, beside repo.ts (which writes a transition's event in the same
 * transaction through insertEvent): the only code that reads or writes a charge's timeline.
 */

export interface NewEvent {
  actor: Actor
  type: string
  from?: ChargeStatus | null
  to?: ChargeStatus | null
  dmsCode?: number | null
  dmsMessage?: string | null
  detail?: Record<string, unknown> | null
}

/** One event row; `db` may be a transaction (repo.ts) or a test's database. */
export async function insertEvent(
  db: Kysely<Database>,
  chargeId: string,
  ev: NewEvent,
  at: number,
): Promise<void> {
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

/** Whether `actorId` already has an event of `type` on the charge (the tablet's "shown" mark). */
export async function hasEventBy(
  chargeId: string,
  type: string,
  actorId: string,
  db: Kysely<Database> = getDb(),
): Promise<boolean> {
  const existing = await db
    .selectFrom('charge_events')
    .select('id')
    .where('charge_id', '=', chargeId)
    .where('type', '=', type)
    .where('actor_id', '=', actorId)
    .executeTakeFirst()
  return existing !== undefined
}

/**
 * The timeline's side of a moment, taken inside the transaction that reads what the moment freezes
 * (a handover's totals): the last event id written so far. Every status change writes its event in
 * the transaction that changes the status (updateCharge), so a change the frozen read saw has an id
 * at or below the mark and one it did not see has a higher id. An event's `at` cannot tell this:
 * it is taken before the write commits (a check stamps it before asking DMS).
 * SQLite already holds the write lock here (BEGIN IMMEDIATE). PostgreSQL hands out ids before
 * commit, so the SHARE lock waits for the event writes in flight and holds new ones back until the
 * caller's transaction ends (milliseconds).
 */
export async function timelineMark(tx: Kysely<Database>): Promise<number> {
  if (!tx.isTransaction) throw new Error('timelineMark needs the transaction of the frozen read')
  if (dialectOf(tx) === 'postgres') await sql`lock table charge_events in share mode`.execute(tx)
  const row = await tx
    .selectFrom('charge_events')
    .select((eb) => eb.fn.max('id').as('last'))
    .executeTakeFirst()
  return Number(row?.last ?? 0)
}
