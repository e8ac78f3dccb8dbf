'use client'

import type { TodayView } from '@/lib/polling/today-view'
import { deferred } from '@/components/ui/deferred'

const list = deferred(() => import('./today-list-live').then((m) => m.TodayListLive))

/**
 * The station's charges today (today-list-live.tsx), out of the page's first load: the server draws
 * it, and it comes alive (its stream, its links) when its code is in, after what the cashier came
 * for — the charge form — is ready.
 */
export function TodayList(props: {
  stationId: string
  initial: TodayView
  /** Rows shown (the list under the charge form shows the latest few). */
  limit?: number
}) {
  return <list.Part {...props} fallback={<div className="min-h-24" aria-hidden />} />
}
