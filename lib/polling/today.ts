import 'server-only'
import { accessOf, staffRecheck, staffUserFromCookies } from '@/lib/auth/staff-user'
import { listStationChargesToday, stationPaidToday } from '@/lib/charges/station-charges'
import type { Charge } from '@/lib/charges/types'
import { stationTopic } from '@/lib/feed/feed'
import { sseResponse } from '@/lib/feed/sse'
import { getStation } from '@/lib/stations/repo'
import type { PollAnswer, PollRequest, StreamAnswer } from './types'
import type { TodayRow, TodayView } from './today-view'

/*
 * A station's charges today (Beijing day), for the cashier's today list and the list under the
 * charge form: the rows now, then again whenever a charge of the station changes (the feed's
 * station topic). A day boundary changes the list with no event, so it is also read every RECHECK_MS.
 */
const RECHECK_MS = 60_000

export function toTodayRow(c: Charge): TodayRow {
  const { id, bzOrder, amountFen, payWay, status, createdAt } = c
  return { id, bzOrder, amountFen, payWay, status, createdAt }
}

/** The list's view: its rows, and the day's payments (exported for its test). */
export async function readToday(stationId: string): Promise<TodayView> {
  const [rows, paid] = await Promise.all([
    listStationChargesToday(stationId),
    stationPaidToday(stationId),
  ])
  return { rows: rows.map(toTodayRow), paid }
}

async function refused(req: PollRequest, stationId: string): Promise<PollAnswer | null> {
  const access = accessOf(await staffUserFromCookies(req.cookies, req.https), 'charge:view')
  if (!access.ok) return { status: access.status, body: { error: access.error } }
  if (!(await getStation(stationId))) return { status: 404, body: { error: 'not-found' } }
  return null
}

/** The list's plain GET (first load and the fallback poll). */
export async function answerTodayPoll(req: PollRequest, stationId: string): Promise<PollAnswer> {
  return (await refused(req, stationId)) ?? { status: 200, body: await readToday(stationId) }
}

/** The list's subscription: sent again only when the rows changed. */
export async function answerTodayStream(
  req: PollRequest,
  stationId: string,
): Promise<StreamAnswer> {
  const no = await refused(req, stationId)
  if (no) return no
  let last = ''
  const stream = sseResponse({
    signal: req.signal,
    topics: [stationTopic(stationId)],
    tickMs: RECHECK_MS,
    recheck: staffRecheck(req, 'charge:view'),
    async read() {
      const view = await readToday(stationId)
      const text = JSON.stringify(view)
      if (text === last) return null
      last = text
      return view
    },
  })
  return { stream }
}
