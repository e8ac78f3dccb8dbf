import { connection } from 'next/server'
import { sql } from 'kysely'
import { getDb } from '@/lib/db'
import { env } from '@/lib/env'
import { watchedCharges } from '@/lib/charges/watch'
import { openSubscriptions } from '@/lib/feed/feed'

/**
 * For load balancers and the launcher: answers 200 only when the database answers. With RUN_TOKEN
 * set it also answers that token, so whoever started this process can tell it from another server
 * on the same port (tests and benchmarks do, before trusting anything it says).
 * `live`: screens subscribed to this process and the charges it watches for them — what an operator
 * looks at to see that closed screens released what they held (both return to 0 when all have gone).
 */
export async function GET() {
  await connection()
  const run = env().runToken
  const who = run ? { run } : {}
  try {
    await sql`select 1`.execute(getDb())
    const live = { subscriptions: openSubscriptions(), watchedCharges: watchedCharges() }
    return Response.json({ ok: true, live, ...who })
  } catch {
    return Response.json({ ok: false, error: 'database unavailable', ...who }, { status: 503 })
  }
}
