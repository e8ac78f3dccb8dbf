import 'server-only'
import type { Kysely } from 'kysely'
import { getDb } from '@/lib/db/connection'
import type { Database } from '@/lib/db/schema'
import { LIVE_WINDOW_MS } from './constants'
import type { DisplayStatusSummary } from './types'

export type { DisplayStatusSummary }

/** Pure: the summary of the tablets' last contacts at `now`. */
export function summarizeHeartbeats(
  lastSeen: readonly (number | null)[],
  now: number,
): DisplayStatusSummary {
  const seen = lastSeen.filter((t): t is number => t !== null)
  const lastSeenAt = seen.length > 0 ? Math.max(...seen) : null
  const live = lastSeenAt !== null && now - lastSeenAt <= LIVE_WINDOW_MS
  return {
    tablets: lastSeen.length,
    live,
    lastSeenAt,
    offlineForSec:
      live || lastSeenAt === null ? null : Math.max(0, Math.floor((now - lastSeenAt) / 1000)),
  }
}

/** One device's state, for the manager's list. */
export function deviceLiveness(lastSeenAt: number | null, now: number) {
  const s = summarizeHeartbeats([lastSeenAt], now)
  return { live: s.live, offlineForSec: s.offlineForSec }
}

export async function stationDisplayStatus(
  stationId: string,
  now: number,
  db: Kysely<Database> = getDb(),
): Promise<DisplayStatusSummary> {
  const rows = await db
    .selectFrom('devices')
    .select('last_seen_at')
    .where('station_id', '=', stationId)
    .where('revoked_at', 'is', null)
    .execute()
  return summarizeHeartbeats(
    rows.map((r) => (r.last_seen_at === null ? null : Number(r.last_seen_at))),
    now,
  )
}
