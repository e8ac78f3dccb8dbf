import 'server-only'
import { sql, type Kysely } from 'kysely'
import type { Database } from '@/lib/db/schema'

/*
 * Attempt counts in fixed windows, kept in the database so that every instance shares them and a
 * restart does not hand out a fresh allowance.
 *
 * Why not rate-limiter-flexible's own stores: it has none for Kysely. Its SQLite store runs
 * synchronous statements on the better-sqlite3 handle it is given, which on ours would run inside
 * whatever transaction the query lane has open at that moment (or, on a second handle, wait for the
 * write lock synchronously and freeze the event loop that holds it). Its PostgreSQL store would be
 * a second code path for the other dialect. One upsert through our own layer does both, in turn.
 */

export interface WindowCount {
  /** Points counted in the current window, this one included. */
  points: number
  /** When the window ends, epoch ms. */
  expiresAt: number
}

/**
 * Counts one point against `key`, atomically: a new window when there is none or the last one has
 * ended. Returns the count after this point.
 */
export async function countPoint(
  db: Kysely<Database>,
  key: string,
  windowMs: number,
  now: number,
): Promise<WindowCount> {
  const row = await db
    .insertInto('rate_limits')
    .values({ limit_key: key, points: 1, expires_at: now + windowMs })
    .onConflict((oc) =>
      oc.column('limit_key').doUpdateSet({
        points: sql<number>`case when rate_limits.expires_at <= ${now} then 1 else rate_limits.points + 1 end`,
        expires_at: sql<number>`case when rate_limits.expires_at <= ${now} then ${now + windowMs} else rate_limits.expires_at end`,
      }),
    )
    .returning(['points', 'expires_at'])
    .executeTakeFirstOrThrow()
  return { points: Number(row.points), expiresAt: Number(row.expires_at) }
}

/** The live window of `key`, or null. */
export async function readCount(
  db: Kysely<Database>,
  key: string,
  now: number,
): Promise<WindowCount | null> {
  const row = await db
    .selectFrom('rate_limits')
    .select(['points', 'expires_at'])
    .where('limit_key', '=', key)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return row ? { points: Number(row.points), expiresAt: Number(row.expires_at) } : null
}

/** Takes one point back from a live window (never below zero; an ended window stays ended). */
export async function givePointBack(db: Kysely<Database>, key: string, now: number) {
  await db
    .updateTable('rate_limits')
    .set({ points: sql<number>`points - 1` })
    .where('limit_key', '=', key)
    .where('expires_at', '>', now)
    .where('points', '>', 0)
    .execute()
}

export async function forgetKey(db: Kysely<Database>, key: string) {
  await db.deleteFrom('rate_limits').where('limit_key', '=', key).execute()
}

/** Drops ended windows, so the table holds only the keys seen in the last window. */
export async function dropEnded(db: Kysely<Database>, now: number) {
  await db.deleteFrom('rate_limits').where('expires_at', '<=', now).execute()
}
