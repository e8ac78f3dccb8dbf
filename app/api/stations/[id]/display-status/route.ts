import { connection } from 'next/server'
import { checkAccess } from '@/lib/auth/session'
import { stationDisplayStatus } from '@/lib/display/heartbeat'
import { getStation } from '@/lib/stations/repo'

/** Whether the station's customer screen is connected: polled by the cashier's charge screen. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  await connection()
  const access = await checkAccess('charge:view')
  if (!access.ok) return Response.json({ error: access.error }, { status: access.status })
  const { id } = await params
  if (!(await getStation(id))) return Response.json({ error: 'not-found' }, { status: 404 })
  return Response.json(await stationDisplayStatus(id, Date.now()), {
    headers: { 'cache-control': 'no-store' },
  })
}
