import { connection } from 'next/server'
import { exportChargesCsv } from '@/lib/charges/queries/export-csv'
import { startExport } from './export-request'

/** The list's filtered set as CSV, every page, streamed: `GET /api/charges/export?<the list's filters>`. */
export async function GET(req: Request) {
  await connection()
  const now = Date.now()
  const start = await startExport(req, 'csv', now)
  if (start instanceof Response) return start
  return new Response(exportChargesCsv(start.query, start.labels), { headers: start.headers })
}
