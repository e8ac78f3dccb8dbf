import { connection } from 'next/server'
import { beijingDay } from '@/lib/charges/beijing-day'
import { exportChargesXlsx } from '@/lib/charges/queries/export-xlsx'
import { startExport } from '../export-request'

/** The same filtered set as an .xlsx: `GET /api/charges/export/xlsx?<the list's filters>`. */
export async function GET(req: Request) {
  await connection()
  const now = Date.now()
  const start = await startExport(req, 'xlsx', now)
  if (start instanceof Response) return start
  return new Response(exportChargesXlsx(start.query, start.labels), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="charges-${beijingDay(now)}.xlsx"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  })
}
