'use client'

import { useTranslations } from 'next-intl'
import { durationParts } from './duration'

/**
 * For the cashier: whether the station's customer screen is connected ("顾客屏幕已连接" /
 * "顾客屏幕离线 40 秒"), drawn from its status (use-display-status.ts).
 */
export function CustomerScreenLine({
  live,
  offlineForSec,
}: {
  live: boolean
  /** Null: the screen has never connected. */
  offlineForSec: number | null
}) {
  const t = useTranslations('tablets.screenStatus')
  const tUnit = useTranslations('tablets.units')
  let text: string
  if (live) text = t('live')
  else if (offlineForSec === null) text = t('never')
  else {
    const { unit, n } = durationParts(offlineForSec)
    text = t('offline', { duration: tUnit(unit, { n }) })
  }
  return (
    <p
      data-testid="customer-screen-status"
      data-live={live ? 'true' : 'false'}
      aria-live="polite"
      className="inline-flex min-h-7 items-center gap-2 rounded-full bg-white px-3 py-1 text-sm text-gray-700 ring-1 ring-gray-200"
    >
      <span
        className={`h-2.5 w-2.5 rounded-full ${live ? 'bg-green-500' : 'bg-amber-500'}`}
        aria-hidden
      />
      {text}
    </p>
  )
}
