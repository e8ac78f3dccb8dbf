/*
 * DMS refusing the same thing again and again (a close it keeps refusing, a query it keeps
 * rejecting, checks that keep failing) is one fact for the timeline, not a row per try: ~17,000
 * rows a day per charge otherwise. A repeat is added to the earlier event (a count and the last
 * time) when nothing else happened to the charge in between. Pure: the decision is here, the
 * writing in repo.ts.
 */

export const REPEATING_EVENT_TYPES: ReadonlySet<string> = new Set([
  'close-failed',
  'query-rejected',
  'check-failed',
])

export interface RecentEvent {
  id: number
  type: string
  dmsCode: number | null
}

/**
 * The id of the event `next` repeats, or null to append it as a new one. `recent` is the charge's
 * latest events, newest first. Repeating events of other kinds in between (a close refused, then a
 * query rejected, then the close again) do not break the run; any other event does.
 */
export function repeatedEventId(
  recent: readonly RecentEvent[],
  next: { type: string; dmsCode: number | null },
): number | null {
  if (!REPEATING_EVENT_TYPES.has(next.type)) return null
  for (const e of recent) {
    if (!REPEATING_EVENT_TYPES.has(e.type)) return null
    if (e.type === next.type && e.dmsCode === next.dmsCode) return e.id
  }
  return null
}
