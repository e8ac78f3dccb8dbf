import { connection } from 'next/server'
import { sql } from 'kysely'
import { getDb } from '@/lib/db'
import { env } from '@/lib/env'

/**
 * For load balancers and the launcher: answers 200 only when the database answers. With RUN_TOKEN
 * set it also answers that token, so whoever started this process can tell it from another server
 * on the same port (tests and benchmarks do, before trusting anything it says).
 */
export async function GET() {
  await connection()
  const run = env().runToken
  const who = run ? { run } : {}
  try {
    await sql`select 1`.execute(getDb())
    return Response.json({ ok: true, ...who })
  } catch {
    return Response.json({ ok: false, error: 'database unavailable', ...who }, { status: 503 })
  }
}
