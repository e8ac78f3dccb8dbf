import { connection } from 'next/server'
import { sql } from 'kysely'
import { getDb } from '@/lib/db'

/** For load balancers and the launcher: answers 200 only when the database answers. */
export async function GET() {
  await connection()
  try {
    await sql`select 1`.execute(getDb())
    return Response.json({ ok: true })
  } catch {
    return Response.json({ ok: false, error: 'database unavailable' }, { status: 503 })
  }
}
