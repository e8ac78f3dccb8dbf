import 'server-only'
import { sql } from 'kysely'
import { getDb } from '@/lib/db'
import { dbEnv } from '@/lib/env'
import { setRemotePublisher } from './feed'
import { startPgFeed, type PgFeed } from './pg-feed'

let running: PgFeed | null = null

/**
 * At start-up. On SQLite the cashier is one process and the in-process emitter is the whole feed;
 * on PostgreSQL every process also LISTENs, and publishes its events with NOTIFY.
 */
export function startFeed(): void {
  const { databaseUrl } = dbEnv()
  if (!databaseUrl || running) return
  const feed = startPgFeed(databaseUrl, async (channel, payload) => {
    await sql`select pg_notify(${channel}, ${payload})`.execute(getDb())
  })
  running = feed
  setRemotePublisher((event) => {
    // A lost NOTIFY is covered: the other processes' watchers still query DMS each interval.
    feed.notify(event).catch((error: Error) => console.error('change feed: NOTIFY failed', error))
  })
}
