import 'server-only'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { recordAuditBy } from '@/lib/audit/repo'
import { SYSTEM_ACTOR, type AuditActor } from '@/lib/audit/types'
import { getDb } from '@/lib/db/connection'
import { isUniqueViolation } from '@/lib/db/errors'
import { newId } from '@/lib/db/ids'
import { preparedRead } from '@/lib/db/prepared-read'
import type { Database, StationRow } from '@/lib/db/schema'
import { inTransaction } from '@/lib/db/transaction'
import { StationError } from './errors'
import {
  stationAccountsSchema,
  stationNameSchema,
  type Station,
  type StationAccountsInput,
} from './schema'

function toStation(row: StationRow): Station {
  return {
    id: row.id,
    name: row.name,
    payerId: row.payer_id,
    recieverIds: { SCAN_WEIXIN: row.reciever_weixin_id, SCAN_ALIPAY: row.reciever_alipay_id },
    legacyRecieverId: row.reciever_id,
    autoPrintReceipt: row.auto_print_receipt === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) {
    throw new StationError('invalid_input', result.error.issues[0]?.message ?? 'Invalid input')
  }
  return result.data
}

function rethrowDuplicate(err: unknown, name: string): never {
  if (isUniqueViolation(err, 'name')) {
    throw new StationError('duplicate_name', `A station named "${name}" already exists`)
  }
  throw err
}

/** In creation order (then by name, for two made in the same millisecond). */
export async function listStations(db: Kysely<Database> = getDb()): Promise<Station[]> {
  const rows = await db
    .selectFrom('stations')
    .selectAll()
    .orderBy('created_at')
    .orderBy('name')
    .execute()
  return rows.map(toStation)
}

// The cashier screen's customer-screen poll looks its station up: a prepared read.
const stationById = preparedRead((db, id: string) =>
  db.selectFrom('stations').selectAll().where('id', '=', id),
)

export async function getStation(
  id: string,
  db: Kysely<Database> = getDb(),
): Promise<Station | null> {
  const row = await stationById(db, id)
  return row ? toStation(row) : null
}

export async function createStation(
  name: string,
  actor: AuditActor,
  db: Kysely<Database> = getDb(),
): Promise<Station> {
  const clean = parse(stationNameSchema, name)
  const now = Date.now()
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('stations')
      .values({
        id: newId(),
        name: clean,
        payer_id: null,
        reciever_id: null,
        reciever_weixin_id: null,
        reciever_alipay_id: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => rethrowDuplicate(err, clean))
    const station = toStation(row)
    const target = `station:${station.id}`
    await recordAuditBy(actor, { action: 'station.create', target, detail: { name: clean } }, trx)
    return station
  })
}

async function update(
  id: string,
  set: Partial<
    Pick<
      StationRow,
      | 'name'
      | 'payer_id'
      | 'reciever_id'
      | 'reciever_weixin_id'
      | 'reciever_alipay_id'
      | 'auto_print_receipt'
    >
  >,
  audit: { actor: AuditActor; action: string; detail: unknown },
  db: Kysely<Database>,
): Promise<Station> {
  return inTransaction(db, async (trx) => {
    const before = await getStation(id, trx)
    if (!before) throw new StationError('unknown_station', `No station ${id}`)
    const row = await trx
      .updateTable('stations')
      .set({ ...set, updated_at: Date.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => rethrowDuplicate(err, set.name ?? ''))
    const { actor, action, detail } = audit
    await recordAuditBy(actor, { action, target: `station:${id}`, detail }, trx)
    return toStation(row)
  })
}

export async function renameStation(
  id: string,
  name: string,
  actor: AuditActor,
  db: Kysely<Database> = getDb(),
): Promise<Station> {
  const clean = parse(stationNameSchema, name)
  return update(
    id,
    { name: clean },
    { actor, action: 'station.rename', detail: { name: clean } },
    db,
  )
}

/**
 * The DMS accounts charges from this station are paid by, and paid to per pay way. Empty or null
 * clears one. Setting them ends the single account of before (it is now split or replaced).
 * The actor defaults to 'system': lib/charges fills a fresh station's accounts from DMS by itself,
 * and splits an old single account; `splitFrom` then says which one, in the audit log.
 */
export async function setStationAccounts(
  id: string,
  accounts: StationAccountsInput,
  actor: AuditActor = SYSTEM_ACTOR,
  db: Kysely<Database> = getDb(),
  splitFrom?: string,
): Promise<Station> {
  const { payerId, recieverWeixinId, recieverAlipayId } = parse(stationAccountsSchema, accounts)
  const detail = {
    payerId,
    recieverWeixinId,
    recieverAlipayId,
    ...(splitFrom ? { splitFrom } : {}),
  }
  return update(
    id,
    {
      payer_id: payerId,
      reciever_weixin_id: recieverWeixinId,
      reciever_alipay_id: recieverAlipayId,
      reciever_id: null,
    },
    { actor, action: 'station.accounts', detail },
    db,
  )
}

/** Whether the cashier's screen prints a paid charge's receipt by itself at this station. */
export async function setStationAutoPrint(
  id: string,
  on: boolean,
  actor: AuditActor,
  db: Kysely<Database> = getDb(),
): Promise<Station> {
  return inTransaction(db, async (trx) => {
    const before = await getStation(id, trx)
    if (!before) throw new StationError('unknown_station', `No station ${id}`)
    // Saving the same value is not a change: no audit line for it.
    if (before.autoPrintReceipt === on) return before
    const detail = { autoPrintReceipt: { from: before.autoPrintReceipt, to: on } }
    const set = { auto_print_receipt: on ? 1 : 0 }
    return update(id, set, { actor, action: 'station.auto_print', detail }, trx)
  })
}
