import 'server-only'
import { randomInt } from 'node:crypto'
import type { Kysely } from 'kysely'
import { recordAuditBy } from '@/lib/audit/repo'
import { displayActor, type AuditActor } from '@/lib/audit/types'
import { getDb } from '@/lib/db/connection'
import { newId } from '@/lib/db/ids'
import type { Database } from '@/lib/db/schema'
import { inTransaction } from '@/lib/db/transaction'
import { publish } from '@/lib/feed/feed'
import { PAIRING_CODE_TTL_MS } from './constants'
import { deviceLabel } from './device-label'
import { generatePairingCode, normalizePairingCode } from './pairing-code'
import { hashDeviceToken, newDeviceToken } from './tokens'
import type { Device, PairFailure, PairingCode } from './types'

/*
 * Codes are stored as typed, not hashed. A hash of a 6-letter code is reversed by trying all 191
 * million in a second, so it would protect nothing; and whoever can read the database can already
 * write a device row. Plain storage lets the manager's page show the live code again after a reload.
 * What keeps codes safe is their life: one live code per station, ten minutes, single use.
 */

const HOUSEKEEPING_MS = 24 * 3600_000

type Opts = { db?: Kysely<Database>; now?: number }

/**
 * A new code for the station. Any earlier unused code of the station stops working (one live code
 * per station keeps the guessable set tiny). Null when the station does not exist.
 */
export async function createPairingCode(
  stationId: string,
  actor: AuditActor,
  opts: Opts = {},
): Promise<PairingCode | null> {
  const now = opts.now ?? Date.now()
  const expiresAt = now + PAIRING_CODE_TTL_MS
  return inTransaction(opts.db ?? getDb(), async (trx) => {
    const station = await trx
      .selectFrom('stations')
      .select('id')
      .where('id', '=', stationId)
      .executeTakeFirst()
    if (!station) return null
    await trx
      .deleteFrom('pairing_codes')
      .where('expires_at', '<', now - HOUSEKEEPING_MS)
      .execute()
    await trx
      .updateTable('pairing_codes')
      .set({ expires_at: now })
      .where('station_id', '=', stationId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .execute()
    const code = await insertFreshCode(trx, {
      station_id: stationId,
      expires_at: expiresAt,
      used_at: null,
      created_by: actor.id ?? actor.name,
    })
    await recordAuditBy(
      actor,
      {
        action: 'display.code-create',
        target: `station:${stationId}`,
        detail: { expiresAt },
        at: now,
      },
      trx,
    )
    return { code, stationId, expiresAt }
  })
}

async function insertFreshCode(
  trx: Kysely<Database>,
  row: { station_id: string; expires_at: number; used_at: null; created_by: string },
): Promise<string> {
  // A collision with a kept (recent) code is rare; on PostgreSQL a failed statement aborts the
  // transaction, so check first rather than catch.
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = generatePairingCode(randomInt)
    const taken = await trx
      .selectFrom('pairing_codes')
      .select('code')
      .where('code', '=', code)
      .executeTakeFirst()
    if (taken) continue
    await trx
      .insertInto('pairing_codes')
      .values({ code, ...row })
      .execute()
    return code
  }
  throw new Error('Could not find a free pairing code')
}

/** The station's live code, if any (the manager's page shows it). */
export async function activePairingCode(
  stationId: string,
  opts: Opts = {},
): Promise<PairingCode | null> {
  const now = opts.now ?? Date.now()
  const row = await (opts.db ?? getDb())
    .selectFrom('pairing_codes')
    .select(['code', 'station_id', 'expires_at'])
    .where('station_id', '=', stationId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('expires_at', 'desc')
    .executeTakeFirst()
  return row
    ? { code: row.code, stationId: row.station_id, expiresAt: Number(row.expires_at) }
    : null
}

export type PairResult =
  { ok: true; device: Device; token: string } | { ok: false; reason: PairFailure }

/**
 * Spends a code and creates the tablet it pairs. Single use even under concurrent attempts: the
 * conditional UPDATE claims the code, and only the attempt that changed the row goes on.
 * The token is returned once, for the cookie; only its hash is stored.
 */
export async function redeemPairingCode(
  input: string,
  client: { userAgent?: string | null; ip?: string | null },
  opts: Opts = {},
): Promise<PairResult> {
  const code = normalizePairingCode(input)
  if (!code) return { ok: false, reason: 'malformed' }
  const now = opts.now ?? Date.now()
  const db = opts.db ?? getDb()
  const result = await inTransaction(db, async (trx): Promise<PairResult | null> => {
    const claimed = await trx
      .updateTable('pairing_codes')
      .set({ used_at: now })
      .where('code', '=', code)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['station_id', 'created_by'])
      .executeTakeFirst()
    if (!claimed) return null
    const token = newDeviceToken()
    const id = newId()
    const device: Device = {
      id,
      stationId: claimed.station_id,
      name: deviceLabel(client.userAgent, id),
      createdAt: now,
      lastSeenAt: null,
      revokedAt: null,
    }
    await trx
      .insertInto('devices')
      .values({
        id,
        station_id: device.stationId,
        name: device.name,
        token_hash: hashDeviceToken(token),
        created_at: now,
        last_seen_at: null,
        revoked_at: null,
      })
      .execute()
    await recordAuditBy(
      displayActor(client.ip ?? null),
      {
        action: 'display.pair',
        target: `station:${device.stationId}`,
        detail: { deviceId: id, name: device.name, codeCreatedBy: claimed.created_by },
        at: now,
      },
      trx,
    )
    return { ok: true, device, token }
  })
  if (result?.ok) publish({ kind: 'station', stationId: result.device.stationId })
  return result ?? { ok: false, reason: await whyNot(db, code, now) }
}

async function whyNot(db: Kysely<Database>, code: string, now: number): Promise<PairFailure> {
  const row = await db
    .selectFrom('pairing_codes')
    .select(['used_at', 'expires_at'])
    .where('code', '=', code)
    .executeTakeFirst()
  if (!row) return 'not-found'
  if (row.used_at !== null) return 'used'
  return Number(row.expires_at) <= now ? 'expired' : 'not-found'
}
