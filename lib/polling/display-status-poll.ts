import 'server-only'
import { accessOf, staffUserFromCookies } from '@/lib/auth/staff-user'
import { stationDisplayStatus } from '@/lib/display/heartbeat'
import { getStation } from '@/lib/stations/repo'
import type { PollAnswer, PollRequest } from './types'

/** Whether the station's customer screen is connected: polled by the cashier's charge screen. */
export async function answerDisplayStatusPoll(
  req: PollRequest,
  stationId: string,
): Promise<PollAnswer> {
  const access = accessOf(await staffUserFromCookies(req.cookies, req.https), 'charge:view')
  if (!access.ok) return { status: access.status, body: { error: access.error } }
  if (!(await getStation(stationId))) return { status: 404, body: { error: 'not-found' } }
  return { status: 200, body: await stationDisplayStatus(stationId, Date.now()) }
}
