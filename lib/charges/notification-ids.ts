import 'server-only'
import { getDb } from '@/lib/db/connection'

/*
 * The ids of the DMS notifications already acted on (contract F: each carries a notifyId). DMS
 * sends one again when our answer got lost, and anyone who saw one can replay it: the first time
 * it is a hint to query, every later time it is nothing. Kept in the database, so a replay is
 * recognised by every instance and after a restart; kept a week, far longer than DMS retries.
 */

const KEEP_MS = 7 * 24 * 3600_000
const HOUSEKEEPING_EVERY_MS = 3600_000
let lastHousekeeping = -Infinity

/** True the first time `notifyId` is seen, false for a repeat. */
export async function firstSighting(notifyId: string, now = Date.now()): Promise<boolean> {
  const db = getDb()
  if (now - lastHousekeeping > HOUSEKEEPING_EVERY_MS) {
    lastHousekeeping = now
    await db
      .deleteFrom('dms_notifications')
      .where('received_at', '<', now - KEEP_MS)
      .execute()
  }
  const inserted = await db
    .insertInto('dms_notifications')
    .values({ notify_id: notifyId.slice(0, 128), received_at: now })
    .onConflict((oc) => oc.column('notify_id').doNothing())
    .returning('notify_id')
    .executeTakeFirst()
  return inserted !== undefined
}
