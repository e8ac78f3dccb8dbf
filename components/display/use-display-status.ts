'use client'

import { useLiveView } from '@/components/live/use-live-view'
import type { DisplayStatusSummary } from '@/lib/display/types'

async function fetchStatus(url: string): Promise<DisplayStatusSummary> {
  const res = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return (await res.json()) as DisplayStatusSummary
}

const STATUS_SWR = {
  revalidateOnFocus: true,
  dedupingInterval: 1_000,
  keepPreviousData: true,
}

/**
 * Whether the station's customer screen is connected, pushed (components/live/use-live-view.ts).
 * Apart from its drawing (customer-screen-line.tsx), so the charge screen subscribes in its first
 * load and draws the line when that code comes.
 */
export function useDisplayStatus(stationId: string) {
  return useLiveView<DisplayStatusSummary>({
    url: `/api/stations/${encodeURIComponent(stationId)}/display-status`,
    fetcher: fetchStatus,
    enabled: true,
    swr: STATUS_SWR,
  })
}
