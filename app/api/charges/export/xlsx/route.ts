import { connection } from 'next/server'
import { exportChargesXlsx } from '@/lib/charges/queries/export-xlsx'
import { startExport } from '../export-request'

/** The same filtered set as an .xlsx: `GET /api/charges/export/xlsx?<the list's filters>`. */
export async function GET(req: Request) {
  await connection()
  const now = Date.now()
  const start = await startExport(req, 'xlsx', now)
  if (start instanceof Response) return start
  return new Response(exportChargesXlsx(start.query, start.labels), { headers: start.headers })
}
