import { connection } from 'next/server'
import { beijingDay } from '@/lib/charges/beijing-day'
import { exportChargesCsv } from '@/lib/charges/queries/export-csv'
import { startExport } from './export-request'

/** The list's filtered set as CSV, every page, streamed: `GET /api/charges/export?<the list's filters>`. */
export async function GET(req: Request) {
  await connection()
  const now = Date.now()
  const start = await startExport(req, 'csv', now)
  if (start instanceof Response) return start
  return new Response(exportChargesCsv(start.query, start.labels), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="charges-${beijingDay(now)}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  })
}
