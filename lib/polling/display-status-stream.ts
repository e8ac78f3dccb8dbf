import 'server-only'
import { accessOf, staffRecheck, staffUserFromCookies } from '@/lib/auth/staff-user'
import { stationDisplayStatus } from '@/lib/display/heartbeat'
import { stationTopic } from '@/lib/feed/feed'
import { sseResponse } from '@/lib/feed/sse'
import { getStation } from '@/lib/stations/repo'
import type { PollRequest, StreamAnswer } from './types'

/** A tablet's heartbeats are not events: the mark is re-read this often (and on pairing/revoke). */
const RECHECK_MS = 5_000

/** The cashier's "customer screen connected" mark, as a subscription. Sent only when it changes. */
export async function answerDisplayStatusStream(
  req: PollRequest,
  stationId: string,
): Promise<StreamAnswer> {
  const access = accessOf(await staffUserFromCookies(req.cookies, req.https), 'charge:view')
  if (!access.ok) return { status: access.status, body: { error: access.error } }
  if (!(await getStation(stationId))) return { status: 404, body: { error: 'not-found' } }
  let last = ''
  const stream = sseResponse({
    signal: req.signal,
    topics: [stationTopic(stationId)],
    tickMs: RECHECK_MS,
    recheck: staffRecheck(req, 'charge:view'),
    async read() {
      const status = await stationDisplayStatus(stationId, Date.now())
      const text = JSON.stringify(status)
      if (text === last) return null
      last = text
      return status
    },
  })
  return { stream }
}
