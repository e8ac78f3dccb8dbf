import 'server-only'
import type { Kysely } from 'kysely'
import { getDb } from '@/lib/db/connection'
import type { Database } from '@/lib/db/schema'
import type { Device } from './types'

export const SHOWN_EVENT = 'shown-on-display'

/*
 * "The customer's tablet showed this QR": one event per charge and tablet, the first time the tablet
 * receives the QR. The poll runs every second, so a small in-process memory answers the repeat
 * question without a query; the database check covers restarts and other processes.
 */
const remembered = new Set<string>()
const MAX_REMEMBERED = 2_000

/** Records the event unless it already exists. Returns true when it recorded it. */
export async function markShownOnDisplay(
  chargeId: string,
  device: Pick<Device, 'id' | 'name'>,
  now: number,
  db: Kysely<Database> = getDb(),
): Promise<boolean> {
  const key = `${chargeId}:${device.id}`
  if (remembered.has(key)) return false
  const existing = await db
    .selectFrom('charge_events')
    .select('id')
    .where('charge_id', '=', chargeId)
    .where('type', '=', SHOWN_EVENT)
    .where('actor_id', '=', device.id)
    .executeTakeFirst()
  if (!existing) {
    // The same row lib/charges' appendEvent writes (it has no way to take a test database).
    await db
      .insertInto('charge_events')
      .values({
        charge_id: chargeId,
        at: now,
        actor_type: 'display',
        actor_id: device.id,
        actor_name: device.name,
        type: SHOWN_EVENT,
      })
      .execute()
  }
  if (remembered.size >= MAX_REMEMBERED) remembered.clear()
  remembered.add(key)
  return !existing
}
