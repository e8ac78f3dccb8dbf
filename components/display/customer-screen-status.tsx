'use client'

import { useTranslations } from 'next-intl'
import { useLiveView } from '@/components/live/use-live-view'
import type { DisplayStatusSummary } from '@/lib/display/types'
import { durationParts } from './duration'

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

/** Whether the station's customer screen is connected, pushed (components/live/use-live-view.ts). */
function useDisplayStatus(stationId: string) {
  return useLiveView<DisplayStatusSummary>({
    url: `/api/stations/${encodeURIComponent(stationId)}/display-status`,
    fetcher: fetchStatus,
    enabled: true,
    swr: STATUS_SWR,
  })
}

/**
 * For the cashier: whether the station's customer screen is connected ("顾客屏幕已连接" /
 * "顾客屏幕离线 40 秒"). Renders nothing while loading, on error, or when the station has no tablet.
 */
export function CustomerScreenStatus({ stationId }: { stationId: string }) {
  const t = useTranslations('tablets.screenStatus')
  const tUnit = useTranslations('tablets.units')
  const { data } = useDisplayStatus(stationId)
  if (!data || data.tablets === 0) return null
  let text: string
  if (data.live) text = t('live')
  else if (data.offlineForSec === null) text = t('never')
  else {
    const { unit, n } = durationParts(data.offlineForSec)
    text = t('offline', { duration: tUnit(unit, { n }) })
  }
  return (
    <p
      data-testid="customer-screen-status"
      data-live={data.live ? 'true' : 'false'}
      aria-live="polite"
      className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-sm text-gray-700 ring-1 ring-gray-200"
    >
      <span
        className={`h-2.5 w-2.5 rounded-full ${data.live ? 'bg-green-500' : 'bg-amber-500'}`}
        aria-hidden
      />
      {text}
    </p>
  )
}
