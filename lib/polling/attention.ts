import 'server-only'
import { accessOf, staffRecheck, staffUserFromCookies } from '@/lib/auth/staff-user'
import { countNeedsAttention } from '@/lib/charges/queries/attention'
import { ALL_CHARGES_TOPIC } from '@/lib/feed/feed'
import { sseResponse } from '@/lib/feed/sse'
import { processWide } from '@/lib/server/process-wide'
import type { PollAnswer, PollRequest, StreamAnswer } from './types'

/*
 * The manager's attention badge: how many charges need a manager now. It changes with charges and
 * their reviews (the feed: markReviewed publishes the charge though its row does not change) and
 * with time alone (a charge becomes overdue while nothing happens), so a subscription also counts
 * again every RECOUNT_MS.
 */
const RECOUNT_MS = 15_000
/** A busy shop's stream of changes costs one count per this long, however many managers watch. */
const FRESH_MS = 500

export interface AttentionView {
  count: number
}

const shared = processWide('attention-count', () => ({
  at: 0,
  pending: null as Promise<number> | null,
  last: 0,
}))

function sharedCount(): Promise<number> {
  if (shared.pending) return shared.pending
  if (Date.now() - shared.at < FRESH_MS) return Promise.resolve(shared.last)
  shared.pending = countNeedsAttention()
    .then((n) => {
      shared.last = n
      shared.at = Date.now()
      return n
    })
    .finally(() => {
      shared.pending = null
    })
  return shared.pending
}

async function allowed(req: PollRequest): Promise<PollAnswer | null> {
  const access = accessOf(await staffUserFromCookies(req.cookies, req.https), 'charges:review')
  return access.ok ? null : { status: access.status, body: { error: access.error } }
}

/** The badge's plain GET (first load and the fallback poll). */
export async function answerAttentionPoll(req: PollRequest): Promise<PollAnswer> {
  const refused = await allowed(req)
  if (refused) return refused
  return { status: 200, body: { count: await countNeedsAttention() } satisfies AttentionView }
}

/** The badge's subscription: the count now, then again whenever it changes. */
export async function answerAttentionStream(req: PollRequest): Promise<StreamAnswer> {
  const refused = await allowed(req)
  if (refused) return refused
  let last = -1
  const stream = sseResponse({
    signal: req.signal,
    topics: [ALL_CHARGES_TOPIC],
    tickMs: RECOUNT_MS,
    recheck: staffRecheck(req, 'charges:review'),
    async read(cause) {
      const count = cause === 'start' ? await countNeedsAttention() : await sharedCount()
      if (count === last) return null
      last = count
      return { count } satisfies AttentionView
    },
  })
  return { stream }
}
