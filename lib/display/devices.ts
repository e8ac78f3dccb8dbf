import 'server-only'
import type { Kysely } from 'kysely'
import { recordAuditBy } from '@/lib/audit/repo'
import type { AuditActor } from '@/lib/audit/types'
import { getDb } from '@/lib/db/connection'
import { preparedRead } from '@/lib/db/prepared-read'
import type { Database, DeviceRow } from '@/lib/db/schema'
import { inTransaction } from '@/lib/db/transaction'
import { publish } from '@/lib/feed/feed'
import { HEARTBEAT_THROTTLE_MS } from './constants'
import { deviceNameSchema } from './device-name'
import { hashDeviceToken, isDeviceTokenShape } from './tokens'
import type { Device } from './types'

export function toDevice(row: DeviceRow): Device {
  return {
    id: row.id,
    stationId: row.station_id,
    name: row.name,
    createdAt: Number(row.created_at),
    lastSeenAt: row.last_seen_at === null ? null : Number(row.last_seen_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  }
}

// Every tablet poll looks its credential up: a prepared read.
const deviceByTokenHash = preparedRead((db, tokenHash: string) =>
  db
    .selectFrom('devices')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null),
)

/** The tablet a credential belongs to; null for a malformed, unknown or revoked one. */
export async function findDeviceByToken(
  token: string | null | undefined,
  db: Kysely<Database> = getDb(),
): Promise<Device | null> {
  if (!token || !isDeviceTokenShape(token)) return null
  const row = await deviceByTokenHash(db, hashDeviceToken(token))
  return row ? toDevice(row) : null
}

/** A station's tablets that still work, most recently paired first. */
export async function listStationDevices(
  stationId: string,
  db: Kysely<Database> = getDb(),
): Promise<Device[]> {
  const rows = await db
    .selectFrom('devices')
    .selectAll()
    .where('station_id', '=', stationId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map(toDevice)
}

/**
 * Takes a tablet's credential away: its next poll gets the pairing screen. Returns false when there
 * was nothing to revoke (unknown, another station's, or already revoked).
 */
export async function revokeDevice(
  stationId: string,
  deviceId: string,
  actor: AuditActor,
  opts: { reason?: string; db?: Kysely<Database>; now?: number } = {},
): Promise<boolean> {
  const now = opts.now ?? Date.now()
  const revoked = await inTransaction(opts.db ?? getDb(), async (trx) => {
    const row = await trx
      .updateTable('devices')
      .set({ revoked_at: now })
      .where('id', '=', deviceId)
      .where('station_id', '=', stationId)
      .where('revoked_at', 'is', null)
      .returning(['id', 'name'])
      .executeTakeFirst()
    if (!row) return false
    await recordAuditBy(
      actor,
      {
        action: 'display.revoke',
        target: `station:${stationId}`,
        detail: { deviceId, name: row.name, ...(opts.reason ? { reason: opts.reason } : {}) },
        at: now,
      },
      trx,
    )
    return true
  })
  // Its open stream re-checks the credential now, and the cashier's mark re-counts the tablets.
  if (revoked) publish({ kind: 'station', stationId })
  return revoked
}

/**
 * Gives a working tablet the name the manager knows it by. Returns the names before and after, or
 * null when there is no such tablet at this station (unknown, another station's, or revoked). The
 * name is checked again here: the command line and any other caller get the same rule as the form.
 */
export async function renameDevice(
  stationId: string,
  deviceId: string,
  name: string,
  actor: AuditActor,
  opts: { db?: Kysely<Database>; now?: number } = {},
): Promise<{ from: string; to: string } | null> {
  const to = deviceNameSchema.parse(name)
  const now = opts.now ?? Date.now()
  return inTransaction(opts.db ?? getDb(), async (trx) => {
    const before = await trx
      .selectFrom('devices')
      .select('name')
      .where('id', '=', deviceId)
      .where('station_id', '=', stationId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (!before) return null
    await trx.updateTable('devices').set({ name: to }).where('id', '=', deviceId).execute()
    await recordAuditBy(
      actor,
      {
        action: 'display.rename',
        target: `station:${stationId}`,
        detail: { deviceId, from: before.name, to },
        at: now,
      },
      trx,
    )
    return { from: before.name, to }
  })
}

/**
 * The heartbeat: every poll is one, but the row is written at most once per HEARTBEAT_THROTTLE_MS.
 * The in-memory check skips the write without a query; the WHERE keeps it throttled across processes.
 * Returns true when it wrote.
 */
export async function touchDevice(
  device: Device,
  now: number,
  db: Kysely<Database> = getDb(),
): Promise<boolean> {
  const due = now - HEARTBEAT_THROTTLE_MS
  if (device.lastSeenAt !== null && device.lastSeenAt > due) return false
  const res = await db
    .updateTable('devices')
    .set({ last_seen_at: now })
    .where('id', '=', device.id)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<=', due)]))
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}
